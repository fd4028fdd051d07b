package io.jenkins.plugins.gitproviders.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class RepositoryScopeTest {
    private static ProviderSpec scoped(ProviderType type, String scope) {
        return ValidSpecs.builder("P", type).scope(scope).build();
    }

    @Test
    public void shouldContainEveryRepositoryWithoutAScope() {
        assertThat(RepositoryScope.contains(ValidSpecs.github("P"), "anyone/anything")).isTrue();
    }

    @Test
    public void shouldContainOnlyTheOwnersRepositoriesIgnoringCase() {
        ProviderSpec github = scoped(ProviderType.GITHUB, "acme");

        assertThat(RepositoryScope.contains(github, "ACME/payments")).isTrue();
        assertThat(RepositoryScope.contains(github, "acme-evil/payments")).isFalse();
        assertThat(RepositoryScope.contains(github, "acme")).isFalse();
        assertThat(RepositoryScope.contains(scoped(ProviderType.BITBUCKET_DATA_CENTER, "PROJ"), "proj/repo"))
                .isTrue();
        assertThat(RepositoryScope.contains(scoped(ProviderType.BITBUCKET_CLOUD, "acme"), "other/repo")).isFalse();
    }

    @Test
    public void shouldContainSubgroupsOfAGitLabGroup() {
        ProviderSpec gitlab = scoped(ProviderType.GITLAB, "platform/infra");

        assertThat(RepositoryScope.contains(gitlab, "platform/infra/tools")).isTrue();
        assertThat(RepositoryScope.contains(gitlab, "platform/infra/deep/er/tools")).isTrue();
        assertThat(RepositoryScope.contains(gitlab, "platform/tools")).isFalse();
        assertThat(RepositoryScope.contains(gitlab, "platform/infrastructure/tools")).isFalse();
    }

    @Test
    public void shouldContainAzureRepositoriesOfTheOrganizationOrProject() {
        assertThat(RepositoryScope.contains(scoped(ProviderType.AZURE_DEVOPS, "fabrikam"), "fabrikam/Fiber/app"))
                .isTrue();
        ProviderSpec project = scoped(ProviderType.AZURE_DEVOPS, "fabrikam/Fiber");
        assertThat(RepositoryScope.contains(project, "fabrikam/fiber/app")).isTrue();
        assertThat(RepositoryScope.contains(project, "fabrikam/Other/app")).isFalse();
    }

    @Test
    public void shouldRefuseOutsideRepositoriesUnlessTheProviderAllowsThem() {
        ProviderSpec gitea = scoped(ProviderType.GITEA, "infra");

        assertThat(RepositoryScope.refusal(gitea, "infra/app")).isEmpty();
        assertThat(RepositoryScope.refusal(gitea, "other/app")).hasValue("Repository 'other/app' is outside the"
                + " scope 'infra' of provider 'P', so the provider refuses it: it serves only repositories in infra."
                + " Use a provider whose scope contains the repository, or ask an administrator to tick 'Allow"
                + " repositories outside the scope' on provider 'P'.");
        assertThat(RepositoryScope.refusal(gitea.toBuilder().allowOutsideScope(true).build(), "other/app"))
                .isEmpty();
    }

    @Test
    public void shouldHoldEveryRepositoryWithoutScopeByType() {
        assertThat(RepositoryScope.contains(ProviderType.GITHUB, null, "anyone/anything")).isTrue();
        assertThat(RepositoryScope.contains(ProviderSpec.builder("gh", ProviderType.GITHUB).build(), "a/b")).isTrue();
    }

    @Test
    public void shouldHoldTheOwnersRepositoriesByTypeIgnoringCase() {
        assertThat(RepositoryScope.contains(ProviderType.GITHUB, "Octo-Org", "octo-org/Hello")).isTrue();
        assertThat(RepositoryScope.contains(ProviderType.GITHUB, "octo-org", "octo-organisation/hello")).isFalse();
        assertThat(RepositoryScope.contains(ProviderType.GITHUB, "octo-org", "octo-org")).as("the owner itself")
                .isFalse();
        assertThat(RepositoryScope.contains(ProviderType.BITBUCKET_DATA_CENTER, "~gopher", "~GOPHER/webhook-test"))
                .isTrue();
    }

    @Test
    public void shouldHoldGitLabSubgroupsAndAzureProjectsByType() {
        assertThat(RepositoryScope.contains(ProviderType.GITLAB, "platform", "platform/infra/app")).isTrue();
        assertThat(RepositoryScope.contains(ProviderType.GITLAB, "platform/infra", "platform/infra/app")).isTrue();
        assertThat(RepositoryScope.contains(ProviderType.GITLAB, "platform/infra", "platform/web/app")).isFalse();
        assertThat(RepositoryScope.contains(ProviderType.AZURE_DEVOPS, "fabrikam/Fiber", "fabrikam/fiber/repo"))
                .isTrue();
        assertThat(RepositoryScope.contains(ProviderType.AZURE_DEVOPS, "fabrikam/Fiber", "fabrikam/other/repo"))
                .isFalse();
        assertThat(RepositoryScope.contains(ProviderType.GITHUB, "a/b", "a/b/c")).as("GitHub scopes are one owner")
                .isFalse();
    }
}
