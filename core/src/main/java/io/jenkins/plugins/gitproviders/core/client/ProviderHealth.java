package io.jenkins.plugins.gitproviders.core.client;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps a provider's last diagnosis together with the configuration it was made for, so that a result is shown only
 * while it still describes the provider as configured.
 *
 * @param provider  the provider as diagnosed
 * @param diagnosis the outcome
 */
public record ProviderHealth(ProviderSpec provider, Diagnosis diagnosis) {
    public ProviderHealth {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(diagnosis, "diagnosis");
    }

    /** Returns when the diagnosis finished. */
    public Instant checkedAt() {
        return diagnosis.finishedAt();
    }

    /**
     * Tells whether the diagnosis still describes a provider: same name, type, addresses, scope, account and API
     * credential. Webhook secrets, SSH credentials and the active flag play no part in a diagnosis.
     */
    public boolean isCurrentFor(ProviderSpec current) {
        return provider.nameKey().equals(current.nameKey())
                && provider.type() == current.type()
                && Objects.equals(provider.effectiveServerUrl(), current.effectiveServerUrl())
                && Objects.equals(provider.effectiveApiUrl(), current.effectiveApiUrl())
                && Objects.equals(provider.scope(), current.scope())
                && Objects.equals(provider.username(), current.username())
                && Objects.equals(provider.email(), current.email())
                && Objects.equals(provider.credentialsId(), current.credentialsId());
    }

    /** Tells what about the token needs the administrator now, if anything. */
    public Optional<TokenAttention> attention(Clock clock) {
        return TokenAttention.of(provider, diagnosis, clock);
    }
}
