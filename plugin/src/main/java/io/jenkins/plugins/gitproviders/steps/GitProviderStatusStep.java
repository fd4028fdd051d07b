package io.jenkins.plugins.gitproviders.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.reporting.BuildTarget;
import io.jenkins.plugins.gitproviders.core.reporting.StageTargets;
import io.jenkins.plugins.gitproviders.core.status.BuildState;
import io.jenkins.plugins.gitproviders.core.status.StatusContext;
import io.jenkins.plugins.gitproviders.core.status.StatusDescription;
import io.jenkins.plugins.gitproviders.status.BuildStatus;
import java.io.Serial;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Reports a stage's own status to a commit: {@code gitProviderStatus context: 'lint', state: 'success'}. The commit
 * is the build's latest {@code gitProviderCheckout}, else its webhook event's, unless {@code provider},
 * {@code repository} and {@code commit} name another; the context is the build's followed by the stage's name
 * ({@code jenkins/app/lint}). The status is sent off the build's thread: the step returns at once and never fails for
 * the host's answer (a problem is said once in the build log); it fails only for parameters it cannot use.
 */
public final class GitProviderStatusStep extends Step {
    private final String context;
    private final String state;

    @CheckForNull
    private String description;

    @CheckForNull
    private String provider;

    @CheckForNull
    private String repository;

    @CheckForNull
    private String commit;

    /**
     * Creates the step.
     *
     * @param context the stage's name in the status context
     * @param state   {@code pending}, {@code running}, {@code success}, {@code failure}, {@code error} or
     *                {@code aborted}
     */
    @DataBoundConstructor
    public GitProviderStatusStep(String context, String state) {
        this.context = Util.fixNull(context).trim();
        this.state = Util.fixNull(state).trim();
    }

    @NonNull
    public String getContext() {
        return context;
    }

    @NonNull
    public String getState() {
        return state;
    }

    @CheckForNull
    public String getDescription() {
        return description;
    }

    /** Sets the short text shown beside the status (one line, at most 140 characters). */
    @DataBoundSetter
    public void setDescription(@CheckForNull String description) {
        this.description = Util.fixEmptyAndTrim(description);
    }

    @CheckForNull
    public String getProvider() {
        return provider;
    }

    /** Names the provider; empty for the provider of the build's checkout or webhook event, else the default. */
    @DataBoundSetter
    public void setProvider(@CheckForNull String provider) {
        this.provider = Util.fixEmptyAndTrim(provider);
    }

    @CheckForNull
    public String getRepository() {
        return repository;
    }

    /** Names the repository; empty for the build's checkout or webhook event's. */
    @DataBoundSetter
    public void setRepository(@CheckForNull String repository) {
        this.repository = Util.fixEmptyAndTrim(repository);
    }

    @CheckForNull
    public String getCommit() {
        return commit;
    }

    /** Names the full commit id; empty for the commit the build checked out (or its webhook event's). */
    @DataBoundSetter
    public void setCommit(@CheckForNull String commit) {
        this.commit = Util.fixEmptyAndTrim(commit);
    }

    @Override
    public StepExecution start(StepContext stepContext) throws Exception {
        BuildState parsed;
        try {
            parsed = BuildState.parse(state);
        } catch (IllegalArgumentException e) {
            throw new AbortException(Messages.GitProviderStatusStep_Invalid(e.getMessage()));
        }
        if (context.isEmpty()) {
            throw new AbortException(Messages.GitProviderStatusStep_NoContext());
        }
        return new Execution(stepContext, context, parsed, description, provider, repository, commit);
    }

    /**
     * Runs on the Pipeline's thread: it reads the configuration and the build's recorded commits and hands the status
     * to the reporting threads, without waiting for the host.
     */
    private static final class Execution extends SynchronousStepExecution<Void> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String context;
        private final BuildState state;

        @CheckForNull
        private final String description;

        @CheckForNull
        private final String provider;

        @CheckForNull
        private final String repository;

        @CheckForNull
        private final String commit;

        Execution(
                StepContext stepContext,
                String context,
                BuildState state,
                @CheckForNull String description,
                @CheckForNull String provider,
                @CheckForNull String repository,
                @CheckForNull String commit) {
            super(stepContext);
            this.context = context;
            this.state = state;
            this.description = description;
            this.provider = provider;
            this.repository = repository;
            this.commit = commit;
        }

        @Override
        protected Void run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            List<BuildTarget> recorded = BuildStatus.recorded(run);
            // Refuses a provider the job may not use, as the checkout step does.
            ProviderSpec spec = StepSupport.resolveFor(run, StageTargets.providerName(recorded, provider));
            UsageRecords.record(run, spec.name());
            BuildTarget target;
            try {
                target =
                        StageTargets.choose(recorded, spec, run.getParent().getFullName(), repository, commit, context);
            } catch (IllegalArgumentException e) {
                // The core's message says what to give the step; a stack trace would only hide it.
                throw new AbortException(Messages.GitProviderStatusStep_Invalid(e.getMessage()));
            }
            Optional<String> notSent = BuildStatus.stage(run, spec, target, state, StatusDescription.of(description));
            listener.getLogger()
                    .println(notSent.map(Messages::GitProviderStatusStep_NotReported)
                            .orElseGet(() -> Messages.GitProviderStatusStep_Reporting(
                                    state.id(),
                                    target.context(),
                                    target.target().repositoryPath(),
                                    target.target().commit(),
                                    spec.name())));
            return null;
        }
    }

    /** Names the step {@code gitProviderStatus}. */
    @Extension
    @Symbol("gitProviderStatus")
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "gitProviderStatus";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.GitProviderStatusStep_DisplayName();
        }

        /** The build (its recorded commits, usage record, address) and its log. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        /** Lists the states, as Pipelines write them. */
        @POST
        public ListBoxModel doFillStateItems(@AncestorInPath @CheckForNull Item item) {
            ListBoxModel model = new ListBoxModel();
            for (BuildState each : BuildState.values()) {
                model.add(each.id());
            }
            return model;
        }

        /** Lists the active providers, the default first, for the Snippet Generator. */
        @POST
        public ListBoxModel doFillProviderItems(@AncestorInPath @CheckForNull Item item) {
            return StepSupport.providerItems(item);
        }

        /** Checks the stage's name as the host will get it. */
        @POST
        public FormValidation doCheckContext(@AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
            boolean allowed =
                    item == null ? Jenkins.get().hasPermission(Jenkins.READ) : item.hasPermission(Item.EXTENDED_READ);
            if (!allowed) {
                return FormValidation.ok();
            }
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.error(Messages.GitProviderStatusStep_NoContext());
            }
            try {
                return FormValidation.ok(Messages.GitProviderStatusStep_Context(
                        StatusContext.forStage(StatusContext.DEFAULT_PREFIX + "/<job>", value)));
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
