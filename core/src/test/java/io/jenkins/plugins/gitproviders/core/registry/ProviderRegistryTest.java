package io.jenkins.plugins.gitproviders.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.CredentialKind;
import io.jenkins.plugins.gitproviders.core.model.Problem;
import io.jenkins.plugins.gitproviders.core.model.ProviderField;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.model.ValidSpecs;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** Covers the operations that change a registry and the rules they keep. */
public class ProviderRegistryTest {

    private static ProviderRegistry registryOf(ProviderSpec... specs) throws RegistryException {
        ProviderRegistry registry = ProviderRegistry.empty();
        for (ProviderSpec spec : specs) {
            registry = registry.add(spec).registry();
        }
        return registry;
    }

    private static ProviderSpec inactive(ProviderSpec spec) {
        return spec.toBuilder().active(false).build();
    }

    private static List<String> names(List<ProviderSpec> specs) {
        return specs.stream().map(ProviderSpec::name).toList();
    }

    @Test
    public void shouldMakeTheFirstActiveProviderAddedTheDefaultAndSaySo() throws Exception {
        // When
        RegistryChange change = ProviderRegistry.empty().add(ValidSpecs.github("github"));

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("github");
        assertThat(change.notices()).containsExactly("'github' is now the default provider.");
    }

    @Test
    public void shouldKeepTheDefaultWhenMoreProvidersAreAdded() throws Exception {
        // When
        RegistryChange change = registryOf(ValidSpecs.github("github"))
                .add(ValidSpecs.spec("gitlab", ProviderType.GITLAB));

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("github");
        assertThat(change.notices()).isEmpty();
        assertThat(names(change.registry().providers())).containsExactly("github", "gitlab");
    }

    @Test
    public void shouldNotMakeAnInactiveProviderTheDefault() throws Exception {
        // When
        ProviderRegistry registry = registryOf(inactive(ValidSpecs.github("old")), ValidSpecs.github("new"));

        // Then the first *active* one became the default
        assertThat(registry.defaultProvider()).map(ProviderSpec::name).contains("new");
    }

    @Test
    public void shouldLeaveTheRegistryWithoutDefaultWhenOnlyInactiveProvidersExist() throws Exception {
        assertThat(registryOf(inactive(ValidSpecs.github("old"))).defaultProvider()).isEmpty();
    }

    @Test
    public void shouldNeverChangeTheRegistryAnOperationStartedFrom() throws Exception {
        // Given
        ProviderRegistry before = registryOf(ValidSpecs.github("github"));

        // When
        before.add(ValidSpecs.spec("gitlab", ProviderType.GITLAB));
        before.rename("github", "hub");

        // Then
        assertThat(names(before.providers())).containsExactly("github");
        assertThat(before).isEqualTo(registryOf(ValidSpecs.github("github")));
        assertThatThrownBy(() -> before.providers().add(ValidSpecs.github("x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    public void shouldRefuseToAddAnInvalidProviderListingEveryError() {
        // Given a duplicate name and a missing server URL
        ProviderSpec spec = ProviderSpec.builder("GITHUB ", ProviderType.GITHUB_ENTERPRISE).build();

        // Then
        assertThatThrownBy(() -> registryOf(ValidSpecs.github("github")).add(spec))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.field()).isEqualTo(ProviderField.NAME);
                    assertThat(e.problems()).extracting(Problem::field).containsExactly(
                            ProviderField.NAME, ProviderField.SERVER_URL, ProviderField.CREDENTIALS_ID);
                    assertThat(e.getMessage()).startsWith("Cannot add provider 'GITHUB': Name: The GitHub.com"
                            + " provider 'github' already has this name;")
                            .contains(" Server URL: Enter the address of your GitHub Enterprise Server server")
                            .contains(" API credentials: Choose the API credentials");
                });
    }

    @Test
    public void shouldPassValidationWarningsOnAsNotices() throws Exception {
        // When
        RegistryChange change = ProviderRegistry.empty().add(
                ValidSpecs.builder("gitea", ProviderType.GITEA).serverUrl("http://gitea.lan").build());

        // Then
        assertThat(change.notices()).containsExactly(
                "Server URL: Server URL uses plain http: the API token travels unencrypted. Use https:// if the"
                        + " server supports it.",
                "'gitea' is now the default provider.");
    }

