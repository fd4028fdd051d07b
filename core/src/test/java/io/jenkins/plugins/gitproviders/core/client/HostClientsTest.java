package io.jenkins.plugins.gitproviders.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.client.azure.AzureDevOpsClient;
import io.jenkins.plugins.gitproviders.core.client.bitbucket.BitbucketCloudClient;
import io.jenkins.plugins.gitproviders.core.client.bitbucket.BitbucketDataCenterClient;
import io.jenkins.plugins.gitproviders.core.client.gitea.GiteaClient;
import io.jenkins.plugins.gitproviders.core.client.github.GitHubClient;
import io.jenkins.plugins.gitproviders.core.client.gitlab.GitLabClient;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import org.junit.Test;

public class HostClientsTest {
    @Test
    public void shouldCreateTheJdkClientOfEachType() {
        assertThat(HostClients.create(ProviderType.BITBUCKET_CLOUD, HttpSettings.DEFAULT, TestResources.CLOCK))
                .isInstanceOf(BitbucketCloudClient.class);
        assertThat(HostClients.create(ProviderType.BITBUCKET_DATA_CENTER, HttpSettings.DEFAULT, TestResources.CLOCK))
                .isInstanceOf(BitbucketDataCenterClient.class);
        assertThat(HostClients.create(ProviderType.AZURE_DEVOPS, HttpSettings.DEFAULT, TestResources.CLOCK))
                .isInstanceOf(AzureDevOpsClient.class);
        assertThat(HostClients.create(ProviderType.GITEA, HttpSettings.DEFAULT, TestResources.CLOCK))
                .isInstanceOf(GiteaClient.class);
    }

    @Test
    public void shouldCreateTheLibraryClientsOfGitHubAndGitLab() {
        assertThat(HostClients.create(ProviderType.GITHUB, HttpSettings.DEFAULT, TestResources.CLOCK))
                .isInstanceOf(GitHubClient.class);
        assertThat(HostClients.create(ProviderType.GITHUB_ENTERPRISE, HttpSettings.DEFAULT, TestResources.CLOCK))
                .isInstanceOf(GitHubClient.class);
        assertThat(HostClients.create(ProviderType.GITLAB, HttpSettings.DEFAULT, TestResources.CLOCK))
                .isInstanceOf(GitLabClient.class);
        assertThat(HostClients.create(ProviderType.GITLAB_SELF_MANAGED, HttpSettings.DEFAULT, TestResources.CLOCK))
                .isInstanceOf(GitLabClient.class);
    }
}
