package io.jenkins.plugins.gitproviders.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.access.CredentialDestination.Use;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.List;
import org.junit.Test;

public class CredentialDestinationsTest {
    private static final ProviderSpec GHE = ProviderSpec.builder("GHE", ProviderType.GITHUB_ENTERPRISE)
            .serverUrl("https://github.example.com").credentialsId("ghe-token").build();

    @Test
    public void shouldSendTheTokenToTheEffectiveApiAddressAndTheCloneServer() {
        assertThat(CredentialDestinations.of(GHE)).containsExactly(
                new CredentialDestination("ghe-token", Use.API, "https://github.example.com/api/v3"),
                new CredentialDestination("ghe-token", Use.HTTPS_CLONE, "https://github.example.com"));
        ProviderSpec github = ProviderSpec.builder("GitHub", ProviderType.GITHUB).credentialsId("t").build();
        assertThat(CredentialDestinations.of(github)).extracting(CredentialDestination::url)
                .containsExactly("https://api.github.com", "https://github.com");
    }

    @Test
    public void shouldNameTheApiOverrideNotTheServerWhenTheTokenGoesThere() {
        // The domain check of the credential must concern the address the token really goes to.
        ProviderSpec proxied = GHE.toBuilder().apiUrl("https://api-proxy.example.net/gh").build();

        assertThat(CredentialDestinations.of(proxied)).containsExactly(
                new CredentialDestination("ghe-token", Use.API, "https://api-proxy.example.net/gh"),
                new CredentialDestination("ghe-token", Use.HTTPS_CLONE, "https://github.example.com"));
    }

    @Test
    public void shouldSendTheSshKeyToTheSshHostAndTheTokenToTheApiOnly() {
        ProviderSpec ssh = ProviderSpec.builder("DC", ProviderType.BITBUCKET_DATA_CENTER)
                .serverUrl("https://bitbucket.example.com/bb").credentialsId("dc-token").sshCredentialsId("key")
                .build();
        ProviderSpec azure = ProviderSpec.builder("Azure", ProviderType.AZURE_DEVOPS).scope("fabrikam")
                .credentialsId("pat").sshCredentialsId("azure-key").build();

        assertThat(CredentialDestinations.of(ssh)).containsExactly(
                new CredentialDestination("dc-token", Use.API, "https://bitbucket.example.com/bb/rest/api/1.0"),
                new CredentialDestination("key", Use.SSH_CLONE, "ssh://bitbucket.example.com:7999"));
        assertThat(CredentialDestinations.of(azure, "azure-key")).extracting(CredentialDestination::url)
                .containsExactly("ssh://ssh.dev.azure.com:22");
        assertThat(CredentialDestinations.of(azure, "other")).isEmpty();
    }

    @Test
    public void shouldSendNothingWithoutCredentialsOrAddress() {
        assertThat(CredentialDestinations.of(ProviderSpec.builder("x", ProviderType.GITHUB).build())).isEmpty();
        assertThat(CredentialDestinations.of(ProviderSpec.builder("x", ProviderType.GITEA).credentialsId("t")
                .build())).isEmpty();
    }

    @Test
    public void shouldReportEveryNewPairingOfCredentialAndAddress() {
        ProviderSpec moved = GHE.toBuilder().apiUrl("https://attacker.example.net").build();
        ProviderSpec otherToken = GHE.toBuilder().credentialsId("system-admin-token").build();
        ProviderSpec added = ProviderSpec.builder("New", ProviderType.GITLAB).credentialsId("ghe-token").build();

        assertThat(CredentialDestinations.newPairings(List.of(GHE), List.of(moved)))
                .containsExactly(new NewPairing("GHE",
                        new CredentialDestination("ghe-token", Use.API, "https://attacker.example.net")));
        assertThat(CredentialDestinations.newPairings(List.of(GHE), List.of(otherToken)))
                .extracting(pairing -> pairing.destination().use())
                .containsExactly(Use.API, Use.HTTPS_CLONE);
        assertThat(CredentialDestinations.newPairings(List.of(GHE), List.of(GHE, added)))
                .extracting(NewPairing::providerName, pairing -> pairing.destination().url())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("New", "https://gitlab.com/api/v4"),
                        org.assertj.core.groups.Tuple.tuple("New", "https://gitlab.com"));
    }

    @Test
    public void shouldReportANewServerUrlEvenWhenTheApiOverrideStays() {
        ProviderSpec saved = GHE.toBuilder().apiUrl("https://github.example.com/api/v3").build();
        ProviderSpec next = saved.toBuilder().serverUrl("https://elsewhere.example.net").build();

        assertThat(CredentialDestinations.newPairings(List.of(saved), List.of(next)))
                .extracting(pairing -> pairing.destination().use(), pairing -> pairing.destination().url())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Use.HTTPS_CLONE,
                        "https://elsewhere.example.net"));
    }

    @Test
    public void shouldNotCountRenamesOtherFieldsOrSpellingsOfTheSameAddressAsNew() {
        ProviderSpec renamed = GHE.toBuilder().name("Enterprise").scope("acme").active(false)
                .serverUrl("HTTPS://GitHub.Example.com:443/").allowedItems(List.of("team-a/**")).build();
        ProviderSpec sharing = GHE.toBuilder().name("Second").build();

        assertThat(CredentialDestinations.newPairings(List.of(GHE), List.of(renamed, sharing))).isEmpty();
        assertThat(CredentialDestinations.newPairings(List.of(GHE), List.of())).isEmpty();
    }

    @Test
    public void shouldExplainWhoMaySaveWithoutShowingAPasswordInTheAddress() {
        NewPairing pairing = new NewPairing("GHE", new CredentialDestination("ghe-token", Use.API,
                "https://user:hunter2@attacker.example.net/api"));

        assertThat(pairing.message()).isEqualTo("Provider 'GHE' would send the credential 'ghe-token' to"
                + " https://attacker.example.net/api for API calls, where no saved provider sends it. Only an"
                + " administrator (Overall/Administer) may pair a credential with a new address.")
                .doesNotContain("hunter2");
    }
}
