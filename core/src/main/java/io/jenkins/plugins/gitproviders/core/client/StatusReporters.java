package io.jenkins.plugins.gitproviders.core.client;

import io.jenkins.plugins.gitproviders.core.client.azure.AzureDevOpsStatusReporter;
import io.jenkins.plugins.gitproviders.core.client.bitbucket.BitbucketCloudStatusReporter;
import io.jenkins.plugins.gitproviders.core.client.bitbucket.BitbucketDataCenterStatusReporter;
import io.jenkins.plugins.gitproviders.core.client.gitea.GiteaStatusReporter;
import io.jenkins.plugins.gitproviders.core.client.github.GitHubStatusReporter;
import io.jenkins.plugins.gitproviders.core.client.gitlab.GitLabStatusReporter;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.time.Clock;

/**
 * Creates the status reporter of a provider type. Create one per type and keep it: the Bitbucket Data Center
 * reporter remembers which servers need the old build-status resource.
 */
public final class StatusReporters {
    private StatusReporters() {}

    /** Creates the reporter of commit statuses (GitHub: commit statuses, not check runs). */
    public static StatusReporter create(ProviderType type, HttpSettings settings, Clock clock) {
        return switch (type) {
            case GITHUB, GITHUB_ENTERPRISE -> new GitHubStatusReporter(settings, clock,
                    GitHubStatusReporter.Form.COMMIT_STATUS);
            case GITLAB, GITLAB_SELF_MANAGED -> new GitLabStatusReporter(settings, clock);
            case BITBUCKET_CLOUD -> new BitbucketCloudStatusReporter(settings, clock);
            case BITBUCKET_DATA_CENTER -> new BitbucketDataCenterStatusReporter(settings, clock);
            case AZURE_DEVOPS -> new AzureDevOpsStatusReporter(settings, clock);
            case GITEA -> new GiteaStatusReporter(settings, clock);
        };
    }

    /**
     * Creates the reporter of GitHub check runs, for providers whose credential is a GitHub App: the plugin passes
     * the app's installation token as a token credential.
     */
    public static StatusReporter gitHubCheckRuns(HttpSettings settings, Clock clock) {
        return new GitHubStatusReporter(settings, clock, GitHubStatusReporter.Form.CHECK_RUN);
    }
}
