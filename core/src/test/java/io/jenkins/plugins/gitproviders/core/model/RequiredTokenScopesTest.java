package io.jenkins.plugins.gitproviders.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Pins the scopes the plugin asks for to exactly what its features need today (reading the owner, the scope's
 * repositories and the code): no webhook, hook or status scope, since nothing creates webhooks or reports status.
 * A feature that needs more adds its scope here together with its code, so that this list changes on purpose.
 */
public class RequiredTokenScopesTest {
    private static final Map<ProviderType, List<String>> EXPECTED = Map.of(
            ProviderType.GITHUB, List.of("repo"),
            ProviderType.GITHUB_ENTERPRISE, List.of("repo"),
            ProviderType.GITLAB, List.of("read_api", "read_repository"),
            ProviderType.GITLAB_SELF_MANAGED, List.of("read_api", "read_repository"),
            ProviderType.BITBUCKET_CLOUD, List.of("read:user:bitbucket", "read:repository:bitbucket"),
            ProviderType.BITBUCKET_DATA_CENTER, List.of("REPO_READ"),
            ProviderType.AZURE_DEVOPS, List.of("vso.code"),
            ProviderType.GITEA, List.of("read:repository", "read:user", "read:organization"));

    @Test
    public void shouldAskForExactlyTheScopesOfTodaysFeatures() {
        for (ProviderType type : ProviderType.values()) {
            assertThat(type.requiredTokenScopes()).as(type.id()).extracting(TokenScope::name)
                    .containsExactlyElementsOf(EXPECTED.get(type));
        }
    }

    @Test
    public void shouldAskForNoWriteHookOrStatusScope() {
        List<String> all = Arrays.stream(ProviderType.values())
                .flatMap(type -> type.requiredTokenScopes().stream())
                .map(scope -> scope.name() + " " + scope.purpose())
                .toList();

        assertThat(all).noneMatch(text -> text.matches("(?i).*(hook|status|write:|admin|REPO_ADMIN|\\bapi\\b ).*"));
    }
}
