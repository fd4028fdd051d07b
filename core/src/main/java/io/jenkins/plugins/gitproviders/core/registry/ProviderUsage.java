package io.jenkins.plugins.gitproviders.core.registry;

import java.util.List;

/**
 * Tells which jobs use a provider, so that the registry refuses to delete one still in use. The plugin implements it
 * by looking through the jobs' configuration.
 */
@FunctionalInterface
public interface ProviderUsage {
    /** Answers that no job uses any provider. */
    ProviderUsage NONE = providerName -> List.of();

    /** Returns the full names of the jobs that use the provider of this exact name; empty if none does. */
    List<String> jobsUsing(String providerName);
}
