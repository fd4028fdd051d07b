package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells what a parser made of a verified delivery: an event, an event type deliberately ignored (with the reason),
 * or a malformed delivery (with what is wrong).
 *
 * <p>Most deliveries describe one event. Some hosts report several ref changes in one delivery (a Bitbucket push of a
 * branch and a tag, an Azure DevOps push of several refs); such a result carries them all in {@link #events()}, in the
 * host's order, and {@link #event()} is the first. Every event of one delivery carries the same delivery id, so
 * de-duplication must be keyed per delivery (or per delivery id and ref), not per event.
 *
 * @param outcome what happened
 * @param event   the normalised event, for {@link Outcome#EVENT}; the first of {@link #events()}
 * @param reason  why it was ignored or what is malformed, in words for the host's "recent deliveries" page
 * @param events  every event of the delivery, for {@link Outcome#EVENT}; empty otherwise
 */
public record ParseResult(
        Outcome outcome, @CheckForNull WebhookEvent event, @CheckForNull String reason, List<WebhookEvent> events) {
    public ParseResult {
        Objects.requireNonNull(outcome, "outcome");
        events = List.copyOf(events);
        if (outcome == Outcome.EVENT && event == null) {
            throw new IllegalArgumentException("an EVENT result needs an event");
        }
        if (outcome != Outcome.EVENT && reason == null) {
            throw new IllegalArgumentException("an IGNORED or MALFORMED result needs a reason");
        }
        if (outcome == Outcome.EVENT && (events.isEmpty() || !events.get(0).equals(event))) {
            throw new IllegalArgumentException("an EVENT result lists its event first in events");
        }
        if (outcome != Outcome.EVENT && !events.isEmpty()) {
            throw new IllegalArgumentException("an IGNORED or MALFORMED result carries no events");
        }
    }

    /** Creates a result of one event, or none, as before several events per delivery were possible. */
    public ParseResult(Outcome outcome, @CheckForNull WebhookEvent event, @CheckForNull String reason) {
        this(outcome, event, reason, event == null ? List.of() : List.of(event));
    }

    public static ParseResult of(WebhookEvent event) {
        return new ParseResult(Outcome.EVENT, event, null);
    }

    /**
     * Creates the result of a delivery that reports several events, in the host's order.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    public static ParseResult ofAll(List<WebhookEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a delivery with no events is ignored, not an EVENT result");
        }
        return new ParseResult(Outcome.EVENT, events.get(0), null, events);
    }

    public static ParseResult ignored(String reason) {
        return new ParseResult(Outcome.IGNORED, null, reason);
    }

    public static ParseResult malformed(String reason) {
        return new ParseResult(Outcome.MALFORMED, null, reason);
    }

    public Optional<WebhookEvent> eventValue() {
        return Optional.ofNullable(event);
    }

    /** The three outcomes of parsing. */
    public enum Outcome {
        EVENT,
        IGNORED,
        MALFORMED
    }
}
