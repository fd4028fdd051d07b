package io.jenkins.plugins.gitproviders.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.pipeline.ProviderSummary;
import io.jenkins.plugins.gitproviders.core.registry.ProviderRegistry;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.verb.POST;

/**
 * Resolves a provider and returns its public data, for use with other steps: {@code gitProvider()} for the default
 * provider, {@code gitProvider('Team GitLab')} by name. Never returns a secret: providers hold credential IDs only.
 */
public final class GitProviderStep extends Step {
    @CheckForNull
    private final String name;

    /** Creates the step; an empty name asks for the default provider. */
    @DataBoundConstructor
    public GitProviderStep(@CheckForNull String name) {
        this.name = Util.fixEmptyAndTrim(name);
    }

    @CheckForNull
    public String getName() {
        return name;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, name);
    }

    /** Resolves in the CPS thread: it reads the saved configuration only and never waits. */
    private static final class Execution extends SynchronousStepExecution<Map<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        @CheckForNull
        private final String name;

        Execution(StepContext context, @CheckForNull String name) {
            super(context);
            this.name = name;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            ProviderRegistry registry = StepSupport.registry();
            Run<?, ?> run = getContext().get(Run.class);
            ProviderSpec provider = StepSupport.resolveFor(run, name == null ? "" : name);
            UsageRecords.record(run, provider.name());
            return new LinkedHashMap<>(
                    ProviderSummary.publicData(provider, ProviderSummary.isDefault(registry, provider)));
        }
    }

    /** Names the step {@code gitProvider}. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "gitProvider";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.GitProviderStep_DisplayName();
        }

        /** The build, to record which provider it used. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class);
        }

        /** Lists the active providers, the default first, for the Snippet Generator. */
        @POST
        public ListBoxModel doFillNameItems(@AncestorInPath @CheckForNull Item item) {
            return StepSupport.providerItems(item);
        }
    }
}
