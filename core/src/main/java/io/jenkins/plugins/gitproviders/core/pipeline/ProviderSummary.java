package io.jenkins.plugins.gitproviders.core.pipeline;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.registry.ProviderRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Presents providers to Pipelines: the public data the {@code gitProvider} step returns, and the names a step's
 * provider drop-down offers. Never a secret: a provider holds credential IDs only.
 */
public final class ProviderSummary {
    private ProviderSummary() {}

    /**
     * Returns a provider's public data: {@code name}, {@code type} (the type's identifier), {@code typeName},
     * {@code serverUrl}, {@code apiUrl} (both effective), {@code scope}, {@code username}, {@code credentialsId},
     * {@code sshCredentialsId} and {@code isDefault}. Values the provider does not have are {@code null}.
     */
    public static Map<String, Object> publicData(ProviderSpec provider, boolean isDefault) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", provider.name());
        map.put("type", provider.type().id());
        map.put("typeName", provider.type().displayName());
        map.put("serverUrl", provider.effectiveServerUrl().orElse(null));
        map.put("apiUrl", provider.effectiveApiUrl().orElse(null));
        map.put("scope", provider.scope());
        map.put("username", provider.username());
        map.put("credentialsId", provider.credentialsId());
        map.put("sshCredentialsId", provider.sshCredentialsId());
        map.put("isDefault", isDefault);
        return map;
    }

    /** Tells whether a provider is the registry's default. */
    public static boolean isDefault(ProviderRegistry registry, ProviderSpec provider) {
        return registry.defaultProvider().map(ProviderSpec::nameKey).filter(provider.nameKey()::equals).isPresent();
    }

    /** Returns the names of the active providers, the default first, then in configured order. */
    public static List<String> choices(ProviderRegistry registry) {
        List<String> names = new ArrayList<>();
        registry.defaultProvider().filter(ProviderSpec::active).map(ProviderSpec::name).ifPresent(names::add);
        for (ProviderSpec provider : registry.activeProviders()) {
            if (names.stream().noneMatch(name -> ProviderSpec.nameKey(name).equals(provider.nameKey()))) {
                names.add(provider.name());
            }
        }
        return names;
    }
}
