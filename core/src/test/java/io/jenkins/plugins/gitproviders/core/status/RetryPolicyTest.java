package io.jenkins.plugins.gitproviders.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.Test;

public class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final RetryPolicy POLICY = RetryPolicy.DEFAULT;

    @Test
    public void shouldBackOffFourfoldAndGiveUpAfterTheLastAttempt() {
        StatusFailure timeout = failure(StatusFailure.Kind.TIMEOUT, null);

        assertThat(POLICY.delayBeforeNextAttempt(1, timeout, NOW)).contains(Duration.ofSeconds(5));
        assertThat(POLICY.delayBeforeNextAttempt(2, timeout, NOW)).contains(Duration.ofSeconds(20));
        assertThat(POLICY.delayBeforeNextAttempt(3, timeout, NOW)).contains(Duration.ofSeconds(80));
        assertThat(POLICY.delayBeforeNextAttempt(4, timeout, NOW)).isEmpty();
    }

    @Test
    public void shouldCapTheDelay() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ZERO);

        assertThat(policy.delayBeforeNextAttempt(9, failure(StatusFailure.Kind.SERVER_ERROR, null), NOW))
                .contains(Duration.ofMinutes(2));
    }

    @Test
    public void shouldNeverRetryWhatFailsTheSameWayEveryTime() {
        for (StatusFailure.Kind kind : new StatusFailure.Kind[] {StatusFailure.Kind.UNAUTHORIZED,
                StatusFailure.Kind.MISSING_PERMISSION, StatusFailure.Kind.NOT_FOUND, StatusFailure.Kind.REJECTED,
                StatusFailure.Kind.INVALID_REQUEST, StatusFailure.Kind.MISCONFIGURED}) {
            assertThat(POLICY.delayBeforeNextAttempt(1, failure(kind, null), NOW)).as(kind.name()).isEmpty();
        }
        for (StatusFailure.Kind kind : new StatusFailure.Kind[] {StatusFailure.Kind.TIMEOUT,
                StatusFailure.Kind.UNREACHABLE, StatusFailure.Kind.SERVER_ERROR, StatusFailure.Kind.RATE_LIMITED}) {
            assertThat(POLICY.delayBeforeNextAttempt(1, failure(kind, null), NOW)).as(kind.name()).isPresent();
        }
    }

    @Test
    public void shouldWaitForTheRateLimitsResetWhenItIsNearAndGiveUpWhenItIsFar() {
        Optional<Duration> near = POLICY.delayBeforeNextAttempt(1,
                failure(StatusFailure.Kind.RATE_LIMITED, NOW.plusSeconds(90)), NOW);
        Optional<Duration> soon = POLICY.delayBeforeNextAttempt(1,
                failure(StatusFailure.Kind.RATE_LIMITED, NOW.plusSeconds(1)), NOW);
        Optional<Duration> far = POLICY.delayBeforeNextAttempt(1,
                failure(StatusFailure.Kind.RATE_LIMITED, NOW.plusSeconds(3600)), NOW);

        assertThat(near).contains(Duration.ofSeconds(90));
        assertThat(soon).contains(Duration.ofSeconds(5));
        assertThat(far).isEmpty();
    }

    private static StatusFailure failure(StatusFailure.Kind kind, Instant retryAt) {
        return new StatusFailure(kind, 0, "m", "f", retryAt);
    }
}
