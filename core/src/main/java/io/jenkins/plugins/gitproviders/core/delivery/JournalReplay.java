package io.jenkins.plugins.gitproviders.core.delivery;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;

/**
 * Tells what opening the journal found: the deliveries whose builds were not all queued before Jenkins stopped, and
 * what could not be read.
 *
 * @param entries        the pending deliveries, oldest first; schedule their builds, then complete them
 * @param tornRecords    records cut short by a crash while they were written (the delivery was not yet answered,
 *                       so the host saw no success); skipped
 * @param corruptRecords records damaged elsewhere in the file (a checksum or format mismatch); skipped
 * @param droppedEntries pending deliveries left out because they exceed the journal's limits; lost
 * @param problem        what went wrong in words, for the deliveries page; {@code null} when all was read
 */
public record JournalReplay(
        List<JournalEntry> entries,
        int tornRecords,
        int corruptRecords,
        int droppedEntries,
        @CheckForNull String problem) {
    public JournalReplay {
        entries = List.copyOf(entries);
    }

    /** Tells whether everything in the file was read. */
    public boolean clean() {
        return tornRecords == 0 && corruptRecords == 0 && droppedEntries == 0 && problem == null;
    }
}
