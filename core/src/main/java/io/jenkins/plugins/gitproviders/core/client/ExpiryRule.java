package io.jenkins.plugins.gitproviders.core.client;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Rates a token's expiry the same way for every host: FAIL once expired, WARN within {@link #WARNING_PERIOD}, PASS
 * otherwise, and PASS with "unknown" where the host does not tell.
 */
public final class ExpiryRule {
    /** Tokens expiring within this period are reported, in the diagnosis and the administrative monitor. */
    public static final Duration WARNING_PERIOD = Duration.ofDays(14);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private ExpiryRule() {}

    /**
     * Rates an expiry date.
     *
     * @param expiry        when the token expires, or {@code null} when the host does not tell or the token never expires
     * @param neverExpires  whether the host said explicitly that the token has no expiry
     * @param hostName      the host's name for messages ("GitHub", "GitLab")
     */
    public static Check evaluate(@CheckForNull Instant expiry, boolean neverExpires, String hostName, Clock clock) {
        if (expiry == null) {
            return neverExpires
                    ? Check.pass(CheckId.EXPIRY, "The token has no expiry date.")
                    : Check.pass(CheckId.EXPIRY, "Unknown: " + hostName + " does not report it for this"
                            + " kind of token.");
        }
        Instant now = clock.instant();
        long daysLeft = Duration.between(now, expiry).toDays();
        if (!expiry.isAfter(now)) {
            return Check.fail(CheckId.EXPIRY, "The token expired on " + DATE.format(expiry) + ".",
                    "Create a new token in " + hostName + " with the same scopes and update the credential.");
        }
        if (Duration.between(now, expiry).compareTo(WARNING_PERIOD) < 0) {
            return Check.warn(CheckId.EXPIRY, "The token expires on " + DATE.format(expiry) + " (" + daysLeft
                    + (daysLeft == 1 ? " day" : " days") + " left).",
                    "Regenerate or replace the token in " + hostName
                            + " before it expires and update the credential.");
        }
        return Check.pass(CheckId.EXPIRY, "The token expires on " + DATE.format(expiry) + " (" + daysLeft
                + " days left).");
    }

    /** Tells whether an expiry date calls for the administrator's attention now. */
    public static boolean needsAttention(@CheckForNull Instant expiry, Clock clock) {
        return expiry != null && Duration.between(clock.instant(), expiry).compareTo(WARNING_PERIOD) < 0;
    }
}
