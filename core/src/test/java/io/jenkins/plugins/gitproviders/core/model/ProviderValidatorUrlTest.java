package io.jenkins.plugins.gitproviders.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

public class ProviderValidatorUrlTest {

    @Test
    public void shouldAcceptNoServerUrlOrTheDefaultForCloudTypes() {
        for (ProviderType type : List.of(ProviderType.GITHUB, ProviderType.GITLAB, ProviderType.BITBUCKET_CLOUD)) {
            String fixed = type.defaultServerUrl().orElseThrow();
            assertThat(ProviderValidator.checkServerUrl(type, null)).isEmpty();
            assertThat(ProviderValidator.checkServerUrl(type, fixed)).isEmpty();
            assertThat(ProviderValidator.checkServerUrl(type, fixed.toUpperCase(java.util.Locale.ROOT) + "/"))
                    .isEmpty();
        }
    }

    @Test
    public void shouldPointCloudTypesWithAnotherServerToTheSelfHostedType() {
        assertThat(ProviderValidator.checkServerUrl(ProviderType.GITHUB, "https://github.acme.com"))
                .extracting(Problem::message).containsExactly("GitHub.com always uses https://github.com: leave"
                        + " Server URL empty. For a server of your own, create a GitHub Enterprise Server provider"
                        + " instead.");
        assertThat(ProviderValidator.checkServerUrl(ProviderType.GITLAB, "https://gitlab.acme.com"))
                .extracting(Problem::message).singleElement().asString()
                .contains("https://gitlab.com").contains("GitLab self-managed provider instead");
        assertThat(ProviderValidator.checkServerUrl(ProviderType.BITBUCKET_CLOUD, "http://bitbucket.org"))
                .extracting(Problem::message).singleElement().asString()
                .contains("https://bitbucket.org").contains("Bitbucket Server / Data Center provider instead");
    }

