package io.jenkins.plugins.gitproviders.core.delivery;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Builds events, dispatches and clocks for the delivery tests. */
final class Deliveries {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final RepositoryKey PAYMENTS = RepositoryKey.parseOrThrow("https://github.com/acme/payments");

    private Deliveries() {}

    /**
     * Returns a 40-hex commit id derived from a number, so tests can chain commits; the digits of the number come
     * first, lowest first, so that short ids differ too ({@code commit(1)} is {@code 20000000bbbb...}).
     */
    static String commit(long n) {
        String digits = new StringBuilder(String.format(Locale.ROOT, "%08x", n + 1)).reverse().toString();
        return digits + "b".repeat(32);
    }

    static WebhookEvent push(String branch, @CheckForNull String before, String after) {
        return new WebhookEvent(ProviderType.GITHUB, EventKind.BRANCH_PUSH,
                new RepositoryInfo("github.com", "acme/payments", "https://github.com/acme/payments.git", null, null),
                "refs/heads/" + branch, before, after, null, null, null, after, "octocat", "d-" + after.substring(0, 8));
    }

    static WebhookEvent pullRequest(int number, String head) {
        return new WebhookEvent(ProviderType.GITHUB, EventKind.PULL_REQUEST_UPDATED,
                new RepositoryInfo("github.com", "acme/payments", null, null, null), "refs/heads/feature", null, head,
                number, "feature", "main", head, "octocat", "pr-" + head.substring(0, 8));
    }

    static List<WebhookResponse.Dispatch> dispatches(WebhookEvent event, String... jobs) {
        return java.util.Arrays.stream(jobs).map(job -> new WebhookResponse.Dispatch(job, event)).toList();
    }

    /** A clock that can be moved by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
