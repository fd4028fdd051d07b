package io.jenkins.plugins.gitproviders.core.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether and when a status that failed is sent again. Only failures that may pass on their own are retried
 * (timeouts, unreachable hosts, server errors, rate limits: {@link StatusFailure.Kind#retryable()}); a rejected token,
 * a missing scope or an unknown repository fail the same way every time, so they are reported at once. Delays grow
 * fourfold from {@link #firstDelay()} up to {@link #maxDelay()}; a rate limit is waited for until its reset, unless
 * that is further away than {@link #maxRateLimitWait()}.
 *
 * <p>The plugin runs the attempts off the build's thread and writes the final failure to the build log once. A retry
 * whose state was overtaken (the build finished while its pending status was being retried) is dropped by the caller:
 * an older state must never overwrite a newer one.
 *
 * @param maxAttempts      how many times a status is sent at most, the first attempt included
 * @param firstDelay       the delay before the second attempt
 * @param maxDelay         the longest delay between attempts
 * @param maxRateLimitWait the longest wait for a rate limit's reset; beyond it the status is given up
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration maxRateLimitWait) {
    /** Four attempts, after 5 s, 20 s and 80 s; a rate limit is waited for up to 10 minutes. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(5), Duration.ofMinutes(2),
            Duration.ofMinutes(10));

    private static final int GROWTH = 4;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt is made, not " + maxAttempts + ".");
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxRateLimitWait.isNegative()) {
            throw new IllegalArgumentException("Delays are positive and the longest is not shorter than the first.");
        }
    }

    /**
     * Returns how long to wait before the next attempt, or empty to give up and report the failure.
     *
     * @param attemptsMade how many attempts were made so far (1 after the first)
     * @param failure      why the last attempt failed
     * @param now          the current time, to compare with a rate limit's reset
     */
    public Optional<Duration> delayBeforeNextAttempt(int attemptsMade, StatusFailure failure, Instant now) {
        if (attemptsMade >= maxAttempts || !failure.kind().retryable()) {
            return Optional.empty();
        }
        Duration backoff = backoff(attemptsMade);
        if (failure.kind() == StatusFailure.Kind.RATE_LIMITED && failure.retryAt() != null) {
            Duration untilReset = Duration.between(now, failure.retryAt());
            if (untilReset.compareTo(maxRateLimitWait) > 0) {
                return Optional.empty();
            }
            return Optional.of(untilReset.compareTo(backoff) > 0 ? untilReset : backoff);
        }
        return Optional.of(backoff);
    }

    private Duration backoff(int attemptsMade) {
        Duration delay = firstDelay;
        for (int i = 1; i < attemptsMade && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(GROWTH);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