    @Test
    public void shouldUseTheCredentialKindsTheLookupKnows() throws Exception {
        // Given a provider whose API credential is, as only the lookup knows, an SSH key
        ProviderSpec spec = ValidSpecs.builder("gh", ProviderType.GITHUB).credentialsId("a-key").build();

        // Then it is accepted without knowing the kind, and refused knowing it
        assertThat(ProviderRegistry.empty().add(spec).registry().providers()).containsExactly(spec);
        assertThatThrownBy(() -> ProviderRegistry.empty().add(spec, id -> Optional.of(CredentialKind.SSH_PRIVATE_KEY)))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.field()).isEqualTo(ProviderField.CREDENTIALS_ID));
    }

    @Test
    public void shouldEditAProviderInPlace() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b"),
                ValidSpecs.github("c"));
        ProviderSpec changed = ValidSpecs.builder("b", ProviderType.GITHUB).scope("acme").build();

        // When
        RegistryChange change = registry.edit(" B ", changed);

        // Then
        assertThat(change.registry().providers()).element(1).isEqualTo(changed);
        assertThat(names(change.registry().providers())).containsExactly("a", "b", "c");
    }

    @Test
    public void shouldRefuseToChangeTheTypeAndSayToCreateANewProvider() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("main"));

        // Then
        assertThatThrownBy(() -> registry.edit("main", ValidSpecs.spec("main", ProviderType.GITHUB_ENTERPRISE)))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.field()).isEqualTo(ProviderField.TYPE);
                    assertThat(e.getMessage()).isEqualTo("Provider 'main' is a GitHub.com provider and its type"
                            + " cannot change to GitHub Enterprise Server. Create a new GitHub Enterprise Server"
                            + " provider instead, move the jobs to it, then delete 'main'.");
                });
    }

    @Test
    public void shouldRefuseAnInvalidEditNamingTheProvider() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("main"));
        ProviderSpec broken = ValidSpecs.builder("main", ProviderType.GITHUB).scope("not valid").build();

        // Then
        assertThatThrownBy(() -> registry.edit("main", broken)).isInstanceOfSatisfying(RegistryException.class,
                e -> {
                    assertThat(e.field()).isEqualTo(ProviderField.SCOPE);
                    assertThat(e.getMessage()).startsWith("Cannot save provider 'main': Scope: 'not valid' is not"
                            + " a valid GitHub organization or user");
                });
    }

    @Test
    public void shouldNotCountTheEditedProviderAsAClashWithItself() throws Exception {
        // When the name keeps its spelling but changes case
        RegistryChange change = registryOf(ValidSpecs.github("main")).edit("main", ValidSpecs.github("Main"));

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("Main");
    }

    @Test
    public void shouldRefuseAnEditThatTakesAnotherProvidersName() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b"));

        // Then
        assertThatThrownBy(() -> registry.edit("b", ValidSpecs.github("A")))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.getMessage()).contains("'a' already has this name"));
    }

    @Test
    public void shouldSayWhichProviderDoesNotExistAndOfferNearMatches() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("github"), ValidSpecs.github("bitbucket"));

        // Then
        assertThatThrownBy(() -> registry.edit("githb", ValidSpecs.github("x")))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.field()).isEqualTo(ProviderField.NAME);
                    assertThat(e.getMessage()).isEqualTo("No provider is named 'githb'. Did you mean 'github'?");
                });
        assertThatThrownBy(() -> registry.activate("zzz")).hasMessage("No provider is named 'zzz'.");
    }

    @Test
    public void shouldLetTheDefaultFollowARename() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("github"), ValidSpecs.github("other"));

        // When
        RegistryChange change = registry.rename("GitHub", "github-cloud");

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("github-cloud");
        assertThat(names(change.registry().providers())).containsExactly("github-cloud", "other");
        assertThat(change.registry().findByName("github")).isEmpty();
    }

    @Test
    public void shouldKeepTheDefaultWhenAnotherProviderIsRenamed() throws Exception {
        // When
        RegistryChange change = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b")).rename("b", "c");

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("a");
    }

    @Test
    public void shouldRefuseARenameToATakenOrInvalidName() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b"));

        // Then
        assertThatThrownBy(() -> registry.rename("b", " A ")).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.getMessage()).isEqualTo("Cannot rename 'b': Name: The GitHub.com provider 'a'"
                        + " already has this name; names are compared ignoring case and surrounding spaces. Choose"
                        + " another name."));
        assertThatThrownBy(() -> registry.rename("b", "")).hasMessageContaining("Enter a name");
    }

    @Test
    public void shouldMakeAnActiveProviderTheDefault() throws Exception {
        // When
        RegistryChange change = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b")).setDefault(" B");

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("b");
        assertThat(names(change.registry().activeProviders())).containsExactly("b", "a");
    }

    @Test
    public void shouldRefuseAnInactiveOrUnknownDefault() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("a"), inactive(ValidSpecs.github("b")));

        // Then
        assertThatThrownBy(() -> registry.setDefault("b")).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.field()).isEqualTo(ProviderField.DEFAULT_PROVIDER);
            assertThat(e.getMessage()).isEqualTo("Cannot make 'b' the default because it is inactive; activate it"
                    + " first, or choose an active provider.");
        });
        assertThatThrownBy(() -> registry.setDefault("c")).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.getMessage()).isEqualTo("Cannot make 'c' the default: No provider is named 'c'."
                        + " Did you mean 'a' or 'b'?"));
    }

    @Test
    public void shouldActivateAndMakeTheDefaultWhenThereIsNone() throws Exception {
        // Given only inactive providers
        ProviderRegistry registry = registryOf(inactive(ValidSpecs.github("a")), inactive(ValidSpecs.github("b")));

        // When
        RegistryChange change = registry.activate("b");

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("b");
        assertThat(change.notices()).containsExactly("'b' is now the default provider.");
        assertThat(names(change.registry().activeProviders())).containsExactly("b");
    }

    @Test
    public void shouldActivateWithoutTouchingAnExistingDefault() throws Exception {
        // When
        RegistryChange change = registryOf(ValidSpecs.github("a"), inactive(ValidSpecs.github("b")))
                .activate("b");

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("a");
        assertThat(change.notices()).isEmpty();
        assertThat(names(change.registry().activeProviders())).containsExactly("a", "b");
    }

    @Test
    public void shouldTreatActivatingAnActiveProviderAsNoChange() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("a"));

        // Then
        assertThat(registry.activate("a").registry()).isSameAs(registry);
    }

    @Test
    public void shouldDeactivateAProviderThatIsNotTheDefault() throws Exception {
        // When
        RegistryChange change = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b")).deactivate("b", null);

        // Then
        assertThat(change.registry().findByName("b")).map(ProviderSpec::active).contains(false);
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("a");
        assertThat(names(change.registry().activeProviders())).containsExactly("a");
    }

    @Test
    public void shouldRequireANewDefaultToDeactivateTheDefaultWhileOthersAreActive() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b"),
                inactive(ValidSpecs.github("c")), ValidSpecs.github("d"));

        // Then
        assertThatThrownBy(() -> registry.deactivate("a", null)).isInstanceOfSatisfying(RegistryException.class,
                e -> {
                    assertThat(e.field()).isEqualTo(ProviderField.DEFAULT_PROVIDER);
                    assertThat(e.getMessage()).isEqualTo("'a' is the default provider; to deactivate it, choose"
                            + " the new default among the active providers: b, d.");
                });
    }

    @Test
    public void shouldDeactivateTheDefaultWhenANewOneIsNamed() throws Exception {
        // When
        RegistryChange change = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b")).deactivate("a", "B");

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("b");
        assertThat(change.notices()).containsExactly("'b' is now the default provider.");
    }

    @Test
    public void shouldRefuseToNameTheDeactivatedProviderOrAnInactiveOneAsNewDefault() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("a"), inactive(ValidSpecs.github("b")),
                ValidSpecs.github("c"));

        // Then
        assertThatThrownBy(() -> registry.deactivate("a", "a")).hasMessageContaining("because it is inactive");
        assertThatThrownBy(() -> registry.deactivate("a", "b")).hasMessageContaining("because it is inactive");
    }

    @Test
    public void shouldLeaveNoDefaultAndSaySoWhenTheLastActiveProviderIsDeactivated() throws Exception {
        // When
        RegistryChange change = registryOf(ValidSpecs.github("a"), inactive(ValidSpecs.github("b")))
                .deactivate("a", null);

        // Then
        assertThat(change.registry().defaultProvider()).isEmpty();
        assertThat(change.registry().activeProviders()).isEmpty();
        assertThat(change.notices()).containsExactly("'a' was the default provider and no active provider remains,"
                + " so there is no default provider now: jobs that do not name a provider fail until you activate"
                + " one.");
    }

    @Test
    public void shouldApplyANewDefaultNamedWhileDeactivatingAnotherProvider() throws Exception {
        // When
        RegistryChange change = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b"), ValidSpecs.github("c"))
                .deactivate("c", "b");

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("b");
    }

    @Test
    public void shouldApplyTheDefaultRulesWhenAnEditDeactivatesTheDefault() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b"));

        // Then choosing the new default first is required
        assertThatThrownBy(() -> registry.edit("a", inactive(ValidSpecs.github("a"))))
                .hasMessage("'a' is the default provider; to deactivate it, choose the new default among the active"
                        + " providers: b.");
        RegistryChange change = registry.setDefault("b").registry().edit("a", inactive(ValidSpecs.github("a")));
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("b");
    }

    @Test
    public void shouldMakeAProviderActivatedByAnEditTheDefaultWhenThereIsNone() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(inactive(ValidSpecs.github("a")));

        // When
        RegistryChange change = registry.edit("a", ValidSpecs.github("a"));

        // Then
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("a");
        assertThat(change.notices()).containsExactly("'a' is now the default provider.");
    }

    @Test
    public void shouldDeleteAProviderNoJobUses() throws Exception {
        // When
        RegistryChange change = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b"))
                .delete("B", ProviderUsage.NONE, null);

        // Then
        assertThat(names(change.registry().providers())).containsExactly("a");
        assertThat(change.notices()).isEmpty();
    }

    @Test
    public void shouldRefuseToDeleteAProviderInUseListingTheJobsAndPointingToReassigning() throws Exception {
        // Given one job uses "b"; the usage is asked with the provider's saved name
        ProviderRegistry registry = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b"));
        ProviderUsage usage = name -> name.equals("b") ? List.of("team/app") : List.of();

        // Then
        assertThatThrownBy(() -> registry.delete(" B ", usage, null)).isInstanceOfSatisfying(RegistryException.class,
                e -> {
                    assertThat(e.field()).isEqualTo(ProviderField.NAME);
                    assertThat(e.getMessage()).isEqualTo("Provider 'b' cannot be deleted because 1 job uses it:"
                            + " team/app. Reassign this job to another provider, then delete 'b'.");
                });
    }

    @Test
    public void shouldListTheFirstTenJobsAndCountTheRest() throws Exception {
        // Given twelve jobs use the provider
        ProviderRegistry registry = registryOf(ValidSpecs.github("a"));
        List<String> jobs = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "job" + i).toList();

        // Then
        assertThatThrownBy(() -> registry.delete("a", name -> jobs, null)).hasMessage("Provider 'a' cannot be"
                + " deleted because 12 jobs use it: job1, job2, job3, job4, job5, job6, job7, job8, job9, job10 and 2"
                + " more. Reassign these jobs to another provider, then delete 'a'.");
    }

    @Test
    public void shouldRequireANewDefaultToDeleteTheDefaultWhileOthersAreActive() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b"));

        // Then
        assertThatThrownBy(() -> registry.delete("a", ProviderUsage.NONE, null)).hasMessage("'a' is the default"
                + " provider; to delete it, choose the new default among the active providers: b.");
        RegistryChange change = registry.delete("a", ProviderUsage.NONE, "b");
        assertThat(change.registry().defaultProvider()).map(ProviderSpec::name).contains("b");
        assertThat(change.notices()).containsExactly("'b' is now the default provider.");
    }

    @Test
    public void shouldRefuseToNameTheDeletedProviderAsNewDefault() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b"));

        // Then
        assertThatThrownBy(() -> registry.delete("a", ProviderUsage.NONE, "a"))
                .hasMessage("Cannot make 'a' the default: No provider is named 'a'. Did you mean 'b'?");
    }

    @Test
    public void shouldLeaveNoDefaultAndSaySoWhenTheLastActiveProviderIsDeleted() throws Exception {
        // When
        RegistryChange change = registryOf(ValidSpecs.github("a")).delete("a", ProviderUsage.NONE, null);

        // Then
        assertThat(change.registry().isEmpty()).isTrue();
        assertThat(change.registry().defaultProvider()).isEmpty();
        assertThat(change.notices()).singleElement().asString().startsWith("'a' was the default provider and no"
                + " active provider remains");
    }

    @Test
    public void shouldValidateAFormAgainstTheOtherProviders() throws Exception {
        // Given
        ProviderRegistry registry = registryOf(ValidSpecs.github("a"), ValidSpecs.github("b"));

        // Then editing "a" may keep its name, a new provider may not take it
        assertThat(registry.validate(ValidSpecs.github("A"), "a", id -> Optional.empty()).isValid()).isTrue();
        assertThat(registry.validate(ValidSpecs.github("A"), null, id -> Optional.empty()).errors())
                .extracting(Problem::field).containsExactly(ProviderField.NAME);
    }

    @Test
    public void shouldValidateEveryProvider() throws Exception {
        // Given a saved list with a clash and a problem
        ProviderRegistry registry = ProviderRegistry.load(List.of(ValidSpecs.github("a"),
                ValidSpecs.builder("b", ProviderType.GITHUB).credentialsId(null).build()), "a").registry();

        // Then
        assertThat(registry.validateAll(id -> Optional.empty())).hasEntrySatisfying("a",
                validation -> assertThat(validation.isValid()).isTrue())
                .hasEntrySatisfying("b", validation -> assertThat(validation.errors()).extracting(Problem::field)
                        .containsExactly(ProviderField.CREDENTIALS_ID));
    }

    @Test
    public void shouldBeAValueWithReadableText() throws Exception {
        assertThat(registryOf(ValidSpecs.github("a"))).isEqualTo(registryOf(ValidSpecs.github("a")))
                .hasSameHashCodeAs(registryOf(ValidSpecs.github("a")))
                .isNotEqualTo(registryOf(inactive(ValidSpecs.github("a"))))
                .hasToString("ProviderRegistry[a], default=a");
    }
}
