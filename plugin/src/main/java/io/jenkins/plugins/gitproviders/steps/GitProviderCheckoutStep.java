package io.jenkins.plugins.gitproviders.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.plugins.git.GitException;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitproviders.api.GitProviderBuildEvent;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutException;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlan;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlanner;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.pipeline.CheckoutRequest;
import io.jenkins.plugins.gitproviders.core.pipeline.CheckoutResult;
import io.jenkins.plugins.gitproviders.core.reporting.BuildTargets;
import io.jenkins.plugins.gitproviders.status.BuildStatus;
import io.jenkins.plugins.gitproviders.webhook.GitProviderTrigger;
import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * Checks a repository out of a configured Git provider into the workspace: {@code gitProviderCheckout repository:
 * 'acme/payments'}. Without a repository, in a build started by a webhook, checks out that event's repository and
 * commit. Returns a map with {@code commit}, {@code branch}/{@code tag}/{@code pullRequest}, {@code url},
 * {@code provider} and {@code repository}. Every decision is the core's ({@link CheckoutRequest},
 * {@link CheckoutPlanner}); this step adapts Jenkins to it.
 */
public final class GitProviderCheckoutStep extends Step {
    @CheckForNull
    private String provider;

    @CheckForNull
    private String repository;

    @CheckForNull
    private String ref;

    @CheckForNull
    private Integer depth;

    @CheckForNull
    private Integer timeout;

    @CheckForNull
    private String statusContext;

    @CheckForNull
    private String unstableState;

    /** {@code null} for the default: report. */
    @CheckForNull
    private Boolean reportStatus;

    /** Creates a step that checks out the build's webhook event from its provider, until parameters are set. */
    @DataBoundConstructor
    public GitProviderCheckoutStep() {
        // Every parameter is optional.
    }

    @CheckForNull
    public String getProvider() {
        return provider;
    }

    /** Names the provider; empty for the default provider (or, without a repository, the webhook event's). */
    @DataBoundSetter
    public void setProvider(@CheckForNull String provider) {
        this.provider = Util.fixEmptyAndTrim(provider);
    }

    @CheckForNull
    public String getRepository() {
        return repository;
    }

    /** Names the repository in the host's path form, or as its URL on the provider's host. */
    @DataBoundSetter
    public void setRepository(@CheckForNull String repository) {
        this.repository = Util.fixEmptyAndTrim(repository);
    }

    @CheckForNull
    public String getRef() {
        return ref;
    }

    /** Names the branch, tag, full commit id or {@code PR-<n>} to check out; empty for the default branch. */
    @DataBoundSetter
    public void setRef(@CheckForNull String ref) {
        this.ref = Util.fixEmptyAndTrim(ref);
    }

    @CheckForNull
    public Integer getDepth() {
        return depth;
    }

    /** Limits the history fetched to this many commits; {@code null} fetches all of it. */
    @DataBoundSetter
    public void setDepth(@CheckForNull Integer depth) {
        this.depth = depth;
    }

    @CheckForNull
    public Integer getTimeout() {
        return timeout;
    }

    /** Limits each git command to this many minutes; {@code null} keeps the Git client's default. */
    @DataBoundSetter
    public void setTimeout(@CheckForNull Integer timeout) {
        this.timeout = timeout;
    }

    @CheckForNull
    public String getStatusContext() {
        return statusContext;
    }

    /** Names the build status of this checkout's commit ({@code jenkins/<name>}); empty for the job's full name. */
    @DataBoundSetter
    public void setStatusContext(@CheckForNull String statusContext) {
        this.statusContext = Util.fixEmptyAndTrim(statusContext);
    }

    @CheckForNull
    public String getUnstableState() {
        return unstableState;
    }

    /** Sets the state an unstable build reports to this checkout's commit; empty for failure. */
    @DataBoundSetter
    public void setUnstableState(@CheckForNull String unstableState) {
        this.unstableState = Util.fixEmptyAndTrim(unstableState);
    }

    public boolean isReportStatus() {
        return reportStatus == null || reportStatus;
    }

