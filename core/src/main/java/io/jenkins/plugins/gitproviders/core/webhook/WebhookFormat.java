package io.jenkins.plugins.gitproviders.core.webhook;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Names the wire formats in which hosts deliver webhooks. Several provider types share one format: GitHub.com and
 * GitHub Enterprise Server send the same deliveries, as do GitLab.com and self-managed GitLab, and Gitea, Forgejo and
 * Gogs.
 */
public enum WebhookFormat {
    GITHUB(EnumSet.of(ProviderType.GITHUB, ProviderType.GITHUB_ENTERPRISE)),
    GITLAB(EnumSet.of(ProviderType.GITLAB, ProviderType.GITLAB_SELF_MANAGED)),
    BITBUCKET_CLOUD(EnumSet.of(ProviderType.BITBUCKET_CLOUD)),
    BITBUCKET_DATA_CENTER(EnumSet.of(ProviderType.BITBUCKET_DATA_CENTER)),
    GITEA(EnumSet.of(ProviderType.GITEA)),
    AZURE_DEVOPS(EnumSet.of(ProviderType.AZURE_DEVOPS));

    private final Set<ProviderType> providerTypes;

    WebhookFormat(Set<ProviderType> providerTypes) {
        this.providerTypes = Set.copyOf(providerTypes);
    }

    /** Returns the format in which hosts of the given provider type deliver webhooks. */
    public static WebhookFormat of(ProviderType type) {
        for (WebhookFormat format : values()) {
            if (format.providerTypes.contains(type)) {
                return format;
            }
        }
        throw new IllegalArgumentException("No webhook format for provider type " + type.id());
    }

    /** Returns the provider types whose hosts deliver webhooks in this format. */
    public Set<ProviderType> providerTypes() {
        return providerTypes;
    }
}
