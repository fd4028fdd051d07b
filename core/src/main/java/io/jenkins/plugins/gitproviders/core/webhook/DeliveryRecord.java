package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.routing.RoutingResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Remembers one delivery for the administrators' "recent deliveries" list: when, from which provider, what event for
 * which repository, the status answered, and the jobs triggered or the reason none was. Holds no secret and no body;
 * the job lists are cut at {@link #MAX_JOBS} so a record stays small whatever the delivery triggered.
 *
 * @param receivedAt   when the delivery arrived
 * @param status       the HTTP status answered
 * @param provider     the provider that accepted it, once known
 * @param event        the event kind's name, once parsed
 * @param repository   the repository's key, once known
 * @param ref          the ref, when the event names one
 * @param triggered    the jobs triggered (at most {@link #MAX_JOBS})
 * @param skipped      the jobs watching the repository that were not triggered, with the reason (at most
 *                     {@link #MAX_JOBS})
 * @param omittedJobs  how many triggered or skipped jobs were left out of the lists above
 * @param message      the full reason for Jenkins ({@link WebhookResponse#fullMessage()}): the reason when nothing
 *                     was triggered, also for refusals whose answer to the host was the uniform 401
 */
public record DeliveryRecord(
        Instant receivedAt,
        int status,
        @CheckForNull String provider,
        @CheckForNull String event,
        @CheckForNull String repository,
        @CheckForNull String ref,
        List<String> triggered,
        List<RoutingResult.Skip> skipped,
        int omittedJobs,
        String message) {
    /** The most jobs of each list kept per record. */
    public static final int MAX_JOBS = 20;

    public DeliveryRecord {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(message, "message");
        triggered = List.copyOf(triggered);
        skipped = List.copyOf(skipped);
    }

    /** Records an answer. */
    public static DeliveryRecord of(WebhookResponse response) {
        List<String> triggered = response.triggered();
        List<RoutingResult.Skip> skipped = response.skipped();
        int omitted = Math.max(0, triggered.size() - MAX_JOBS) + Math.max(0, skipped.size() - MAX_JOBS);
        WebhookEvent event = response.event();
        return new DeliveryRecord(
                response.receivedAt(),
                response.status(),
                response.provider(),
                event == null ? null : event.kind().name(),
                response.repository() == null ? null : response.repository().toString(),
                event == null ? null : event.ref(),
                triggered.stream().limit(MAX_JOBS).toList(),
                skipped.stream().limit(MAX_JOBS).toList(),
                omitted,
                response.fullMessage());
    }

    /**
     * Tells whether an answer is worth recording: every delivery a host could have sent, but not requests that are
     * not POSTs (browsers and scanners).
     */
    public static boolean worthRecording(WebhookResponse response) {
        return response.status() != 405;
    }

    /** Tells whether the delivery triggered at least one job. */
    public boolean triggeredAny() {
        return !triggered.isEmpty();
    }

    /** Tells whether the host saw a success (2xx). */
    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
