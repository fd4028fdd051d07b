package io.jenkins.plugins.gitproviders.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.registry.ProviderRegistry;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ProviderSummaryTest {
    private static final ProviderSpec GITHUB = ProviderSpec.builder("GitHub", ProviderType.GITHUB)
            .credentialsId("github-token").scope("acme").build();
    private static final ProviderSpec GITLAB = ProviderSpec.builder("Team GitLab", ProviderType.GITLAB_SELF_MANAGED)
            .serverUrl("https://gitlab.example.com").credentialsId("gitlab-token").sshCredentialsId("gitlab-key")
            .username("ci").webhookSecretCredentialsIds(List.of("hook-secret")).build();
    private static final ProviderSpec OLD = ProviderSpec.builder("Old", ProviderType.GITEA)
            .serverUrl("https://gitea.example.com").credentialsId("t").active(false).build();

    @Test
    public void shouldListThePublicDataWithEffectiveAddresses() {
        Map<String, Object> data = ProviderSummary.publicData(GITHUB, true);

        assertThat(data).containsEntry("name", "GitHub").containsEntry("type", "gitHub")
                .containsEntry("typeName", "GitHub.com").containsEntry("serverUrl", "https://github.com")
                .containsEntry("apiUrl", "https://api.github.com").containsEntry("scope", "acme")
                .containsEntry("credentialsId", "github-token").containsEntry("sshCredentialsId", null)
                .containsEntry("username", null).containsEntry("isDefault", true);
    }

    @Test
    public void shouldNeverListWebhookSecretsOrOtherFields() {
        Map<String, Object> data = ProviderSummary.publicData(GITLAB, false);

        assertThat(data.keySet()).containsExactly("name", "type", "typeName", "serverUrl", "apiUrl", "scope",
                "username", "credentialsId", "sshCredentialsId", "isDefault");
        assertThat(data.values()).doesNotContain("hook-secret");
        assertThat(data).containsEntry("apiUrl", "https://gitlab.example.com/api/v4").containsEntry("isDefault", false);
    }

    @Test
    public void shouldOfferActiveProvidersWithTheDefaultFirst() {
        ProviderRegistry registry = ProviderRegistry.load(List.of(GITHUB, OLD, GITLAB), "team gitlab").registry();

        assertThat(ProviderSummary.choices(registry)).containsExactly("Team GitLab", "GitHub");
        assertThat(ProviderSummary.isDefault(registry, GITLAB)).isTrue();
        assertThat(ProviderSummary.isDefault(registry, GITHUB)).isFalse();
    }

    @Test
    public void shouldOfferActiveProvidersInOrderWithoutADefault() {
        ProviderRegistry registry = ProviderRegistry.load(List.of(GITHUB, OLD, GITLAB), null).registry();

        assertThat(ProviderSummary.choices(registry)).containsExactly("GitHub", "Team GitLab");
    }
}
