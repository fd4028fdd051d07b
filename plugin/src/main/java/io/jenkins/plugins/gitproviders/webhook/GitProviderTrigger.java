package io.jenkins.plugins.gitproviders.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Job;
import hudson.triggers.Trigger;
import hudson.triggers.TriggerDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitproviders.access.ProviderAccess;
import io.jenkins.plugins.gitproviders.config.GitProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.reporting.BuildTargets;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.routing.ForkPolicy;
import io.jenkins.plugins.gitproviders.core.routing.SubscriptionSpec;
import io.jenkins.plugins.gitproviders.core.status.BuildState;
import io.jenkins.plugins.gitproviders.core.status.StatusContext;
import java.util.Optional;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Opts a job in to webhook deliveries: the job is built when a verified delivery reports a selected event for the
 * repository, through the provider (or any), on a selected branch or tag. Works for freestyle and Pipeline jobs
 * ({@code triggers { gitProviderPush(repository: 'owner/name', provider: 'github') }}).
 *
 * <p>{@code events} is a list of event names separated by commas or spaces ({@code BRANCH_PUSH, TAG_PUSH,
 * PULL_REQUEST_OPENED}); blank means branch pushes ({@code BRANCH_PUSH, BRANCH_CREATED}). Branch and tag fields are
 * globs separated by spaces or commas; blank includes everything. {@code forkPullRequests} ({@code never},
 * {@code trusted}, {@code always}) says which pull requests from forks start the job. The values are read by the
 * core's {@link SubscriptionSpec}.
 */
public class GitProviderTrigger extends Trigger<Job<?, ?>> {
    private final String repository;

    @CheckForNull
    private String provider;

    @CheckForNull
    private String branchIncludes;

    @CheckForNull
    private String branchExcludes;

    @CheckForNull
    private String tagIncludes;

    @CheckForNull
    private String tagExcludes;

    @CheckForNull
    private String events;

    /** {@code trusted} or {@code always}; {@code null} for the default, {@code never}. */
    @CheckForNull
    private String forkPullRequests;

    @CheckForNull
    private String statusContext;

    @CheckForNull
    private String unstableState;

    @DataBoundConstructor
    public GitProviderTrigger(String repository) {
        this.repository = Util.fixNull(repository).trim();
    }

    @NonNull
    public String getRepository() {
        return Util.fixNull(repository);
    }

    /** Returns the provider's name, or {@code null} for any provider. */
    @CheckForNull
    public String getProvider() {
        return provider;
    }

    @DataBoundSetter
    public void setProvider(@CheckForNull String provider) {
        this.provider = Util.fixEmptyAndTrim(provider);
    }

    @NonNull
    public String getBranchIncludes() {
        return Util.fixNull(branchIncludes);
    }

    @DataBoundSetter
    public void setBranchIncludes(@CheckForNull String branchIncludes) {
        this.branchIncludes = Util.fixEmptyAndTrim(branchIncludes);
    }

    @NonNull
    public String getBranchExcludes() {
        return Util.fixNull(branchExcludes);
    }

    @DataBoundSetter
    public void setBranchExcludes(@CheckForNull String branchExcludes) {
        this.branchExcludes = Util.fixEmptyAndTrim(branchExcludes);
    }

    @NonNull
    public String getTagIncludes() {
        return Util.fixNull(tagIncludes);
    }

    @DataBoundSetter
    public void setTagIncludes(@CheckForNull String tagIncludes) {
        this.tagIncludes = Util.fixEmptyAndTrim(tagIncludes);
    }

    @NonNull
    public String getTagExcludes() {
        return Util.fixNull(tagExcludes);
    }

    @DataBoundSetter
    public void setTagExcludes(@CheckForNull String tagExcludes) {
        this.tagExcludes = Util.fixEmptyAndTrim(tagExcludes);
    }

    /** Returns the selected events as written; blank selects branch pushes. */
    @NonNull
    public String getEvents() {
        return Util.fixNull(events);
    }

    @DataBoundSetter
    public void setEvents(@CheckForNull String events) {
        this.events = Util.fixEmptyAndTrim(events);
    }

    /** Returns which pull requests from forks start the job: {@code never} (the default), {@code trusted} or {@code always}. */
    @NonNull
    public String getForkPullRequests() {
        return ForkPolicy.parse(forkPullRequests).id();
    }

