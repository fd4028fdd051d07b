package io.jenkins.plugins.gitproviders.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.CredentialKindLookup;
import io.jenkins.plugins.gitproviders.core.model.ProviderField;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.model.ValidSpecs;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Covers replacing the whole list, as the configuration form and configuration as code do. */
public class ProviderRegistryReplaceAllTest {
    private static final ProviderUsage NONE = name -> List.of();

    private static ProviderRegistry saved(String defaultName, ProviderSpec... specs) {
        return ProviderRegistry.load(List.of(specs), defaultName).registry();
    }

    private static RegistryChange replace(ProviderRegistry registry, String defaultName, ProviderUsage usage,
            ProviderSpec... specs) throws RegistryException {
        return registry.replaceAll(List.of(specs), defaultName, usage, CredentialKindLookup.UNKNOWN);
    }

    @Test
    public void shouldAcceptAValidListWithTheNamedDefault() throws Exception {
        // Given
        ProviderRegistry empty = ProviderRegistry.empty();

        // When
        RegistryChange change = replace(empty, "team gitlab", NONE,
                ValidSpecs.github("Production GitHub"), ValidSpecs.spec("Team GitLab", ProviderType.GITLAB_SELF_MANAGED));

        // Then
        assertThat(change.registry().providers()).extracting(ProviderSpec::name)
                .containsExactly("Production GitHub", "Team GitLab");
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("Team GitLab");
        assertThat(change.notices()).isEmpty();
    }

    @Test
    public void shouldMakeTheFirstActiveProviderTheDefaultWhenNoneIsNamedAndSaySo() throws Exception {
        // Given
        ProviderSpec inactive = ValidSpecs.github("Old GitHub").toBuilder().active(false).build();

        // When
        RegistryChange change = replace(ProviderRegistry.empty(), null, NONE, inactive, ValidSpecs.github("New GitHub"));

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("New GitHub");
        assertThat(change.notices()).containsExactly("'New GitHub' is now the default provider.");
    }

    @Test
    public void shouldKeepTheCurrentDefaultWhenNoneIsNamed() throws Exception {
        // Given
        ProviderRegistry current = saved("B", ValidSpecs.github("A"), ValidSpecs.github("B"));

        // When
        RegistryChange change = replace(current, null, NONE, ValidSpecs.github("A"), ValidSpecs.github("B"));

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("B");
    }

    @Test
    public void shouldRefuseAnInvalidProviderNamingItAndTheField() {
        // Given
        ProviderSpec noServer = ProviderSpec.builder("Team GitLab", ProviderType.GITLAB_SELF_MANAGED)
                .credentialsId("token").build();

        // Then
        assertThatThrownBy(() -> replace(ProviderRegistry.empty(), null, NONE, noServer))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("Cannot save provider 'Team GitLab'")
                .satisfies(e -> assertThat(((RegistryException) e).field()).isEqualTo(ProviderField.SERVER_URL));
    }

