package io.jenkins.plugins.gitproviders.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.checkout.CheckoutException;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlan;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlanner;
import io.jenkins.plugins.gitproviders.core.model.CredentialKind;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.EnumMap;
import java.util.Map;
import org.junit.Test;

public class CloneCredentialsTest {
    private static final ProviderSpec GITHUB = ProviderSpec.builder("GitHub", ProviderType.GITHUB)
            .credentialsId("github-token").build();
    private static final ProviderSpec BITBUCKET_DC = ProviderSpec.builder("BBDC", ProviderType.BITBUCKET_DATA_CENTER)
            .serverUrl("https://bitbucket.example.com").credentialsId("bbdc-token").build();

    private final CheckoutPlanner planner = new CheckoutPlanner();

    @Test
    public void shouldSendATokenAsThePasswordOfTheHostsTokenUser() {
        Map<ProviderType, String> expected = new EnumMap<>(ProviderType.class);
        expected.put(ProviderType.GITHUB, "x-access-token");
        expected.put(ProviderType.GITHUB_ENTERPRISE, "x-access-token");
        expected.put(ProviderType.GITLAB, "oauth2");
        expected.put(ProviderType.GITLAB_SELF_MANAGED, "oauth2");
        expected.put(ProviderType.BITBUCKET_CLOUD, "x-token-auth");
        expected.put(ProviderType.AZURE_DEVOPS, "pat");
        expected.put(ProviderType.GITEA, "oauth2");

        for (Map.Entry<ProviderType, String> entry : expected.entrySet()) {
            ProviderSpec provider = ProviderSpec.builder("p", entry.getKey()).serverUrl("https://git.example.com")
                    .credentialsId("token").build();
            assertThat(CloneCredentials.tokenUsername(provider)).as(entry.getKey().name()).isEqualTo(entry.getValue());
        }
    }

    @Test
    public void shouldCloneWithABitbucketCloudAccessTokenAsXTokenAuth() {
        // Given an access token held as secret text: no email, and a username that Bitbucket would not accept
        ProviderSpec provider = ProviderSpec.builder("BB", ProviderType.BITBUCKET_CLOUD).scope("acme")
                .username("ci-bot").credentialsId("workspace-token").build();

        CloneCredentials.Decision decision = CloneCredentials.decide(provider, plan(provider), CredentialKind.SECRET_TEXT);

        assertThat(decision.use()).isEqualTo(CloneCredentials.Use.TOKEN_AS_PASSWORD);
        assertThat(decision.username()).isEqualTo("x-token-auth");
    }

    @Test
    public void shouldCloneWithABitbucketCloudApiTokenAsTheApiTokenUser() {
        // Given an Atlassian API token held as secret text beside the account email (and a Bitbucket username)
        ProviderSpec provider = ProviderSpec.builder("BB", ProviderType.BITBUCKET_CLOUD).scope("acme")
                .username("jane").email("jane@example.com").credentialsId("api-token").build();

        CloneCredentials.Decision decision = CloneCredentials.decide(provider, plan(provider), CredentialKind.SECRET_TEXT);

        assertThat(decision.use()).isEqualTo(CloneCredentials.Use.TOKEN_AS_PASSWORD);
        assertThat(decision.username()).isEqualTo("x-bitbucket-api-token-auth");
    }

    @Test
    public void shouldCloneWithTheApiTokenOfABitbucketCloudUsernameWithPassword() {
        // Given the account email and an API token as username and password: git does not take the email as user
        ProviderSpec provider = ProviderSpec.builder("BB", ProviderType.BITBUCKET_CLOUD).scope("acme")
                .credentialsId("email-and-api-token").build();

        CloneCredentials.Decision decision =
                CloneCredentials.decide(provider, plan(provider), CredentialKind.USERNAME_PASSWORD);

        assertThat(decision.use()).isEqualTo(CloneCredentials.Use.TOKEN_AS_PASSWORD);
        assertThat(decision.username()).isEqualTo("x-bitbucket-api-token-auth");
    }

    @Test
    public void shouldPreferTheProvidersUsername() {
        ProviderSpec provider = GITHUB.toBuilder().username("ci-bot").build();

        CloneCredentials.Decision decision = CloneCredentials.decide(provider, plan(provider), CredentialKind.SECRET_TEXT);

        assertThat(decision.use()).isEqualTo(CloneCredentials.Use.TOKEN_AS_PASSWORD);
        assertThat(decision.username()).isEqualTo("ci-bot");
    }

    @Test
    public void shouldRefuseABitbucketDataCenterTokenWithoutItsOwnersUsername() {
        assertThatThrownBy(() -> CloneCredentials.decide(BITBUCKET_DC, plan(BITBUCKET_DC), CredentialKind.SECRET_TEXT))
                .isInstanceOf(CheckoutException.class)
                .hasMessageContaining("Provider 'BBDC' has a token as API credentials but no username")
                .hasMessageContaining("set the provider's Username");
        ProviderSpec withUser = BITBUCKET_DC.toBuilder().username("jane").build();
        assertThat(CloneCredentials.decide(withUser, plan(withUser), CredentialKind.SECRET_TEXT).username())
                .isEqualTo("jane");
    }

    @Test
    public void shouldUseAUsernameWithPasswordAsItIsOverHttps() {
        CloneCredentials.Decision decision =
                CloneCredentials.decide(GITHUB, plan(GITHUB), CredentialKind.USERNAME_PASSWORD);

        assertThat(decision.use()).isEqualTo(CloneCredentials.Use.AS_IS);
        assertThat(decision.username()).isNull();
    }

    @Test
    public void shouldRefuseAnSshKeyAsApiCredentialsOverHttps() {
        assertThatThrownBy(() -> CloneCredentials.decide(GITHUB, plan(GITHUB), CredentialKind.SSH_PRIVATE_KEY))
                .isInstanceOf(CheckoutException.class)
                .hasMessageContaining("API credentials 'github-token' of provider 'GitHub' are an SSH key");
    }

    @Test
    public void shouldUseOnlyAnSshKeyOverSsh() {
        ProviderSpec ssh = GITHUB.toBuilder().sshCredentialsId("deploy-key").build();
        CheckoutPlan plan = plan(ssh);

        assertThat(CloneCredentials.decide(ssh, plan, CredentialKind.SSH_PRIVATE_KEY).use())
                .isEqualTo(CloneCredentials.Use.AS_IS);
        assertThatThrownBy(() -> CloneCredentials.decide(ssh, plan, CredentialKind.SECRET_TEXT))
                .hasMessageContaining("SSH credentials 'deploy-key' of provider 'GitHub' are not an SSH private key");
    }

    @Test
    public void shouldExplainAMissingCredentialWithItsIdAndScope() {
        String message = CloneCredentials.missingMessage(GITHUB, plan(GITHUB));

        assertThat(message).contains("'github-token'", "provider 'GitHub'", "Global", "folder", "System-scoped");
        ProviderSpec ssh = GITHUB.toBuilder().sshCredentialsId("deploy-key").build();
        assertThat(CloneCredentials.missingMessage(ssh, plan(ssh))).startsWith("The SSH credentials 'deploy-key'");
    }

    private CheckoutPlan plan(ProviderSpec provider) {
        String repository = provider.type() == ProviderType.BITBUCKET_DATA_CENTER ? "PROJ/payments" : "acme/payments";
        return planner.plan(provider, repository, "refs/heads/main", null);
    }
}
