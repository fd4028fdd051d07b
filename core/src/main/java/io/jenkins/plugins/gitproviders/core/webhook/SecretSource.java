package io.jenkins.plugins.gitproviders.core.webhook;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.util.List;

/**
 * Resolves a provider's webhook secrets (the plugin looks up its secret text credentials). Core holds credential IDs
 * only, never secrets, so the handler asks for them per delivery.
 */
@FunctionalInterface
public interface SecretSource {
    /**
     * Returns the valid webhook secrets of the provider as UTF-8 bytes, several during a rotation; empty when none is
     * configured or none can be resolved, which makes the provider refuse every delivery.
     */
    List<byte[]> secretsFor(ProviderSpec provider);
}
