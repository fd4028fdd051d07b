package io.jenkins.plugins.gitproviders.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ValidSpecs;
import io.jenkins.plugins.gitproviders.core.registry.ProviderResolutionException.Reason;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.Test;

/** Covers how a job's provider name, or the lack of one, becomes a provider, and every way that fails. */
public class ProviderRegistryResolveTest {

    private static ProviderSpec inactive(String name) {
        return ValidSpecs.builder(name, io.jenkins.plugins.gitproviders.core.model.ProviderType.GITHUB)
                .active(false).build();
    }

    private static ProviderRegistry loaded(String defaultName, ProviderSpec... specs) {
        return ProviderRegistry.load(List.of(specs), defaultName).registry();
    }

    @Test
    public void shouldResolveANameIgnoringCaseAndSurroundingSpaces() throws Exception {
        // Given
        ProviderRegistry registry = loaded("a", ValidSpecs.github("a"), ValidSpecs.github("GitHub Prod"));

        // Then
        assertThat(registry.resolve("  github prod ").name()).isEqualTo("GitHub Prod");
    }

    @Test
    public void shouldResolveABlankNameToTheDefault() throws Exception {
        // Given
        ProviderRegistry registry = loaded("b", ValidSpecs.github("a"), ValidSpecs.github("b"));

        // Then
        assertThat(registry.resolve(null).name()).isEqualTo("b");
        assertThat(registry.resolve("  ").name()).isEqualTo("b");
        assertThat(registry.resolveDefault().name()).isEqualTo("b");
    }