    @Test
    public void shouldRequireTheServerUrlOfSelfHostedTypesWithAnExample() {
        assertThat(ProviderValidator.checkServerUrl(ProviderType.GITHUB_ENTERPRISE, " "))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(ProviderField.SERVER_URL);
                    assertThat(problem.isError()).isTrue();
                    assertThat(problem.message()).isEqualTo("Enter the address of your GitHub Enterprise Server"
                            + " server, for example https://github.example.com.");
                });
        assertThat(ProviderValidator.checkServerUrl(ProviderType.GITEA, null)).extracting(Problem::message)
                .singleElement().asString().contains("https://gitea.example.com");
    }

    @Test
    public void shouldLetAzureDevOpsUseItsDefaultOrAServer() {
        assertThat(ProviderValidator.checkServerUrl(ProviderType.AZURE_DEVOPS, null)).isEmpty();
        assertThat(ProviderValidator.checkServerUrl(ProviderType.AZURE_DEVOPS, "https://tfs.acme.com/tfs"))
                .isEmpty();
    }

    @Test
    public void shouldAcceptHttpsWithPortAndPath() {
        assertThat(ProviderValidator.checkServerUrl(ProviderType.GITLAB_SELF_MANAGED,
                "https://git.acme.com:8443/gitlab/")).isEmpty();
        assertThat(ProviderValidator.checkServerUrl(ProviderType.GITEA, "https://10.0.0.5")).isEmpty();
    }

    @Test
    public void shouldWarnAboutPlainHttpOnSelfHostedTypes() {
        assertThat(ProviderValidator.checkServerUrl(ProviderType.BITBUCKET_DATA_CENTER, "http://bitbucket.lan:7990"))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.severity()).isEqualTo(Problem.Severity.WARNING);
                    assertThat(problem.message()).isEqualTo("Server URL uses plain http: the API token travels"
                            + " unencrypted. Use https:// if the server supports it.");
                });
    }

    @Test
    public void shouldRefusePlainHttpForTheApiUrlOfCloudTypes() {
        assertThat(ProviderValidator.checkApiUrl(ProviderType.GITHUB, "http://proxy.acme.com/github"))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo(ProviderField.API_URL);
                    assertThat(problem.isError()).isTrue();
                    assertThat(problem.message()).isEqualTo("API URL must use https://: tokens for the cloud"
                            + " service GitHub.com must never travel unencrypted.");
                });
    }

    @Test
    public void shouldRefusePlainHttpToTheCloudServiceOfATypeThatMayAlsoBeSelfHosted() {
        // Azure DevOps may point at a server of one's own over http, but never at dev.azure.com
        assertThat(ProviderValidator.checkServerUrl(ProviderType.AZURE_DEVOPS, "http://DEV.azure.com"))
                .extracting(Problem::message).containsExactly("Server URL must use https://: tokens for the cloud"
                        + " service Azure DevOps must never travel unencrypted.");
        assertThat(ProviderValidator.checkServerUrl(ProviderType.AZURE_DEVOPS, "http://tfs.lan/tfs"))
                .extracting(Problem::severity).containsExactly(Problem.Severity.WARNING);
    }

    @Test
    public void shouldAcceptAnHttpsApiUrlOverrideForAnyType() {
        assertThat(ProviderValidator.checkApiUrl(ProviderType.GITHUB, "https://proxy.acme.com/github-api"))
                .isEmpty();
        assertThat(ProviderValidator.checkApiUrl(ProviderType.GITEA, null)).isEmpty();
        assertThat(ProviderValidator.checkApiUrl(ProviderType.GITEA, "http://gitea.lan/api/v1"))
                .extracting(Problem::severity).containsExactly(Problem.Severity.WARNING);
    }

    @Test
    public void shouldRefuseOtherSchemesAndSayWhichWasFound() {
        assertThat(ProviderValidator.checkServerUrl(ProviderType.GITEA, "ftp://gitea.acme.com"))
                .extracting(Problem::message).containsExactly(
                        "Server URL must start with https:// (found 'ftp:'), for example https://gitea.example.com.");
    }

    @Test
    public void shouldRefuseRelativeAddressesWithAnExampleOfTheApiUrl() {
        assertThat(ProviderValidator.checkApiUrl(ProviderType.GITLAB_SELF_MANAGED, "gitlab.acme.com/api/v4"))
                .extracting(Problem::message).containsExactly("API URL must be an absolute address starting with"
                        + " https://, for example https://gitlab.example.com/api/v4.");
        assertThat(ProviderValidator.checkServerUrl(ProviderType.GITEA, "https:gitea.acme.com"))
                .extracting(Problem::message).singleElement().asString().contains("absolute address");
    }

    @Test
    public void shouldRefuseUserInfoWithoutRepeatingIt() {
        // Given a URL with a password in it
        List<Problem> problems = ProviderValidator.checkServerUrl(ProviderType.GITHUB_ENTERPRISE,
                "https://admin:s3cr3t-pass@github.acme.com");

        // Then
        assertThat(problems).extracting(Problem::message).containsExactly("Server URL must not contain a user name"
                + " or password (the part before '@'); put them in the API credentials instead.");
        assertThat(problems.toString()).doesNotContain("s3cr3t").doesNotContain("admin");
    }

    @Test
    public void shouldRefuseUserInfoBeforeAHostTheUriClassCannotParse() {
        // Given an underscore in the host, where java.net.URI gives up on user info and host
        List<Problem> problems = ProviderValidator.checkServerUrl(ProviderType.GITEA,
                "https://bob:s3cr3t@git_server.lan");

        // Then
        assertThat(problems).extracting(Problem::message).containsExactly(
                "Server URL must not contain a user name or password (the part before '@'); put them in the API"
                        + " credentials instead.",
                "'git_server.lan' in Server URL is not a valid host name (letters, digits, hyphens and dots, with"
                        + " an optional :port).");
        assertThat(problems.toString()).doesNotContain("s3cr3t");
    }

    @Test
    public void shouldRefuseAMissingHost() {
        assertThat(ProviderValidator.checkServerUrl(ProviderType.GITEA, "https:///gitea"))
                .extracting(Problem::message).containsExactly(
                        "Server URL has no host name; write it like https://gitea.example.com.");
    }

    @Test
    public void shouldRefuseQueryAndFragmentEachWithItsOwnMessage() {
        assertThat(ProviderValidator.checkServerUrl(ProviderType.GITHUB_ENTERPRISE,
                "https://github.acme.com/?tab=repos#top"))
                .extracting(Problem::message).containsExactly(
                        "Server URL must not contain a query ('?...'); give the base address only, like"
                                + " https://github.example.com.",
                        "Server URL must not contain a fragment ('#...'); give the base address only, like"
                                + " https://github.example.com.");
    }

    @Test
    public void shouldReportEveryUrlProblemAtOnce() {
        assertThat(ProviderValidator.checkServerUrl(ProviderType.GITEA, "http://u@gitea.lan/?a#b"))
                .extracting(Problem::severity).containsExactly(
                        Problem.Severity.WARNING, Problem.Severity.ERROR, Problem.Severity.ERROR,
                        Problem.Severity.ERROR);
    }

    @Test
    public void shouldExplainUnparsableUrlsWithoutRepeatingThem() {
        // Given a space inside the address
        List<Problem> problems = ProviderValidator.checkServerUrl(ProviderType.GITEA,
                "https://gitea.acme.com/my token");

        // Then
        assertThat(problems).extracting(Problem::message).containsExactly("Server URL is not a valid URL (Illegal"
                + " character in path at character 26); write it like https://gitea.example.com.");
    }

    @Test
    public void shouldRefuseAbsurdlyLongUrls() {
        assertThat(ProviderValidator.checkApiUrl(ProviderType.GITEA, "https://a.lan/" + "x".repeat(3000)))
                .extracting(Problem::message).containsExactly("API URL is longer than 2048 characters; give the"
                        + " base address only, like https://gitea.example.com/api/v1.");
    }

    @Test
    public void shouldOfferAnExampleServerForEveryType() {
        for (ProviderType type : ProviderType.values()) {
            String example = ProviderValidator.exampleServerUrl(type);
            assertThat(example).startsWith("https://");
            assertThat(ProviderValidator.checkServerUrl(type, example)).as(type.displayName()).isEmpty();
        }
    }
}
