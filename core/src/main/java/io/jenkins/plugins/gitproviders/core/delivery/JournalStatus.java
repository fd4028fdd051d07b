package io.jenkins.plugins.gitproviders.core.delivery;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;

/**
 * Describes the journal for the deliveries page.
 *
 * @param pendingEntries the deliveries whose builds are not all queued yet
 * @param pendingBytes   the bytes those entries take
 * @param fileBytes      the size of the journal file now
 * @param maxEntries     the most pending deliveries accepted
 * @param maxBytes       the most bytes of pending deliveries accepted
 * @param problem        the last failure to write, in words; {@code null} once a write succeeded after it
 * @param problemAt      when that failure happened
 */
public record JournalStatus(
        int pendingEntries,
        long pendingBytes,
        long fileBytes,
        int maxEntries,
        long maxBytes,
        @CheckForNull String problem,
        @CheckForNull Instant problemAt) {
    /** Tells whether the journal refuses new deliveries for lack of room. */
    public boolean full() {
        return pendingEntries >= maxEntries;
    }
}
