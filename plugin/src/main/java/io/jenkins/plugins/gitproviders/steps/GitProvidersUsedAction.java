package io.jenkins.plugins.gitproviders.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Records, on a build, the providers its steps resolved, so that a provider in use is not deleted (see
 * {@link CheckoutStepUsage}). Holds provider names only; saved with the build.
 */
public final class GitProvidersUsedAction extends InvisibleAction {
    private final List<String> providerNames = new ArrayList<>();

    /** Adds a provider to the build's record, creating the record on first use. */
    static void record(@NonNull Run<?, ?> run, @NonNull String providerName) {
        // Parallel branches may resolve providers at the same time: one record per build, changed under its lock.
        synchronized (run) {
            GitProvidersUsedAction action = run.getAction(GitProvidersUsedAction.class);
            if (action == null) {
                action = new GitProvidersUsedAction();
                run.addAction(action);
            }
            action.add(providerName);
        }
    }

    private synchronized void add(String providerName) {
        if (!uses(providerName)) {
            providerNames.add(providerName);
        }
    }

    /** Returns the names of the providers the build used, in the order first used. */
    @NonNull
    public synchronized List<String> getProviderNames() {
        return List.copyOf(providerNames);
    }

    /** Tells whether the build used the provider of this name, ignoring case and surrounding spaces. */
    public synchronized boolean uses(@NonNull String providerName) {
        String key = ProviderSpec.nameKey(providerName);
        return providerNames.stream().anyMatch(name -> ProviderSpec.nameKey(name).equals(key));
    }
}
