package io.jenkins.plugins.gitproviders.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.status.StatusFailure;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per provider, the last build status that failed and when a status was last reported, in memory only (as
 * the connection checks are): shown in the provider's connection checks on the Git Providers page. Holds no secret:
 * a status failure's texts never contain one.
 */
@Extension
public final class StatusHealth {
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> reported = new ConcurrentHashMap<>();

    /** Returns the singleton. */
    @NonNull
    public static StatusHealth get() {
        return ExtensionList.lookupSingleton(StatusHealth.class);
    }

    void failed(@NonNull String provider, @NonNull StatusFailure failure, @CheckForNull String build, Instant at) {
        failures.put(ProviderSpec.nameKey(provider), new Failure(failure.message(), failure.fix(), build, at));
    }

    void reported(@NonNull String provider, Instant at) {
        reported.put(ProviderSpec.nameKey(provider), at);
    }

    /** Returns the provider's last failure. */
    @NonNull
    public Optional<Failure> lastFailure(@NonNull String provider) {
        return Optional.ofNullable(failures.get(ProviderSpec.nameKey(provider)));
    }

    /** Returns when a status was last reported through the provider. */
    @NonNull
    public Optional<Instant> lastReported(@NonNull String provider) {
        return Optional.ofNullable(reported.get(ProviderSpec.nameKey(provider)));
    }

    /**
     * A status that was not reported.
     *
     * @param message what happened
     * @param fix     what to do
     * @param build   the build it was for ({@code folder/job #12}), or {@code null} while it was queued
     * @param at      when it was given up
     */
    public record Failure(
            String message, String fix, @CheckForNull String build, Instant at) {}
}