    @Test
    public void shouldSayNoProviderIsConfiguredWhenResolvingAName() {
        assertThatThrownBy(() -> ProviderRegistry.empty().resolve("github"))
                .isInstanceOfSatisfying(ProviderResolutionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NO_PROVIDERS);
                    assertThat(e.requestedName()).contains("github");
                    assertThat(e.getMessage()).isEqualTo("No Git provider is configured, so 'github' cannot be used."
                            + " An administrator adds providers in the Git Providers configuration (Manage Jenkins >"
                            + " Git Providers).");
                });
    }

    @Test
    public void shouldSayNoProviderIsConfiguredWhenResolvingTheDefault() {
        assertThatThrownBy(() -> ProviderRegistry.empty().resolveDefault())
                .isInstanceOfSatisfying(ProviderResolutionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NO_PROVIDERS);
                    assertThat(e.requestedName()).isEmpty();
                    assertThat(e.getMessage()).isEqualTo("No Git provider is configured. An administrator adds one"
                            + " in the Git Providers configuration (Manage Jenkins > Git Providers); the first one"
                            + " added becomes the default.");
                });
    }

    @Test
    public void shouldSayThereIsNoDefaultAndListTheActiveProvidersToName() {
        // Given a saved registry without default
        ProviderRegistry registry = loaded(null, ValidSpecs.github("a"), inactive("b"), ValidSpecs.github("c"));

        // Then
        assertThatThrownBy(registry::resolveDefault).isInstanceOfSatisfying(ProviderResolutionException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NO_DEFAULT);
                    assertThat(e.getMessage()).isEqualTo("No default Git provider is set. Name a provider in the job"
                            + " (a, c), or ask an administrator to choose a default in the Git Providers"
                            + " configuration (Manage Jenkins > Git Providers).");
                });
    }

    @Test
    public void shouldSayThereIsNoDefaultBecauseAllProvidersAreInactive() {
        // Given
        ProviderRegistry registry = loaded(null, inactive("a"), inactive("b"));

        // Then
        assertThatThrownBy(() -> registry.resolve(""))
                .isInstanceOfSatisfying(ProviderResolutionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NO_DEFAULT);
                    assertThat(e.getMessage()).isEqualTo("No default Git provider: all 2 configured provider(s) are"
                            + " inactive. Ask an administrator to activate one in the Git Providers configuration"
                            + " (Manage Jenkins > Git Providers).");
                });
    }

    @Test
    public void shouldSayTheDefaultIsInactive() {
        // Given a saved registry whose default is inactive
        ProviderRegistry registry = loaded("a", inactive("a"), ValidSpecs.github("b"));

        // Then
        assertThatThrownBy(registry::resolveDefault).isInstanceOfSatisfying(ProviderResolutionException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INACTIVE);
                    assertThat(e.getMessage()).isEqualTo("The default Git provider 'a' is inactive. Ask an"
                            + " administrator to activate it, or to choose an active default, in the Git Providers"
                            + " configuration (Manage Jenkins > Git Providers).");
                });
    }

    @Test
    public void shouldSayANamedProviderIsInactiveAndOfferTheActiveOnes() {
        // Given
        ProviderRegistry registry = loaded("a", ValidSpecs.github("a"), inactive("Old"));

        // Then
        assertThatThrownBy(() -> registry.resolve("old"))
                .isInstanceOfSatisfying(ProviderResolutionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INACTIVE);
                    assertThat(e.requestedName()).contains("old");
                    assertThat(e.getMessage()).isEqualTo("The Git provider 'Old' is inactive. Ask an administrator"
                            + " to activate it in the Git Providers configuration (Manage Jenkins > Git Providers),"
                            + " or use an active provider: a.");
                });
        assertThatThrownBy(() -> loaded(null, inactive("Old")).resolve("old"))
                .hasMessageEndingWith("(Manage Jenkins > Git Providers).");
    }

    @Test
    public void shouldOfferNearMatchesForAnUnknownName() {
        // Given
        ProviderRegistry registry = loaded("github", ValidSpecs.github("github"), ValidSpecs.github("bitbucket"),
                inactive("github-old"));

        // Then
        assertThatThrownBy(() -> registry.resolve(" gihtub "))
                .isInstanceOfSatisfying(ProviderResolutionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_NAME);
                    assertThat(e.requestedName()).contains("gihtub");
                    assertThat(e.nearMatches()).containsExactly("github");
                    assertThat(e.getMessage()).isEqualTo("No Git provider is named 'gihtub'. Did you mean 'github'?"
                            + " Names ignore case and surrounding spaces.");
                });
        assertThatThrownBy(() -> registry.resolve("github_old")).hasMessageContaining("Did you mean 'github-old' or 'github'?");
    }

    @Test
    public void shouldListTheActiveProvidersWhenNothingIsNear() {
        // Given twelve active providers and an inactive one
        List<ProviderSpec> specs = new java.util.ArrayList<>(IntStream.rangeClosed(1, 12)
                .mapToObj(i -> ValidSpecs.github("p" + i)).toList());
        specs.add(inactive("unused"));
        ProviderRegistry registry = ProviderRegistry.load(specs, "p2").registry();

        // Then the default comes first, inactive ones are left out, the rest is counted
        assertThatThrownBy(() -> registry.resolve("jenkins"))
                .isInstanceOfSatisfying(ProviderResolutionException.class, e -> {
                    assertThat(e.nearMatches()).isEmpty();
                    assertThat(e.getMessage()).isEqualTo("No Git provider is named 'jenkins'. Configured providers:"
                            + " p2, p1, p3, p4, p5, p6, p7, p8, p9, p10 and 2 more. Names ignore case and surrounding"
                            + " spaces.");
                });
    }

    @Test
    public void shouldSayWhenNoProviderIsActiveForAnUnknownName() {
        assertThatThrownBy(() -> loaded(null, inactive("a")).resolve("jenkins"))
                .hasMessage("No Git provider is named 'jenkins'. No provider is active. Names ignore case and"
                        + " surrounding spaces.");
    }

    @Test
    public void shouldListActiveProvidersDefaultFirst() throws Exception {
        // Given
        ProviderRegistry registry = loaded("c", ValidSpecs.github("a"), inactive("b"), ValidSpecs.github("c"),
                ValidSpecs.github("d"));

        // Then
        assertThat(registry.activeProviders()).extracting(ProviderSpec::name).containsExactly("c", "a", "d");
        assertThat(registry.providers()).extracting(ProviderSpec::name).containsExactly("a", "b", "c", "d");
        assertThat(registry.findByName(" C ")).map(ProviderSpec::name).contains("c");
        assertThat(registry.findByName(null)).isEmpty();
        assertThat(registry.findByName("e")).isEmpty();
    }
}