    /** Tells whether the build reports its status to the commit checked out (the default). */
    @DataBoundSetter
    public void setReportStatus(boolean reportStatus) {
        this.reportStatus = reportStatus ? null : Boolean.FALSE;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        if (unstableState != null) {
            try {
                BuildTargets.mapping(unstableState);
            } catch (IllegalArgumentException e) {
                throw new AbortException("gitProviderCheckout: " + e.getMessage());
            }
        }
        return new Execution(
                context,
                provider,
                repository,
                ref,
                depth,
                timeout,
                new StatusOptions(statusContext, unstableState, isReportStatus()));
    }

    /** The step's build status options, saved with the Pipeline's state. */
    private record StatusOptions(
            @CheckForNull String statusContext,
            @CheckForNull String unstableState,
            boolean report) implements Serializable {}

    /** Runs the checkout off the CPS thread, so that aborting the build interrupts git. */
    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, String>> {
        @Serial
        private static final long serialVersionUID = 1L;

        // Plain values, because the execution is saved with the Pipeline's state.
        @CheckForNull
        private final String provider;

        @CheckForNull
        private final String repository;

        @CheckForNull
        private final String ref;

        @CheckForNull
        private final Integer depth;

        @CheckForNull
        private final Integer timeout;

        private final StatusOptions status;

        Execution(
                StepContext context,
                @CheckForNull String provider,
                @CheckForNull String repository,
                @CheckForNull String ref,
                @CheckForNull Integer depth,
                @CheckForNull Integer timeout,
                StatusOptions status) {
            super(context);
            this.provider = provider;
            this.repository = repository;
            this.ref = ref;
            this.depth = depth;
            this.timeout = timeout;
            this.status = status;
        }

        @Override
        protected Map<String, String> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            FilePath workspace = getContext().get(FilePath.class);
            EnvVars env = getContext().get(EnvVars.class);
            CheckoutRequest request = new CheckoutRequest(provider, repository, ref, depth, timeout);
            try {
                request.check();
                GitProviderBuildEvent event = request.usesBuildEvent() ? StepSupport.buildEvent(run) : null;
                ProviderSpec provider = StepSupport.resolveFor(
                        run, request.providerToResolve(event == null ? null : event.getProviderName()));
                UsageRecords.record(run, provider.name());
                CheckoutPlan plan =
                        request.plan(new CheckoutPlanner(), provider, event == null ? null : event.getWebhookEvent());
                for (String warning : plan.warnings()) {
                    listener.getLogger().println(Messages.GitProviderCheckoutStep_Warning(warning));
                }
                CheckoutResult result =
                        new GitCheckout(run, listener, workspace, env, provider, request.timeoutMinutes()).run(plan);
                listener.getLogger().println(result.summary());
                if (status.report()) {
                    BuildStatus.checkedOut(
                            run,
                            listener,
                            provider,
                            result,
                            event == null ? null : event.getWebhookEvent(),
                            status.statusContext(),
                            status.unstableState());
                }
                return new LinkedHashMap<>(result.toMap());
            } catch (CheckoutException e) {
                // The core's message says what to change; a stack trace would only hide it.
                throw new AbortException(e.getMessage());
            } catch (GitException e) {
                // The Git client's message holds the command and git's answer, never a credential (not in the URL).
                throw new AbortException(Messages.GitProviderCheckoutStep_GitFailed(e.getMessage()));
            }
        }
    }

    /** Names the step {@code gitProviderCheckout} and lists what it needs from the Pipeline. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "gitProviderCheckout";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.GitProviderCheckoutStep_DisplayName();
        }

        /** The build (credentials lookup, usage record, webhook event), its log, the workspace and its environment. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, EnvVars.class);
        }

        /** Lists the active providers, the default first, for the Snippet Generator. */
        @POST
        public ListBoxModel doFillProviderItems(@AncestorInPath @CheckForNull Item item) {
            return StepSupport.providerItems(item);
        }

        /** Lists the states an unstable build may report, failure (blank) first. */
        @POST
        public ListBoxModel doFillUnstableStateItems(@AncestorInPath @CheckForNull Item item) {
            return GitProviderTrigger.DescriptorImpl.unstableStates();
        }
    }
}