    @Test
    public void shouldRefuseDuplicateNamesIgnoringCase() {
        assertThatThrownBy(() -> replace(ProviderRegistry.empty(), null, NONE,
                        ValidSpecs.github("GitHub"), ValidSpecs.github(" github ")))
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).field()).isEqualTo(ProviderField.NAME));
    }

    @Test
    public void shouldRefuseChangingTheTypeOfAProviderThatStays() {
        // Given
        ProviderRegistry current = saved("Main", ValidSpecs.github("Main"));

        // Then
        assertThatThrownBy(() -> replace(current, null, NONE, ValidSpecs.spec("Main", ProviderType.GITLAB)))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Provider 'Main' is a GitHub.com provider and its type cannot change to GitLab.com."
                        + " Create a new GitLab.com provider under another name instead, move the jobs to it, then"
                        + " delete 'Main'.")
                .satisfies(e -> assertThat(((RegistryException) e).field()).isEqualTo(ProviderField.TYPE));
    }

    @Test
    public void shouldRefuseRemovingOrRenamingAProviderThatJobsUseAndListThem() {
        // Given
        ProviderRegistry current = saved("Main", ValidSpecs.github("Main"), ValidSpecs.github("Spare"));
        ProviderUsage usage = name -> Map.of("Main", List.of("team/app", "team/lib")).getOrDefault(name, List.of());

        // Then
        assertThatThrownBy(() -> replace(current, "Spare", usage, ValidSpecs.github("Renamed"), ValidSpecs.github("Spare")))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Provider 'Main' cannot be deleted or renamed because 2 jobs use it: team/app, team/lib."
                        + " Reassign these jobs to another provider first.");
    }

    @Test
    public void shouldAllowRemovingAProviderNoJobUses() throws Exception {
        // Given
        ProviderRegistry current = saved("Main", ValidSpecs.github("Main"), ValidSpecs.github("Spare"));

        // When
        RegistryChange change = replace(current, null, NONE, ValidSpecs.github("Main"));

        // Then
        assertThat(change.registry().providers()).extracting(ProviderSpec::name).containsExactly("Main");
    }

    @Test
    public void shouldRefuseADefaultThatIsUnknownOrInactive() {
        // Given
        ProviderSpec inactive = ValidSpecs.github("Sleeping").toBuilder().active(false).build();

        // Then
        assertThatThrownBy(() -> replace(ProviderRegistry.empty(), "Nope", NONE, ValidSpecs.github("Main")))
                .isInstanceOf(RegistryException.class)
                .hasMessage("No provider is named 'Nope'; the default must be one of the active providers: Main.")
                .satisfies(e -> assertThat(((RegistryException) e).field()).isEqualTo(ProviderField.DEFAULT_PROVIDER));
        assertThatThrownBy(() -> replace(ProviderRegistry.empty(), "Sleeping", NONE, ValidSpecs.github("Main"), inactive))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("'Sleeping' is inactive");
    }

    @Test
    public void shouldSayThereIsNoDefaultWhenNoProviderIsActive() throws Exception {
        // When
        RegistryChange change = replace(ProviderRegistry.empty(), null, NONE,
                ValidSpecs.github("Sleeping").toBuilder().active(false).build());

        // Then
        assertThat(change.registry().defaultProvider()).isEmpty();
        assertThat(change.notices()).containsExactly("No provider is active, so there is no default provider.");
    }

    @Test
    public void shouldLetTheListDeactivateTheDefaultBeforeTheNewDefaultIsNamed() throws RegistryException {
        // Configuration as code sets the list first: the old default stays in it, inactive
        List<ProviderSpec> current = List.of(ValidSpecs.github("A"), ValidSpecs.github("B"));
        List<ProviderSpec> next = List.of(ValidSpecs.github("A").toBuilder().active(false).build(),
                ValidSpecs.github("B"));

        String asked = ProviderRegistry.defaultNamedBeforeTheList(current, "A", next);
        RegistryChange change = ProviderRegistry.load(current, "A").registry().replaceAll(next, asked, NONE,
                CredentialKindLookup.UNKNOWN);

        assertThat(asked).isNull();
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("B");
        // ...and then the default it names
        assertThat(change.registry().setDefault("B").registry().defaultProvider()).map(ProviderSpec::name)
                .contains("B");
    }

    @Test
    public void shouldAskForADefaultNamedBeforeTheListThatBringsIt() {
        List<ProviderSpec> next = List.of(ValidSpecs.github("New"));

        assertThat(ProviderRegistry.defaultNamedBeforeTheList(List.of(), "new", next)).isEqualTo("new");
        assertThat(ProviderRegistry.defaultNamedBeforeTheList(List.of(), "missing", next)).isNull();
        assertThat(ProviderRegistry.defaultNamedBeforeTheList(List.of(), null, next)).isNull();
        assertThat(ProviderRegistry.defaultNamedBeforeTheList(next, "New", next)).as("the current default").isNull();
    }
}
