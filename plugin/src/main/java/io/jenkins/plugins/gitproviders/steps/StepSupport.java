package io.jenkins.plugins.gitproviders.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Run;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitproviders.api.GitProviderBuildEvent;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.pipeline.ProviderSummary;
import io.jenkins.plugins.gitproviders.core.registry.ProviderRegistry;
import io.jenkins.plugins.gitproviders.core.registry.ProviderResolutionException;
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
     * Lists the active providers, the default first, after an empty choice meaning the default provider. Only for
     * those who may configure the job (or read Jenkins, in the global Snippet Generator).
     */
    @NonNull
    static ListBoxModel providerItems(@CheckForNull Item item) {
        ListBoxModel model = new ListBoxModel();
        boolean allowed =
                item == null ? Jenkins.get().hasPermission(Jenkins.READ) : item.hasPermission(Item.EXTENDED_READ);
        if (!allowed) {
            return model;
        }
        model.add(Messages.StepSupport_DefaultProvider(), "");
        for (String name : ProviderSummary.choices(registry())) {
            model.add(name);
        }
        return model;
    }
}
