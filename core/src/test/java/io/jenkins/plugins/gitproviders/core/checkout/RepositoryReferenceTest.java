package io.jenkins.plugins.gitproviders.core.checkout;

import static io.jenkins.plugins.gitproviders.core.checkout.Providers.AZURE_DEVOPS;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.BITBUCKET_CLOUD;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.BITBUCKET_DATA_CENTER;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITEA;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITHUB;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITHUB_ENTERPRISE;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITLAB;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITLAB_SELF_MANAGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import org.junit.Test;

public class RepositoryReferenceTest {
    @Test
    public void shouldReadEachHostsPathForm() {
        assertThat(path(GITHUB, "acme/payments")).isEqualTo("acme/payments");
        assertThat(path(GITHUB, "acme/payments.git")).isEqualTo("acme/payments");
        assertThat(path(GITHUB, "acme/.github")).isEqualTo("acme/.github");
        assertThat(path(GITLAB, "platform/infra/tools")).isEqualTo("platform/infra/tools");
        assertThat(path(BITBUCKET_CLOUD, "acme/payments")).isEqualTo("acme/payments");
        assertThat(path(BITBUCKET_DATA_CENTER, "PROJ/payments")).isEqualTo("PROJ/payments");
        assertThat(path(BITBUCKET_DATA_CENTER, "~jdoe/scratch")).isEqualTo("~jdoe/scratch");
        assertThat(path(AZURE_DEVOPS, "fabrikam/Fabrikam Fiber/payments")).isEqualTo("fabrikam/Fabrikam Fiber/payments");
        assertThat(path(GITEA, "infra/payments")).isEqualTo("infra/payments");
    }

    @Test
    public void shouldCompleteAzurePathsFromTheProvidersScope() {
        // Given a provider scoped to the organization, when given project/repository, then the organization is added
        assertThat(path(AZURE_DEVOPS, "Fiber/payments")).isEqualTo("fabrikam/Fiber/payments");
        ProviderSpec project = AZURE_DEVOPS.toBuilder().scope("fabrikam/Fiber").build();
        assertThat(path(project, "payments")).isEqualTo("fabrikam/Fiber/payments");
        // Another project of the organization lies outside this scope: completed, on a provider that allows it
        assertThat(path(project.toBuilder().allowOutsideScope(true).build(), "Other/payments"))
                .isEqualTo("fabrikam/Other/payments");

        assertThatThrownBy(() -> RepositoryReference.parse(AZURE_DEVOPS, "payments"))
                .hasMessage("Repository 'payments' is incomplete for Azure DevOps: give organization/project/repository"
                        + " (project/repository when the provider's scope names the organization, repository when it"
                        + " names organization/project); the scope of provider 'Azure' names only 'fabrikam'.");
        ProviderSpec unscoped = AZURE_DEVOPS.toBuilder().scope(null).build();
        assertThatThrownBy(() -> RepositoryReference.parse(unscoped, "Fiber/payments"))
                .hasMessageEndingWith("; provider 'Azure' has no scope to take the organization from.");
    }

    @Test
    public void shouldReadUrlsOfTheProvidersHost() {
        assertThat(path(GITHUB, "https://github.com/acme/payments.git")).isEqualTo("acme/payments");
        assertThat(path(GITHUB, "https://GitHub.com/acme/payments/")).isEqualTo("acme/payments");
        assertThat(path(GITHUB, "git@github.com:acme/payments.git")).isEqualTo("acme/payments");
        assertThat(path(GITHUB, "ssh://git@github.com/acme/payments.git")).isEqualTo("acme/payments");
        assertThat(path(GITHUB_ENTERPRISE, "https://ghe.example.com/acme/payments")).isEqualTo("acme/payments");
        assertThat(path(GITLAB_SELF_MANAGED, "https://example.com/gitlab/platform/infra/tools.git"))
                .isEqualTo("platform/infra/tools");
        assertThat(path(GITLAB_SELF_MANAGED, "git@example.com:platform/infra/tools.git"))
                .isEqualTo("platform/infra/tools");
        assertThat(path(BITBUCKET_DATA_CENTER, "https://bitbucket.example.com/scm/proj/payments.git"))
                .isEqualTo("proj/payments");
        assertThat(path(BITBUCKET_DATA_CENTER, "https://bitbucket.example.com/projects/PROJ/repos/payments/browse"))
                .isEqualTo("PROJ/payments");
        assertThat(path(BITBUCKET_DATA_CENTER, "ssh://git@bitbucket.example.com:7999/proj/payments.git"))
                .isEqualTo("proj/payments");
        assertThat(path(AZURE_DEVOPS, "https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_git/payments"))
                .isEqualTo("fabrikam/Fabrikam Fiber/payments");
        assertThat(path(AZURE_DEVOPS, "git@ssh.dev.azure.com:v3/fabrikam/Fabrikam%20Fiber/payments"))
                .isEqualTo("fabrikam/Fabrikam Fiber/payments");
        assertThat(path(AZURE_DEVOPS, "https://fabrikam.visualstudio.com/DefaultCollection/Fiber/_git/payments"))
                .isEqualTo("fabrikam/Fiber/payments");
        assertThat(path(AZURE_DEVOPS, "https://dev.azure.com/fabrikam/_git/Fiber")).isEqualTo("fabrikam/Fiber/Fiber");
    }

