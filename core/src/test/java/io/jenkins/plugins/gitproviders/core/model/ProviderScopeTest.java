package io.jenkins.plugins.gitproviders.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class ProviderScopeTest {
    @Test
    public void shouldHoldEveryRepositoryWithoutScope() {
        assertThat(ProviderScope.contains(ProviderType.GITHUB, null, "anyone/anything")).isTrue();
        assertThat(ProviderScope.contains(ProviderSpec.builder("gh", ProviderType.GITHUB).build(), "a/b")).isTrue();
    }

    @Test
    public void shouldHoldTheOwnersRepositoriesIgnoringCase() {
        assertThat(ProviderScope.contains(ProviderType.GITHUB, "Octo-Org", "octo-org/Hello")).isTrue();
        assertThat(ProviderScope.contains(ProviderType.GITHUB, "octo-org", "octo-organisation/hello")).isFalse();
        assertThat(ProviderScope.contains(ProviderType.GITHUB, "octo-org", "octo-org")).as("the owner itself")
                .isFalse();
        assertThat(ProviderScope.contains(ProviderType.BITBUCKET_DATA_CENTER, "~gopher", "~GOPHER/webhook-test"))
                .isTrue();
    }

    @Test
    public void shouldHoldGitLabSubgroupsAndAzureProjects() {
        assertThat(ProviderScope.contains(ProviderType.GITLAB, "platform", "platform/infra/app")).isTrue();
        assertThat(ProviderScope.contains(ProviderType.GITLAB, "platform/infra", "platform/infra/app")).isTrue();
        assertThat(ProviderScope.contains(ProviderType.GITLAB, "platform/infra", "platform/web/app")).isFalse();
        assertThat(ProviderScope.contains(ProviderType.AZURE_DEVOPS, "fabrikam/Fiber", "fabrikam/fiber/repo"))
                .isTrue();
        assertThat(ProviderScope.contains(ProviderType.AZURE_DEVOPS, "fabrikam/Fiber", "fabrikam/other/repo"))
                .isFalse();
        assertThat(ProviderScope.contains(ProviderType.GITHUB, "a/b", "a/b/c")).as("GitHub scopes are one owner")
                .isFalse();
    }
}
