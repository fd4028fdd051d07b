package io.jenkins.plugins.gitproviders.core.client;

import io.jenkins.plugins.gitproviders.core.client.azure.AzureDevOpsClient;
import io.jenkins.plugins.gitproviders.core.client.bitbucket.BitbucketCloudClient;
import io.jenkins.plugins.gitproviders.core.client.bitbucket.BitbucketDataCenterClient;
import io.jenkins.plugins.gitproviders.core.client.gitea.GiteaClient;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.time.Clock;

/**
 * Creates the host client of a provider type.
 */
public final class HostClients {
    private HostClients() {}

    /**
     * Creates the client of a type with the given HTTP settings and clock (the clock rates expiry dates and
     * rate limit resets).
     *
     * @throws IllegalArgumentException for a type without a client yet
     */
    public static HostClient create(ProviderType type, HttpSettings settings, Clock clock) {
        return switch (type) {
            case BITBUCKET_CLOUD -> new BitbucketCloudClient(settings, clock);
            case BITBUCKET_DATA_CENTER -> new BitbucketDataCenterClient(settings, clock);
            case AZURE_DEVOPS -> new AzureDevOpsClient(settings, clock);
            case GITEA -> new GiteaClient(settings, clock);
            // The library-based GitHub and GitLab clients are wired in when their branch is merged.
            default -> throw new IllegalArgumentException("No host client for " + type.displayName() + " yet.");
        };
    }
}
