package io.jenkins.plugins.gitproviders.core.client;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.util.List;

/**
 * Talks to one type of Git host on behalf of a provider. Implementations never log, never put the credential into
 * a message or exception, never follow a redirect to another origin with the credential, and keep within the
 * {@link HttpSettings} budget.
 */
public interface HostClient {
    /**
     * Diagnoses the provider's reach, token, scopes, expiry, organization access and rate limit. Never throws for a
     * host's answer: every problem becomes a failed check.
     */
    Diagnosis diagnose(ProviderSpec provider, ApiCredential credential);

    /**
     * Lists up to {@code limit} repositories the credential can see within the provider's scope whose name contains
     * {@code query} (empty: all).
     */
    List<RepositorySummary> listRepositories(ProviderSpec provider, ApiCredential credential, String query, int limit)
            throws HostClientException;
}
