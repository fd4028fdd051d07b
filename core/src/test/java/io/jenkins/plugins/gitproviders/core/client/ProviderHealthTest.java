package io.jenkins.plugins.gitproviders.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.Test;

public class ProviderHealthTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final ProviderSpec GHE = ProviderSpec.builder("ghe", ProviderType.GITHUB_ENTERPRISE)
            .serverUrl("https://github.example.com")
            .scope("platform")
            .credentialsId("ghe-token")
            .webhookSecretCredentialsIds(List.of("hook"))
            .build();

    private static ProviderHealth health() {
        return new ProviderHealth(GHE, CredentialProblem.diagnosis(GHE, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @Test
    public void shouldStayCurrentWhenOnlyWebhookSecretsOrTheActiveFlagChange() {
        // Given
        ProviderSpec changed = GHE.toBuilder().name(" GHE ").webhookSecretCredentialsIds(List.of())
                .sshCredentialsId("ssh").active(false).build();

        // Then
        assertThat(health().isCurrentFor(changed)).isTrue();
        assertThat(health().checkedAt()).isEqualTo(NOW);
    }

    @Test
    public void shouldBeStaleOnceTheCredentialScopeOrAddressChanged() {
        // Then
        assertThat(health().isCurrentFor(GHE.toBuilder().credentialsId("other").build())).isFalse();
        assertThat(health().isCurrentFor(GHE.toBuilder().scope("other").build())).isFalse();
        assertThat(health().isCurrentFor(GHE.toBuilder().serverUrl("https://git.example.com").build())).isFalse();
        assertThat(health().isCurrentFor(GHE.toBuilder().apiUrl("https://proxy.example.com/api/v3").build()))
                .isFalse();
        assertThat(health().isCurrentFor(GHE.toBuilder().name("other").build())).isFalse();
    }

    @Test
    public void shouldDiagnoseAMissingCredentialWithoutContactingAnything() {
        // Given a provider without a credential
        ProviderSpec none = GHE.toBuilder().credentialsId(null).build();

        // When
        Diagnosis diagnosis = CredentialProblem.diagnosis(none, Clock.fixed(NOW, ZoneOffset.UTC));

        // Then
        assertThat(diagnosis.failed()).isTrue();
        assertThat(diagnosis.checks()).hasSize(CheckId.values().length);
        Check authentication = diagnosis.check(CheckId.AUTHENTICATION).orElseThrow();
        assertThat(authentication.message()).isEqualTo("No API credential is chosen for this provider.");
        assertThat(authentication.fix()).contains("repo");
        assertThat(diagnosis.check(CheckId.REACHABILITY).orElseThrow().status()).isEqualTo(CheckStatus.SKIPPED);
    }
}
