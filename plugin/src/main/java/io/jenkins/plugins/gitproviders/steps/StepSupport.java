package io.jenkins.plugins.gitproviders.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Run;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitproviders.access.ProviderAccess;
import io.jenkins.plugins.gitproviders.api.GitProviderBuildEvent;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.pipeline.ProviderSummary;
import io.jenkins.plugins.gitproviders.core.registry.ProviderRegistry;
import io.jenkins.plugins.gitproviders.core.registry.ProviderResolutionException;
import java.util.List;
import jenkins.model.Jenkins;

/** Shares what both steps do with Jenkins: resolve a provider, find the build's webhook event, fill the drop-down. */
final class StepSupport {
    private StepSupport() {}

    /** Returns the registry of the configured providers. */
    @NonNull
    static ProviderRegistry registry() {
        return GitProvidersConfiguration.get().registry();
    }

    /**
     * Resolves a provider by name, or the default for an empty name; the registry's reason becomes a build failure
     * without a stack trace, with the registry's message (which names near matches for an unknown name).
     */
    @NonNull
    static ProviderSpec resolve(@NonNull ProviderRegistry registry, @NonNull String name) throws AbortException {
        try {
            return registry.resolve(name);
        } catch (ProviderResolutionException e) {
            throw new AbortException(e.getMessage());
        }
    }

    /** Returns the webhook event that started the build, if the webhook trigger recorded one. */
    @CheckForNull
    static GitProviderBuildEvent buildEvent(@NonNull Run<?, ?> run) {
        return run.getAction(GitProviderBuildEvent.class);
    }

    /**
     * Lists the active providers the job may use, the default first, after an empty choice meaning the default
     * provider. Only for those who may configure the job; without a job (the global Snippet Generator) only for
     * those who may read the system configuration, where the providers are listed anyway.
     */
    @NonNull
    static ListBoxModel providerItems(@CheckForNull Item item) {
        ListBoxModel model = new ListBoxModel();
        boolean allowed = item == null
                ? Jenkins.get().hasAnyPermission(Jenkins.SYSTEM_READ, Jenkins.MANAGE)
                : item.hasPermission(Item.CONFIGURE);
        if (!allowed) {
            return model;
        }
        ProviderRegistry registry = registry();
        List<String> usable = item == null
                ? ProviderSummary.choices(registry)
                : ProviderAccess.usable(item, registry.activeProviders()).stream()
                        .map(ProviderSpec::name)
                        .toList();
        model.add(Messages.StepSupport_DefaultProvider(), "");
        for (String name : ProviderSummary.choices(registry)) {
            if (usable.contains(name)) {
                model.add(name);
            }
        }
        return model;
    }

    /**
     * Resolves the provider a build asks for and refuses one its job may not use, with the core's messages (no stack
     * trace).
     */
    @NonNull
    static ProviderSpec resolveFor(@NonNull Run<?, ?> run, @NonNull String name) throws AbortException {
        ProviderSpec provider = resolve(registry(), name);
        ProviderAccess.check(run.getParent(), provider);
        return provider;
    }
}
