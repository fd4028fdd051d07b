package io.jenkins.plugins.gitproviders.core.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.routing.RoutingResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers one webhook delivery: the HTTP status, a JSON body the host shows on its "recent deliveries" page, and for
 * the plugin the event and the jobs to schedule. Never holds a secret or the delivery's body.
 *
 * @param status     the HTTP status code
 * @param message    what happened, and what to do when it is an error
 * @param receivedAt when the handler received the delivery
 * @param provider   the name of the provider that accepted the delivery, once known
 * @param event      the normalised event, once parsed
 * @param repository the repository's key, once known
 * @param triggered  the jobs to schedule, sorted
 * @param skipped    the jobs watching the repository that were not triggered, with the reason
 * @param duplicate  whether the delivery had already been processed, so nothing was triggered again
 * @param dispatches each job to schedule with the event that triggered it (a push of several refs can trigger
 *                   different jobs with different events)
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
        List<Dispatch> dispatches) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public WebhookResponse {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(receivedAt, "receivedAt");
        triggered = List.copyOf(triggered);
        skipped = List.copyOf(skipped);
        dispatches = List.copyOf(dispatches);
    }

    /** An answer for one event: every triggered job is scheduled with that event. */
    public WebhookResponse(
            int status,
            String message,
            Instant receivedAt,
            @CheckForNull String provider,
            @CheckForNull WebhookEvent event,
            @CheckForNull RepositoryKey repository,
            List<String> triggered,
            List<RoutingResult.Skip> skipped,
            boolean duplicate) {
        this(status, message, receivedAt, provider, event, repository, triggered, skipped, duplicate,
                event == null ? List.of() : triggered.stream().map(job -> new Dispatch(job, event)).toList());
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
                List.of());
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
     * Returns the body: {@code {provider, event, repository, ref, commit, triggered: [...], skipped: [{job, reason}],
     * duplicate, message}}; values not known are left out, the lists and {@code duplicate} are always present.
     */
    public String json() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("status", status);
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
            String commit = event.headCommit() != null ? event.headCommit() : event.after();
            if (commit != null) {
                node.put("commit", commit);
            }
        }
        ArrayNode jobs = node.putArray("triggered");
        triggered.forEach(jobs::add);
        ArrayNode skips = node.putArray("skipped");
        for (RoutingResult.Skip skip : skipped) {
            skips.addObject().put("job", skip.job()).put("reason", skip.reason());
        }
        node.put("duplicate", duplicate);
        node.put("message", message);
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serialises; reaching this is a bug, not bad input.
            throw new IllegalStateException(e);
        }
    }
}