    /**
     * Chooses which pull requests from forks start the job ({@code never}, {@code trusted}, {@code always}; blank is
     * {@code never}), ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values, for any other value
     */
    @DataBoundSetter
    public void setForkPullRequests(@CheckForNull String forkPullRequests) {
        ForkPolicy policy = ForkPolicy.parse(forkPullRequests);
        this.forkPullRequests = policy == ForkPolicy.NEVER ? null : policy.id();
    }

    /** Returns the job's own name in its build status context ({@code jenkins/<name>}), or {@code null} for its full name. */
    @CheckForNull
    public String getStatusContext() {
        return statusContext;
    }

    @DataBoundSetter
    public void setStatusContext(@CheckForNull String statusContext) {
        this.statusContext = Util.fixEmptyAndTrim(statusContext);
    }

    /** Returns the state an unstable build reports ({@code success}...), or {@code null} for failure. */
    @CheckForNull
    public String getUnstableState() {
        return unstableState;
    }

    /**
     * Chooses the state an unstable build reports ({@code success}, {@code failure}, {@code error}, {@code aborted};
     * blank is failure), as the checkout step does.
     *
     * @throws IllegalArgumentException naming the accepted values, for any other value
     */
    @DataBoundSetter
    public void setUnstableState(@CheckForNull String unstableState) {
        String value = Util.fixEmptyAndTrim(unstableState);
        BuildTargets.mapping(value);
        this.unstableState = value;
    }

    /** Returns the values as the core reads them. */
    @NonNull
    public SubscriptionSpec toSpec() {
        return new SubscriptionSpec(
                provider,
                getRepository(),
                getBranchIncludes(),
                getBranchExcludes(),
                getTagIncludes(),
                getTagExcludes(),
                getEvents(),
                getForkPullRequests());
    }

    @Override
    public void start(Job<?, ?> project, boolean newInstance) {
        super.start(project, newInstance);
        WebhookJobs.get().index(project, this);
    }

    @Override
    public void stop() {
        Job<?, ?> project = job;
        if (project != null && Jenkins.getInstanceOrNull() != null) {
            WebhookJobs.get().forget(project.getFullName());
        }
    }

    /** Describes the trigger; Pipeline symbol {@code gitProviderPush}. */
    @Extension
    @Symbol("gitProviderPush")
    public static class DescriptorImpl extends TriggerDescriptor {
        @Override
        public boolean isApplicable(Item item) {
            return item instanceof ParameterizedJobMixIn.ParameterizedJob;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.GitProviderTrigger_DisplayName();
        }

        /** Lists the configured providers, after "any provider"; only the current value without Job/Configure. */
        @POST
        public ListBoxModel doFillProviderItems(
                @CheckForNull @AncestorInPath Item item, @QueryParameter String provider) {
            ListBoxModel model = new ListBoxModel();
            model.add(Messages.GitProviderTrigger_AnyProvider(), "");
            if (!canConfigure(item)) {
                if (Util.fixEmptyAndTrim(provider) != null) {
                    model.add(provider.trim());
                }
                return model;
            }
            boolean currentListed = Util.fixEmptyAndTrim(provider) == null;
            for (GitProvider each : GitProvidersConfiguration.get().getProviders()) {
                model.add(
                        each.isActive() ? each.getName() : Messages.GitProviderTrigger_Inactive(each.getName()),
                        each.getName());
                currentListed |=
                        each.getName().equalsIgnoreCase(Util.fixNull(provider).trim());
            }
            if (!currentListed) {
                model.add(Messages.GitProviderTrigger_Missing(provider.trim()), provider.trim());
            }
            return model;
        }

        /** Lists the choices for pull requests from forks, the safe default first. */
        @POST
        public ListBoxModel doFillForkPullRequestsItems() {
            ListBoxModel model = new ListBoxModel();
            model.add(Messages.GitProviderTrigger_ForkNever(), ForkPolicy.NEVER.id());
            model.add(Messages.GitProviderTrigger_ForkTrusted(), ForkPolicy.TRUSTED.id());
            model.add(Messages.GitProviderTrigger_ForkAlways(), ForkPolicy.ALWAYS.id());
            return model;
        }

