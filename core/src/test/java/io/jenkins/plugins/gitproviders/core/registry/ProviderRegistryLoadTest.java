package io.jenkins.plugins.gitproviders.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.model.ValidSpecs;
import java.util.List;
import org.junit.Test;

/** Covers rebuilding a registry from what the plugin saved: nothing is repaired, everything odd is told. */
public class ProviderRegistryLoadTest {

    private static ProviderSpec inactive(String name) {
        return ValidSpecs.builder(name, ProviderType.GITHUB).active(false).build();
    }

    @Test
    public void shouldLoadAConsistentListWithoutNotices() {
        // Given
        List<ProviderSpec> saved = List.of(ValidSpecs.github("a"), inactive("b"));

        // When
        RegistryChange change = ProviderRegistry.load(saved, " A ");

        // Then the default is spelled as the provider is
        assertThat(change.notices()).isEmpty();
        assertThat(change.registry().providers()).isEqualTo(saved);
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("a");
        assertThat(ProviderRegistry.load(List.of(), null).registry()).isEqualTo(ProviderRegistry.empty());
        assertThat(ProviderRegistry.load(List.of(inactive("x")), null).notices()).isEmpty();
    }

    @Test
    public void shouldReportAMissingDefaultWithoutPickingOne() {
        // When
        RegistryChange change = ProviderRegistry.load(List.of(ValidSpecs.github("a")), "gone");

        // Then
        assertThat(change.registry().defaultProvider()).isEmpty();
        assertThat(change.notices()).containsExactly("The saved default provider 'gone' does not exist, so there is"
                + " no default provider; jobs that do not name a provider fail until you choose one.");
    }

    @Test
    public void shouldReportAnInactiveDefaultAndKeepIt() {
        // When
        RegistryChange change = ProviderRegistry.load(List.of(inactive("a"), ValidSpecs.github("b")), "a");

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("a");
        assertThat(change.registry().activeProviders()).extracting(ProviderSpec::name).containsExactly("b");
        assertThat(change.notices()).containsExactly("The default provider 'a' is inactive; jobs that do not name a"
                + " provider fail until you activate it or choose an active provider as the default.");
    }

    @Test
    public void shouldReportActiveProvidersWithoutDefault() {
        // When
        RegistryChange change = ProviderRegistry.load(List.of(ValidSpecs.github("a"), ValidSpecs.github("b")), " ");

        // Then
        assertThat(change.registry().defaultProvider()).isEmpty();
        assertThat(change.notices()).containsExactly("No default provider is saved although 2 provider(s) are"
                + " active; jobs that do not name a provider fail until you choose a default.");
    }

    @Test
    public void shouldReportDuplicateNamesAndKeepBoth() {
        // When
        RegistryChange change = ProviderRegistry.load(
                List.of(ValidSpecs.github("GitHub"), ValidSpecs.spec("github ", ProviderType.GITLAB)), "github");

        // Then
        assertThat(change.registry().providers()).hasSize(2);
        assertThat(change.registry().findByName("github")).map(ProviderSpec::type).contains(ProviderType.GITHUB);
        assertThat(change.notices()).containsExactly("Providers 'GitHub' and 'github' have the same name (names"
                + " ignore case and surrounding spaces); jobs get 'GitHub', listed first. Rename one of them.");
    }

    @Test
    public void shouldReportProvidersWithoutName() {
        // When
        RegistryChange change = ProviderRegistry.load(
                List.of(ValidSpecs.github("a"), ValidSpecs.spec(" ", ProviderType.GITEA)), "a");

        // Then
        assertThat(change.notices()).containsExactly("Provider number 2 (Gitea / Forgejo) has no name, so no job can"
                + " use it; give it a name or delete it.");
    }

    @Test
    public void shouldLetTheNextActivationRestoreTheDefault() throws Exception {
        // Given a loaded registry left without default
        ProviderRegistry registry = ProviderRegistry.load(List.of(ValidSpecs.github("a"), inactive("b")), null)
                .registry();

        // When an administrator chooses one
        RegistryChange change = registry.setDefault("a");

        // Then
        assertThat(change.registry().resolveDefault().name()).isEqualTo("a");
    }
}
