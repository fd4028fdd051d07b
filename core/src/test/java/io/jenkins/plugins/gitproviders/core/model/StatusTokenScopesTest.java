package io.jenkins.plugins.gitproviders.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

/** Checks the optional token scopes for build status beside the required ones. */
public class StatusTokenScopesTest {
    @Test
    public void shouldCheckOnlyTheRequiredScopesWhenStatusReportingIsOff() {
        for (ProviderType type : ProviderType.values()) {
            assertThat(type.tokenScopesFor(false)).as(type.name()).isEqualTo(type.requiredTokenScopes());
        }
    }

    @Test
    public void shouldAddEachStatusScopeOnceAfterTheRequiredOnes() {
        for (ProviderType type : ProviderType.values()) {
            assertThat(type.tokenScopesFor(true)).as(type.name()).startsWith(
                    type.requiredTokenScopes().toArray(TokenScope[]::new));
            assertThat(type.tokenScopesFor(true)).extracting(TokenScope::name).as(type.name()).doesNotHaveDuplicates()
                    .containsAll(type.statusTokenScopes().stream().map(TokenScope::name).toList());
        }
        assertThat(ProviderType.GITHUB.tokenScopesFor(true)).extracting(TokenScope::name)
                .containsExactly("repo", "repo:status");
    }

    @Test
    public void shouldMarkEveryStatusScopeOptionalForBuildStatus() {
        for (ProviderType type : ProviderType.values()) {
            assertThat(type.statusTokenScopes()).as(type.name()).isNotEmpty()
                    .allSatisfy(scope -> assertThat(scope.purpose()).startsWith("optional, for build status: "));
        }
        assertThat(ProviderType.AZURE_DEVOPS.statusTokenScopes()).extracting(TokenScope::name)
                .containsExactly("vso.code_status");
        assertThat(ProviderType.GITEA.statusTokenScopes()).extracting(TokenScope::name)
                .containsExactly("write:repository");
    }
}
