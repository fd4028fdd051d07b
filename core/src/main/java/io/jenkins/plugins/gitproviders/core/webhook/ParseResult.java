package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells what a parser made of a verified delivery: an event, an event type deliberately ignored (with the reason),
 * or a malformed delivery (with what is wrong).
 *
 * @param outcome what happened
 * @param event   the normalised event, for {@link Outcome#EVENT}
 * @param reason  why it was ignored or what is malformed, in words for the host's "recent deliveries" page
 */
public record ParseResult(Outcome outcome, @CheckForNull WebhookEvent event, @CheckForNull String reason) {
    public ParseResult {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.EVENT && event == null) {
            throw new IllegalArgumentException("an EVENT result needs an event");
        }
        if (outcome != Outcome.EVENT && reason == null) {
            throw new IllegalArgumentException("an IGNORED or MALFORMED result needs a reason");
        }
    }

    public static ParseResult of(WebhookEvent event) {
        return new ParseResult(Outcome.EVENT, event, null);
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
