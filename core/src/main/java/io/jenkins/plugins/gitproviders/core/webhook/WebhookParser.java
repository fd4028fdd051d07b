package io.jenkins.plugins.gitproviders.core.webhook;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.Set;

/**
 * Turns one host's verified deliveries into normalised events. Implementations never throw on any body: malformed
 * input becomes {@link ParseResult#malformed(String)}, an event type the plugin does not act on becomes
 * {@link ParseResult#ignored(String)}.
 */
public interface WebhookParser {
    /** Returns the provider types whose deliveries this parser reads. */
    Set<ProviderType> hostTypes();

    /** Parses a delivery whose signature or token has already been verified. */
    ParseResult parse(WebhookDelivery delivery);
}
