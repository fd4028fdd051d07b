package io.jenkins.plugins.gitproviders.diagnostics;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.gitproviders.core.client.ProviderHealth;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Remembers the last diagnosis of each provider, in memory only: it is cheap to make again, the daily check makes
 * it a few minutes after Jenkins starts, and keeping it off disk keeps token owners and host answers out of
 * JENKINS_HOME. Holds no secret: a diagnosis never contains one.
 */
@Extension
public final class ConnectionHealth {
    private final Map<String, ProviderHealth> latest = new ConcurrentHashMap<>();

    /** Returns the singleton. */
    @NonNull
    public static ConnectionHealth get() {
        return ExtensionList.lookupSingleton(ConnectionHealth.class);
    }

    /** Keeps a diagnosis as the provider's latest. */
    public void record(@NonNull ProviderHealth health) {
        latest.put(health.provider().nameKey(), health);
    }

    /** Returns the provider's last diagnosis, unless the provider was reconfigured since. */
    @NonNull
    public Optional<ProviderHealth> latest(@NonNull ProviderSpec current) {
        return Optional.ofNullable(latest.get(current.nameKey())).filter(health -> health.isCurrentFor(current));
    }

    /** Forgets the diagnoses of providers that are no longer among the given ones. */
    public void retainOnly(@NonNull Collection<ProviderSpec> providers) {
        Set<String> keys = providers.stream().map(ProviderSpec::nameKey).collect(Collectors.toSet());
        latest.keySet().retainAll(keys);
    }
}
