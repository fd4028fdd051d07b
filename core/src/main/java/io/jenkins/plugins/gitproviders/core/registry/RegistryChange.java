package io.jenkins.plugins.gitproviders.core.registry;

import java.util.List;
import java.util.Objects;

/**
 * Carries the registry an operation produced and what a person should know about it, such as "there is no default
 * provider now" or a warning about a provider's settings.
 *
 * @param registry the registry after the operation
 * @param notices  sentences to show to the administrator; empty when there is nothing to tell
 */
public record RegistryChange(ProviderRegistry registry, List<String> notices) {
    public RegistryChange {
        Objects.requireNonNull(registry, "registry");
        notices = List.copyOf(notices);
    }
}
