package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.EnumSet;
import java.util.Set;
import org.junit.Test;

public class WebhookFormatTest {
    @Test
    public void shouldGiveEveryProviderTypeExactlyOneFormat() {
        Set<ProviderType> covered = EnumSet.noneOf(ProviderType.class);
        for (WebhookFormat format : WebhookFormat.values()) {
            for (ProviderType type : format.providerTypes()) {
                assertThat(covered.add(type)).as("%s in two formats", type).isTrue();
                assertThat(WebhookFormat.of(type)).isEqualTo(format);
            }
        }
        assertThat(covered).containsExactlyInAnyOrder(ProviderType.values());
    }

    @Test
    public void shouldShareFormatsWithinAProductFamily() {
        assertThat(WebhookFormat.of(ProviderType.GITHUB_ENTERPRISE)).isEqualTo(WebhookFormat.GITHUB);
        assertThat(WebhookFormat.of(ProviderType.GITLAB_SELF_MANAGED)).isEqualTo(WebhookFormat.GITLAB);
        assertThat(WebhookFormat.of(ProviderType.BITBUCKET_DATA_CENTER)).isEqualTo(WebhookFormat.BITBUCKET_DATA_CENTER);
    }

    @Test
    public void shouldRegisterParsersForGitHubGitLabAndGitea() {
        assertThat(WebhookParsers.forFormat(WebhookFormat.GITHUB).orElseThrow().hostTypes())
                .isEqualTo(WebhookFormat.GITHUB.providerTypes());
        assertThat(WebhookParsers.forFormat(WebhookFormat.GITLAB).orElseThrow().hostTypes())
                .isEqualTo(WebhookFormat.GITLAB.providerTypes());
        assertThat(WebhookParsers.forFormat(WebhookFormat.GITEA).orElseThrow().hostTypes())
                .isEqualTo(WebhookFormat.GITEA.providerTypes());
    }
}
