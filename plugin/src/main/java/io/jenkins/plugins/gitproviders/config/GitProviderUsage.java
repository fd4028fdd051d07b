package io.jenkins.plugins.gitproviders.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells which jobs use a provider, so that a provider in use is never deleted silently. Each feature that ties jobs
 * to providers (webhook triggers, checkout steps) contributes an implementation.
 */
public interface GitProviderUsage extends ExtensionPoint {
    /** Returns the full names of the jobs that use the named provider. */
    @NonNull
    List<String> jobsUsing(@NonNull String providerName);

    /** Collects the answers of every implementation, without duplicates, in a stable order. */
    static List<String> allJobsUsing(@NonNull String providerName) {
        Set<String> jobs = new LinkedHashSet<>();
        for (GitProviderUsage usage : ExtensionList.lookup(GitProviderUsage.class)) {
            jobs.addAll(usage.jobsUsing(providerName));
        }
        return List.copyOf(jobs);
    }
}
