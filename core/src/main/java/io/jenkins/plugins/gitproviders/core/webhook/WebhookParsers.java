package io.jenkins.plugins.gitproviders.core.webhook;

import io.jenkins.plugins.gitproviders.core.webhook.gitea.GiteaWebhookParser;
import io.jenkins.plugins.gitproviders.core.webhook.github.GitHubWebhookParser;
import io.jenkins.plugins.gitproviders.core.webhook.gitlab.GitLabWebhookParser;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the parser for each webhook format. Parsers are stateless and shared.
 */
public final class WebhookParsers {
    private static final Map<WebhookFormat, WebhookParser> PARSERS;

    static {
        Map<WebhookFormat, WebhookParser> parsers = new EnumMap<>(WebhookFormat.class);
        parsers.put(WebhookFormat.GITHUB, new GitHubWebhookParser());
        parsers.put(WebhookFormat.GITLAB, new GitLabWebhookParser());
        parsers.put(WebhookFormat.GITEA, new GiteaWebhookParser());
        // Bitbucket Cloud, Bitbucket Data Center and Azure DevOps parsers (packages webhook.bitbucket and
        // webhook.azure) are registered here when their branch is merged:
        // parsers.put(WebhookFormat.BITBUCKET_CLOUD, new BitbucketCloudWebhookParser());
        // parsers.put(WebhookFormat.BITBUCKET_DATA_CENTER, new BitbucketDataCenterWebhookParser());
        // parsers.put(WebhookFormat.AZURE_DEVOPS, new AzureDevOpsWebhookParser());
        PARSERS = Collections.unmodifiableMap(parsers);
    }

    private WebhookParsers() {}

    /** Returns the parser for deliveries in the given format, or empty while none is available. */
    public static Optional<WebhookParser> forFormat(WebhookFormat format) {
        return Optional.ofNullable(PARSERS.get(format));
    }
}
