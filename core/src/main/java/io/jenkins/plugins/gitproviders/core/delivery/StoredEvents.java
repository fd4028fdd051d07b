package io.jenkins.plugins.gitproviders.core.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.util.Optional;

/**
 * Stores a webhook event as one line of JSON text, in the journal's format, for the plugin to keep with a build or a
 * queue item. Every component of the event is kept, so a component added later is stored without a change here.
 */
public final class StoredEvents {
    private StoredEvents() {}

    /** Returns the event as JSON text. */
    public static String write(WebhookEvent event) {
        try {
            return StoredJson.MAPPER.writeValueAsString(StoredJson.encode(event));
        } catch (JsonProcessingException e) {
            // An event is strings, numbers and booleans: it always serialises, so this is a bug, not bad input.
            throw new IllegalStateException("cannot write a webhook event", e);
        }
    }

    /**
     * Reads an event back; empty when the text is missing or was written by a version that knew a host type or event
     * kind this one does not.
     */
    public static Optional<WebhookEvent> read(@CheckForNull String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StoredJson.decode(StoredJson.MAPPER.readTree(text)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
