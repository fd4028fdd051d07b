package io.jenkins.plugins.gitproviders.core.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.routing.RoutingResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers one webhook delivery: the HTTP status, a JSON body for the host's "recent deliveries" page, and for Jenkins
 * the event, the jobs to schedule and the full reason. Never holds a secret or the delivery's body.
 *
 * <p>What the host sees ({@link #json()}) depends on whether the delivery was verified. Before verification every
 * refusal has the same body, {@link #UNVERIFIED_MESSAGE}, so that no caller learns which providers exist, their
 * types, whether they have a secret, or why exactly it was refused. After verification the host sees the outcome,
 * the number of jobs triggered and the reasons others were skipped, but no job names and no other provider's name;
 * Jenkins keeps every name and the {@link #detail()} for its deliveries page.
 *
 * @param status     the HTTP status code
 * @param message    what happened, as the host is told
 * @param receivedAt when the handler received the delivery
 * @param provider   the name of the provider that accepted the delivery, once known
 * @param event      the normalised event, once parsed (the first of {@link #events()})
 * @param repository the repository's key, once known
 * @param triggered  the jobs to schedule, sorted
 * @param skipped    the jobs watching the repository that were not triggered, with the reason
 * @param duplicate  whether the delivery had already been processed, so nothing was triggered again
 * @param dispatches each job to schedule with the event that triggered it (a push of several refs can trigger
 *                   different jobs with different events)
 * @param events     every event of the delivery, in the host's order (a push of several refs has several)
 * @param verified   whether a provider's secret verified the delivery
 * @param detail     the full reason, for Jenkins only (the deliveries page, the command-line tool), when it says more
 *                   than {@code message}; never sent to the host
 */
public record WebhookResponse(
        int status,
        String message,
        Instant receivedAt,
        @CheckForNull String provider,
        @CheckForNull WebhookEvent event,
        @CheckForNull RepositoryKey repository,
        List<String> triggered,
        List<RoutingResult.Skip> skipped,
        boolean duplicate,
        List<Dispatch> dispatches,
        List<WebhookEvent> events,
        boolean verified,
        @CheckForNull String detail) {
    /**
     * The one message of every refusal before verification (HTTP 401), whatever the reason: unknown provider, wrong
     * host type, no secret, inactive provider, missing, wrong or SHA-1 signature, no host's headers.
     */
    public static final String UNVERIFIED_MESSAGE = "Jenkins did not accept this delivery: no webhook secret of a"
            + " provider verifies it. Check the webhook's address and secret; a Jenkins administrator finds the reason"
            + " under Manage Jenkins > Git Providers > Recent webhook deliveries.";

    /** The seconds a host is asked to wait before delivering again after a 503 ({@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 60;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public WebhookResponse {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(receivedAt, "receivedAt");
        triggered = List.copyOf(triggered);
        skipped = List.copyOf(skipped);
        dispatches = List.copyOf(dispatches);
        events = List.copyOf(events);
    }

    /**
     * Names a job to schedule and the event it is scheduled for.
     *
     * @param job   the job's identifier, as subscribed
     * @param event the event that matched the job's subscription
     */
    public record Dispatch(String job, WebhookEvent event) {
        public Dispatch {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(event, "event");
        }
    }

    /** An answer that carries only a status and a message (refusals, before anything was parsed). */
    static WebhookResponse of(int status, String message, Instant receivedAt) {
        return new WebhookResponse(status, message, receivedAt, null, null, null, List.of(), List.of(), false,
                List.of(), List.of(), false, null);
    }

    /**
     * The refusal of a delivery that was not verified: HTTP 401 with {@link #UNVERIFIED_MESSAGE} for the host, and the
     * reason for Jenkins.
     *
     * @param detail why, for the deliveries page; it may name providers, never a secret
     */
    public static WebhookResponse unverified(String detail, Instant receivedAt) {
        return new WebhookResponse(401, UNVERIFIED_MESSAGE, receivedAt, null, null, null, List.of(), List.of(), false,
                List.of(), List.of(), false, Objects.requireNonNull(detail, "detail"));
    }

    /** Returns this answer as one given after verification (a refusal of a delivery verified by its header). */
    WebhookResponse asVerified() {
        return new WebhookResponse(status, message, receivedAt, provider, event, repository, triggered, skipped,
                duplicate, dispatches, events, true, detail);
    }

    /** Returns the full reason for Jenkins: the detail when there is one, else the message. */
    public String fullMessage() {
        return detail != null ? detail : message;
    }

    /**
     * Returns the HTTP headers to send with the answer besides its type and length: {@code Allow: POST} with a 405;
     * {@code Connection: close} with the refusals given before the body was read or verified (401, 405, 413), so that
     * the connection is not kept for a body Jenkins did not read, nor for a caller it does not know;
     * {@code Retry-After} with a 503.
     */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (status == 405) {
            headers.put("Allow", "POST");
        }
        if (status == 401 || status == 405 || status == 413) {
            headers.put("Connection", "close");
        }
        if (status == 503) {
            headers.put("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        return headers;
    }

    /** Returns the media type of {@link #json()}. */
    public String contentType() {
        return "application/json; charset=utf-8";
    }

    /** Tells whether the host should consider the delivery successful (2xx). */
    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public Optional<WebhookEvent> eventValue() {
        return Optional.ofNullable(event);
    }

    /**
     * Returns the body for the host. Before verification: {@code {status, message}} only. After: {@code {status,
     * provider, event, repository, ref, commit, triggered: <count>, skipped: [{reason, jobs: <count>}], duplicate,
     * message}}; values not known are left out, {@code triggered}, {@code skipped} and {@code duplicate} are always
     * present.
     */
    public String json() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("status", status);
        if (verified) {
            if (provider != null) {
                node.put("provider", provider);
            }
            if (event != null) {
                node.put("event", event.kind().name());
                if (repository != null) {
                    node.put("repository", repository.toString());
                }
                if (event.ref() != null) {
                    node.put("ref", event.ref());
                }
                EventEnvironment.commit(event).ifPresent(commit -> node.put("commit", commit));
            }
            node.put("triggered", triggered.size());
            // Grouped by reason: the host learns why, and how many jobs, not which.
            Map<String, Integer> reasons = new LinkedHashMap<>();
            skipped.forEach(skip -> reasons.merge(skip.hostReason(), 1, Integer::sum));
            ArrayNode skips = node.putArray("skipped");
            reasons.forEach((reason, jobs) -> skips.addObject().put("reason", reason).put("jobs", jobs));
            node.put("duplicate", duplicate);
        }
        node.put("message", message);
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serialises; reaching this is a bug, not bad input.
            throw new IllegalStateException(e);
        }
    }
}
