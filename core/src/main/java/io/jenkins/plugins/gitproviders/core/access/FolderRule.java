package io.jenkins.plugins.gitproviders.core.access;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Holds a folder's list of the providers that items inside it may use (its Git providers page). A folder without the
 * limit has no rule; a rule with an empty list allows no provider.
 *
 * @param folderFullName the folder's full name, for messages
 * @param providerNames  the names of the providers allowed below the folder, compared like provider names
 */
public record FolderRule(String folderFullName, List<String> providerNames) {
    public FolderRule {
        Objects.requireNonNull(folderFullName, "folderFullName");
        List<String> names = new ArrayList<>();
        for (String name : Objects.requireNonNull(providerNames, "providerNames")) {
            if (name != null && !name.isBlank()) {
                names.add(name.trim());
            }
        }
        providerNames = List.copyOf(names);
    }

    /** Tells whether the folder allows the provider, comparing names ignoring case and surrounding spaces. */
    public boolean allows(ProviderSpec provider) {
        return providerNames.stream().anyMatch(name -> ProviderSpec.nameKey(name).equals(provider.nameKey()));
    }
}
