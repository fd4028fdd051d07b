package io.jenkins.plugins.gitproviders.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.access.CredentialDestinations;
import io.jenkins.plugins.gitproviders.core.access.NewPairing;
import io.jenkins.plugins.gitproviders.core.model.ProviderField;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.registry.ProviderRegistry;
import io.jenkins.plugins.gitproviders.core.registry.RegistryChange;
import io.jenkins.plugins.gitproviders.core.registry.RegistryException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;

/**
 * Asks the core registry whether a configuration change is allowed, with job usage from the
 * {@link GitProviderUsage} extensions and credential kinds from Jenkins Credentials.
 */
final class RegistryAdapter {
    private RegistryAdapter() {}

    /** The registry's answer, in the terms the configuration needs. */
    record Outcome(
            boolean accepted,
            String message,
            String field,
            @CheckForNull String defaultName,
            List<String> notices) {}

    static Outcome check(
            List<ProviderSpec> previous,
            @CheckForNull String previousDefault,
            List<ProviderSpec> next,
            @CheckForNull String nextDefault) {
        ProviderRegistry current =
                ProviderRegistry.load(previous, previousDefault).registry();
        try {
            RegistryChange change = current.replaceAll(
                    next, nextDefault, GitProviderUsage::allJobsUsing, FieldValidation.systemKinds());
            String chosen =
                    change.registry().defaultProvider().map(ProviderSpec::name).orElse(null);
            return new Outcome(true, "", "", chosen, change.notices());
        } catch (RegistryException e) {
            return new Outcome(false, e.getMessage(), formField(e.field()), null, List.of());
        }
    }

    /**
     * Refuses a change that pairs a credential with an address no saved provider sends it to, unless the current user
     * is an administrator (configuration as code runs as SYSTEM). Returns the refusal naming each new pairing.
     */
    static Optional<String> requireAdministerForNewPairings(List<ProviderSpec> saved, List<ProviderSpec> next) {
        List<NewPairing> pairings = CredentialDestinations.newPairings(saved, next);
        if (pairings.isEmpty() || Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return Optional.empty();
        }
        return Optional.of(pairings.stream().map(NewPairing::message).collect(Collectors.joining(" ")));
    }

    /** Returns the registry of a saved configuration, with its inconsistencies as notices. */
    static RegistryChange load(List<ProviderSpec> specs, @CheckForNull String defaultName) {
        return ProviderRegistry.load(specs, defaultName);
    }

    /** Maps a core field name to the form's field name. */
    private static String formField(String field) {
        return switch (field) {
            case ProviderField.WEBHOOK_SECRET_CREDENTIALS_IDS -> "webhookSecretCredentialsId";
            case ProviderField.TYPE -> "providers";
            default -> field;
        };
    }
}
