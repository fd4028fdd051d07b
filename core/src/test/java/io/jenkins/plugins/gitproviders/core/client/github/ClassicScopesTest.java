package io.jenkins.plugins.gitproviders.core.client.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.model.TokenScope;
import org.junit.Test;

public class ClassicScopesTest {
    @Test
    public void shouldCountBroaderScopesAsCoveringNarrowerOnes() {
        // Given
        ClassicScopes scopes = ClassicScopes.parse("repo, admin:org, write:repo_hook");

        // Then
        assertThat(scopes.covers("read:org")).isTrue();
        assertThat(scopes.covers("write:org")).isTrue();
        assertThat(scopes.covers("read:repo_hook")).isTrue();
        assertThat(scopes.covers("admin:repo_hook")).isFalse();
        assertThat(scopes.covers("repo")).isTrue();
        assertThat(scopes.covers("workflow")).isFalse();
    }

    @Test
    public void shouldListMissingScopesInTheRequiredOrder() {
        // Given a token with no scope at all (an empty header)
        ClassicScopes scopes = ClassicScopes.parse(" ");

        // Then
        assertThat(scopes.granted()).isEmpty();
        assertThat(scopes.missing(ProviderType.GITHUB.requiredTokenScopes())).extracting(TokenScope::name)
                .containsExactly("repo");
    }

    @Test
    public void shouldCountRepoAsCoveringTheStatusScope() {
        assertThat(ClassicScopes.parse("repo").covers("repo:status")).isTrue();
        assertThat(ClassicScopes.parse("repo:status").covers("repo:status")).isTrue();
        assertThat(ClassicScopes.parse("public_repo, read:org").covers("repo:status")).isFalse();
        assertThat(ClassicScopes.parse("repo:status").covers("repo")).isFalse();
    }
}