    @Test
    public void shouldRefuseUrlsOfAnotherHostNamingBothHosts() {
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "https://gitlab.com/acme/payments.git"))
                .isInstanceOf(CheckoutException.class)
                .hasMessage("Repository URL host 'gitlab.com' does not belong to provider 'GitHub', whose host is"
                        + " 'github.com': use a provider configured for gitlab.com, or give the repository as"
                        + " owner/name.");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB_ENTERPRISE, "git@github.com:acme/payments.git"))
                .hasMessageStartingWith("Repository URL host 'github.com' does not belong to provider 'GHE', whose"
                        + " host is 'ghe.example.com'");
        assertThatThrownBy(() -> RepositoryReference.parse(GITLAB_SELF_MANAGED, "https://example.com/other/a/b.git"))
                .hasMessage("Repository URL is not under the server address of provider 'Own GitLab'"
                        + " (https://example.com/gitlab): give a URL below it, or the repository path.");
    }

    @Test
    public void shouldRefuseUserInfoAndOtherSchemesWithoutEchoingSecrets() {
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "https://bot:s3cr3t@github.com/acme/payments.git"))
                .hasMessage("Repository URL carries a password: remove it; the checkout authenticates with the"
                        + " credentials of provider 'GitHub'.")
                .message().doesNotContain("s3cr3t");

        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "ssh://git:s3cr3t@github.com/acme/payments.git"))
                .hasMessageStartingWith("Repository URL carries a password");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "git:s3cr3t@github.com:acme/payments.git"))
                .hasMessageStartingWith("Repository URL carries a password");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "https://ghp_secret@github.com/acme/a..b"))
                .hasMessage("Repository 'https://github.com/acme/a..b' is not valid: its name 'a..b' contains '..'.");

        // Given the clone URL Azure DevOps shows, with the user's name in it, then the name is dropped with a warning
        RepositoryReference azure = RepositoryReference.parse(AZURE_DEVOPS,
                "https://fabrikam@dev.azure.com/fabrikam/Fiber/_git/payments");
        assertThat(azure.path()).isEqualTo("fabrikam/Fiber/payments");
        assertThat(azure.warnings()).containsExactly("The user name in the repository URL is ignored; the checkout"
                + " authenticates with the credentials of provider 'Azure'.");
        assertThat(String.join(" ", RepositoryReference.parse(GITHUB, "https://ghp_tokenvalue@github.com/acme/x")
                .warnings())).doesNotContain("ghp_tokenvalue");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "file:///etc/passwd"))
                .hasMessage("Repository URL scheme 'file' is not accepted: give an https or ssh URL on github.com, or"
                        + " the repository path.");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "ext::sh -c touch% /tmp/pwned"))
                .hasMessage("Repository 'ext::sh -c touch% /tmp/pwned' is neither a valid URL nor a repository path:"
                        + " give owner/name, or an https or ssh URL.");
        assertThatThrownBy(() -> RepositoryReference.parse(AZURE_DEVOPS, "https://dev.azure.com/fabrikam/Fiber/payments"))
                .hasMessage("Repository URL is not an Azure DevOps repository URL: its path must be"
                        + " organization/project/_git/repository.");
    }

    @Test
    public void shouldRefuseSegmentsGitOrTheHostReject() {
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "acme/../etc"))
                .isInstanceOf(CheckoutException.class)
                .hasMessage("Repository 'acme/../etc' is not valid: its part '..' contains '..'.");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "acme/payments/extra"))
                .hasMessage("Repository 'acme/payments/extra' is not a GitHub.com repository path: give owner/name"
                        + " (for example acme/payments).");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "acme/a..b"))
                .hasMessage("Repository 'acme/a..b' is not valid: its name 'a..b' contains '..'.");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "acme/--upload-pack=x"))
                .hasMessage("Repository 'acme/--upload-pack=x' is not valid: its name '--upload-pack=x' starts with '-'.");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "acme/pay ments"))
                .hasMessage("Repository 'acme/pay ments' is not valid: its name 'pay ments' contains a space.");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "acme/pay\tments"))
                .hasMessage("Repository 'acme/pay?ments' is not valid: its name 'pay?ments' contains a control character.");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "acme/pay~1"))
                .hasMessage("Repository 'acme/pay~1' is not valid: its name 'pay~1' contains '~'.");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "acme/p*"))
                .hasMessage("Repository 'acme/p*' is not valid: its name 'p*' contains '*'.");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "ac_me/payments"))
                .hasMessage("Repository 'ac_me/payments' is not valid: its owner 'ac_me' breaks the GitHub.com rule:"
                        + " letters, digits and '-', at most 39 characters.");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "acme//payments"))
                .hasMessage("Repository 'acme//payments' is not valid: its part '' is empty (check for '//' or a '/'"
                        + " at the start or end).");
        assertThatThrownBy(() -> RepositoryReference.parse(GITLAB, "platform//tools"))
                .hasMessage("Repository 'platform//tools' is not valid: its path part '' is empty (check for '//' or"
                        + " a '/' at the start or end).");
        assertThatThrownBy(() -> RepositoryReference.parse(GITLAB, "platform/.hidden"))
                .hasMessage("Repository 'platform/.hidden' is not valid: its path part '.hidden' breaks the GitLab.com"
                        + " rule: letters, digits, '_', '-' and '.', not starting with '-' or '.'.");
        assertThatThrownBy(() -> RepositoryReference.parse(BITBUCKET_DATA_CENTER, "1PROJ/payments"))
                .hasMessageContaining("its project key '1PROJ' breaks the Bitbucket Server / Data Center rule");
        assertThatThrownBy(() -> RepositoryReference.parse(AZURE_DEVOPS, "fabrikam/_Fiber/payments"))
                .hasMessageContaining("its project '_Fiber' breaks the Azure DevOps rule");
        assertThatThrownBy(() -> RepositoryReference.parse(AZURE_DEVOPS, "fabrikam/Fiber/pay\u00a0ments"))
                .hasMessage("Repository 'fabrikam/Fiber/pay\u00a0ments' is not valid: its repository"
                        + " 'pay\u00a0ments' contains a space.");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, " "))
                .hasMessage("No repository given: give it as owner/name (for example acme/payments), or as its URL on"
                        + " github.com.");
        assertThatThrownBy(() -> RepositoryReference.parse(GITHUB, "a/" + "b".repeat(3000)))
                .hasMessage("Repository reference is longer than 2048 characters.");
    }

    @Test
    public void shouldRefuseRepositoriesOutsideTheScope() {
        ProviderSpec scoped = GITHUB.toBuilder().scope("acme").build();
        assertThat(RepositoryReference.parse(scoped, "ACME/payments").warnings()).isEmpty();
        assertThatThrownBy(() -> RepositoryReference.parse(scoped, "other/payments"))
                .isInstanceOf(CheckoutException.class)
                .hasMessageStartingWith("Repository 'other/payments' is outside the scope 'acme' of provider"
                        + " 'GitHub', so the provider refuses it");
        assertThatThrownBy(() -> RepositoryReference.parse(scoped, "https://github.com/other/payments.git"))
                .hasMessageStartingWith("Repository 'other/payments' is outside the scope 'acme'");
        assertThat(RepositoryReference.parse(GITLAB, "platform/infra/tools").warnings()).isEmpty();
        assertThatThrownBy(() -> RepositoryReference.parse(GITLAB, "platform-x/tools"))
                .hasMessageContaining("outside the scope 'platform'");
        ProviderSpec azureProject = AZURE_DEVOPS.toBuilder().scope("fabrikam/Fiber").build();
        assertThat(RepositoryReference.parse(azureProject, "payments").warnings()).isEmpty();
        assertThatThrownBy(() -> RepositoryReference.parse(azureProject, "Other/payments"))
                .hasMessageContaining("'fabrikam/Other/payments' is outside the scope 'fabrikam/Fiber'");
    }

    @Test
    public void shouldWarnAboutRepositoriesOutsideTheScopeWhenTheProviderAllowsThem() {
        ProviderSpec open = GITHUB.toBuilder().scope("acme").allowOutsideScope(true).build();

        assertThat(RepositoryReference.parse(open, "other/payments").warnings()).containsExactly(
                "Repository 'other/payments' is outside the scope 'acme' of provider 'GitHub'; it is checked out"
                        + " because the provider allows repositories outside its scope.");
        assertThat(RepositoryReference.parse(open, "acme/payments").warnings()).isEmpty();
    }

    @Test
    public void shouldRefuseAProviderWithoutServerUrl() {
        ProviderSpec noServer = ProviderSpec.builder("Gitea", ProviderType.GITEA).build();
        assertThatThrownBy(() -> RepositoryReference.parse(noServer, "infra/payments"))
                .hasMessage("Provider 'Gitea' has no server URL: set the Gitea / Forgejo server address in the"
                        + " provider's configuration.");
    }

    private static String path(ProviderSpec provider, String repository) {
        return RepositoryReference.parse(provider, repository).path();
    }

    @Test
    public void shouldNameAParentDirectoryPartBeforeTheWrongNumberOfParts() {
        assertThatThrownBy(() -> RepositoryReference.parse(GITEA, "infra/../payments"))
                .isInstanceOf(CheckoutException.class)
                .hasMessage("Repository 'infra/../payments' is not valid: its part '..' contains '..'.");
    }
}
