package io.jenkins.plugins.gitproviders.core.client.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Describes a rate limit as a host reported it in its headers ({@code X-RateLimit-*}, {@code RateLimit-*},
 * {@code Retry-After}); every part is optional because hosts report different subsets.
 *
 * @param limit     requests (or units) allowed per window
 * @param remaining requests left in the window
 * @param reset     when the window resets or a retry is allowed
 */
public record RateLimit(@CheckForNull Long limit, @CheckForNull Long remaining, @CheckForNull Instant reset) {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    /** Values above this are epoch seconds, below it seconds from now (GitLab and Gitea send epoch, some delta). */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;

    /** Reads the rate limit headers of an answer, if it has any. */
    public static Optional<RateLimit> of(ApiResponse response, Clock clock) {
        Long limit = number(response, "X-RateLimit-Limit", "RateLimit-Limit");
        Long remaining = number(response, "X-RateLimit-Remaining", "RateLimit-Remaining");
        Instant reset = null;
        Long resetValue = number(response, "X-RateLimit-Reset", "RateLimit-Reset");
        if (resetValue != null) {
            reset = resetValue > EPOCH_THRESHOLD ? Instant.ofEpochSecond(resetValue)
                    : clock.instant().plusSeconds(resetValue);
        }
        Long retryAfter = number(response, "Retry-After");
        if (retryAfter != null) {
            reset = clock.instant().plusSeconds(retryAfter);
        }
        if (limit == null && remaining == null && reset == null) {
            return Optional.empty();
        }
        return Optional.of(new RateLimit(limit, remaining, reset));
    }

    @CheckForNull
    private static Long number(ApiResponse response, String... names) {
        for (String name : names) {
            Optional<String> value = response.header(name);
            if (value.isPresent()) {
                try {
                    // Azure sends decimals in some headers; keep the whole part.
                    return (long) Double.parseDouble(value.get().trim());
                } catch (NumberFormatException e) {
                    // Not a number (an HTTP date in Retry-After, for example): treat as not reported.
                }
            }
        }
        return null;
    }

    /** Tells whether no request is left in the window. */
    public boolean exhausted() {
        return remaining != null && remaining <= 0;
    }

    /** Describes the limit in words, for messages. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (remaining != null) {
            text.append(remaining).append(limit == null ? "" : " of " + limit).append(" requests left");
        } else if (limit != null) {
            text.append("limit ").append(limit).append(" requests");
        }
        if (reset != null) {
            text.append(text.length() == 0 ? "" : "; ").append("resets at ").append(TIME.format(reset));
        }
        return text.toString();
    }

    /** Returns how long until the reset, when known. */
    public Optional<Duration> untilReset(Clock clock) {
        return reset == null ? Optional.empty() : Optional.of(Duration.between(clock.instant(), reset));
    }
}