        @POST
        public FormValidation doCheckProvider(@CheckForNull @AncestorInPath Item item, @QueryParameter String value) {
            if (!canConfigure(item) || Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            try {
                Optional<ProviderSpec> named = spec(value, "", "").providerSpec(WebhookJobs.providers());
                // The job's deliveries from a provider it may not use are skipped: say so while it is configured.
                Optional<String> refusal = named.flatMap(p -> item == null
                        ? Optional.empty()
                        : ProviderAccess.decide(item, p).reason());
                if (refusal.isPresent()) {
                    return FormValidation.error(refusal.get());
                }
                return named.filter(p -> !p.active())
                        .map(p -> FormValidation.warning(Messages.GitProviderTrigger_InactiveWarning(p.name())))
                        .orElse(FormValidation.ok());
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckRepository(
                @CheckForNull @AncestorInPath Item item,
                @QueryParameter String value,
                @QueryParameter String provider) {
            if (!canConfigure(item)) {
                return FormValidation.ok();
            }
            try {
                SubscriptionSpec spec = spec(provider, value, "");
                RepositoryKey key = spec.repositoryKey(spec.providerSpec(WebhookJobs.providers()));
                return FormValidation.ok(Messages.GitProviderTrigger_Watches(key.toString()));
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckEvents(@CheckForNull @AncestorInPath Item item, @QueryParameter String value) {
            if (!canConfigure(item)) {
                return FormValidation.ok();
            }
            try {
                return FormValidation.ok(Messages.GitProviderTrigger_Selected(
                        SubscriptionSpec.eventNames(SubscriptionSpec.parseEvents(value))));
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckBranchIncludes(
                @CheckForNull @AncestorInPath Item item, @QueryParameter String value) {
            return checkPatterns(item, value, Messages.GitProviderTrigger_BranchIncludes());
        }

        @POST
        public FormValidation doCheckBranchExcludes(
                @CheckForNull @AncestorInPath Item item, @QueryParameter String value) {
            return checkPatterns(item, value, Messages.GitProviderTrigger_BranchExcludes());
        }

        @POST
        public FormValidation doCheckTagIncludes(
                @CheckForNull @AncestorInPath Item item, @QueryParameter String value) {
            return checkPatterns(item, value, Messages.GitProviderTrigger_TagIncludes());
        }

        @POST
        public FormValidation doCheckTagExcludes(
                @CheckForNull @AncestorInPath Item item, @QueryParameter String value) {
            return checkPatterns(item, value, Messages.GitProviderTrigger_TagExcludes());
        }

        private static FormValidation checkPatterns(@CheckForNull Item item, String value, String field) {
            if (!canConfigure(item)) {
                return FormValidation.ok();
            }
            try {
                SubscriptionSpec.patterns(value, field);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckStatusContext(
                @CheckForNull @AncestorInPath Item item, @QueryParameter String value) {
            if (!canConfigure(item) || Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            try {
                return FormValidation.ok(Messages.GitProviderTrigger_StatusContext(StatusContext.of(value)));
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /** Lists the states an unstable build may report; blank is failure. */
        @POST
        public ListBoxModel doFillUnstableStateItems(@CheckForNull @AncestorInPath Item item) {
            return unstableStates();
        }

        /** Lists the states an unstable build may report, failure (blank) first; also for the checkout step. */
        @NonNull
        public static ListBoxModel unstableStates() {
            ListBoxModel model = new ListBoxModel();
            model.add(Messages.GitProviderTrigger_UnstableDefault(), "");
            for (BuildState state : BuildState.values()) {
                if (state.isFinal() && state != BuildState.FAILURE) {
                    model.add(state.id());
                }
            }
            return model;
        }

        /** Job/Configure on the job being configured; Overall/Manage where there is no job (Pipeline syntax pages). */
        private static boolean canConfigure(@CheckForNull Item item) {
            return item == null ? Jenkins.get().hasPermission(Jenkins.MANAGE) : item.hasPermission(Item.CONFIGURE);
        }

        private static SubscriptionSpec spec(
                @CheckForNull String provider, @CheckForNull String repository, @CheckForNull String events) {
            return new SubscriptionSpec(provider, Util.fixNull(repository), "", "", "", "", Util.fixNull(events));
        }

        /** Returns the names the events field accepts, for its help. */
        @NonNull
        public String getSelectableEvents() {
            return SubscriptionSpec.selectableNames();
        }

        /** Returns the events selected when the field is blank. */
        @NonNull
        public String getDefaultEvents() {
            return SubscriptionSpec.eventNames(SubscriptionSpec.DEFAULT_EVENTS);
        }
    }
}
