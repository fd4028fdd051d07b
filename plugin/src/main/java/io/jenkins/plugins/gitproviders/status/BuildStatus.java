package io.jenkins.plugins.gitproviders.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.Terminator;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.DaemonThreadFactory;
import hudson.util.NamingThreadFactory;
import io.jenkins.plugins.gitproviders.api.GitProviderBuildEvent;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.config.ProviderCredentials;
import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.StatusReporter;
import io.jenkins.plugins.gitproviders.core.client.StatusReporters;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.pipeline.CheckoutResult;
import io.jenkins.plugins.gitproviders.core.reporting.BuildTarget;
import io.jenkins.plugins.gitproviders.core.reporting.BuildTargets;
import io.jenkins.plugins.gitproviders.core.reporting.FailureNotes;
import io.jenkins.plugins.gitproviders.core.reporting.FinalStatuses;
import io.jenkins.plugins.gitproviders.core.reporting.StatusDispatcher;
import io.jenkins.plugins.gitproviders.core.reporting.StatusRequest;
import io.jenkins.plugins.gitproviders.core.status.BuildState;
import io.jenkins.plugins.gitproviders.core.status.JenkinsResult;
import io.jenkins.plugins.gitproviders.core.status.ReportDecision;
import io.jenkins.plugins.gitproviders.core.status.ResultMapping;
import io.jenkins.plugins.gitproviders.core.status.RetryPolicy;
import io.jenkins.plugins.gitproviders.core.status.StatusContext;
import io.jenkins.plugins.gitproviders.core.status.StatusDescription;
import io.jenkins.plugins.gitproviders.core.status.StatusException;
import io.jenkins.plugins.gitproviders.core.status.StatusFailure;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import io.jenkins.plugins.gitproviders.diagnostics.ConnectionDiagnostics;
import io.jenkins.plugins.gitproviders.webhook.GitProviderTrigger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.JenkinsLocationConfiguration;
import jenkins.model.ParameterizedJobMixIn;
import jenkins.util.Timer;

/**
 * Reports build status to the hosts: decides nothing itself (the core's {@link ReportDecision}, {@link BuildTargets},
 * {@link FinalStatuses} and {@link StatusDispatcher} do), but feeds them from Jenkins: the queue, the checkout step,
 * the {@code gitProviderStatus} step and completed builds. Statuses are sent by two daemon threads of its own, never by
 * a build's thread; retries wait on Jenkins' shared timer, which only hands them back to those threads. The provider's
 * API credential is resolved as SYSTEM in Jenkins' own context, as for the connection checks: reporting is
 * controller-side work of the provider, not of the build.
 */
@Extension
public final class BuildStatus {
    private static final Logger LOGGER = Logger.getLogger(BuildStatus.class.getName());
    private static final Clock CLOCK = Clock.systemUTC();
    /** Threads sending statuses; each request is bounded by the HTTP settings' 15 s budget. */
    private static final int THREADS = 2;
    /** Slots (provider, repository, commit, context) that may wait at once. */
    private static final int MAX_WAITING = 10_000;
    /** The key under which a build says once that Jenkins has no root URL. */
    private static final String NO_ROOT_URL = "no-root-url";

    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(
            THREADS,
            THREADS,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new NamingThreadFactory(new DaemonThreadFactory(), "Git Providers build status"));
    private final Map<ReporterKey, StatusReporter> reporters = new ConcurrentHashMap<>();
    private final StatusDispatcher dispatcher;

    public BuildStatus() {
        workers.allowCoreThreadTimeOut(true);
        dispatcher = new StatusDispatcher(
                workers,
                (task, delay) -> Timer.get().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS),
                RetryPolicy.DEFAULT,
                CLOCK,
                this::send,
                MAX_WAITING);
    }

    /** Returns the singleton. */
    @NonNull
    public static BuildStatus get() {
        return ExtensionList.lookupSingleton(BuildStatus.class);
    }

    /** Stops the threads with Jenkins; statuses still waiting are dropped (they live in memory only). */
    @Terminator
    public static void shutDown() {
        ExtensionList<BuildStatus> all = ExtensionList.lookup(BuildStatus.class);
        for (BuildStatus each : all) {
            each.workers.shutdownNow();
        }
    }

    /** Returns how many statuses wait to be sent or retried. */
    public int waiting() {
        return dispatcher.waiting();
    }

    /**
     * Reports a webhook build as pending when it enters the queue, to the commit its event announced, and attaches the
     * action that records it to the queue item (Jenkins moves it to the build).
     */
    void queued(@NonNull Queue.WaitingItem item, @NonNull Job<?, ?> job, @NonNull GitProviderBuildEvent buildEvent) {
        try {
            queuedUnguarded(item, job, buildEvent);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot report the build status of " + item, e);
        }
    }

    private void queuedUnguarded(Queue.WaitingItem item, Job<?, ?> job, GitProviderBuildEvent buildEvent) {
        Optional<ProviderSpec> provider = provider(buildEvent.getProviderName());
        WebhookEvent event = buildEvent.getWebhookEvent();
        if (provider.isEmpty() || event == null || item.getAction(GitProviderStatusAction.class) != null) {
            return;
        }
        Optional<StatusTarget> target = BuildTargets.ofEvent(provider.get(), event);
        if (target.isEmpty()) {
            return;
        }
        GitProviderTrigger trigger = trigger(job);
        BuildTarget buildTarget;
        try {
            buildTarget = BuildTarget.of(
                    provider.get(),
                    target.get(),
                    StatusContext.forBuild(
                            provider.get(), job.getFullName(), trigger == null ? null : trigger.getStatusContext()),
                    BuildTarget.Origin.EVENT,
                    mapping(trigger == null ? null : trigger.getUnstableState()));
        } catch (IllegalArgumentException e) {
            LOGGER.log(Level.FINE, "No build status for " + job.getFullName() + ": " + e.getMessage());
            return;
        }
        GitProviderStatusAction action = new GitProviderStatusAction();
        item.addAction(action);
        if (!target.get().hasFullCommit()) {
            // Bitbucket Cloud pull requests: the status waits for the full id a checkout resolves.
            action.record(
                    buildTarget,
                    null,
                    ReportDecision.turnedOff(provider.get())
                            ? GitProviderStatusAction.Outcome.OFF
                            : GitProviderStatusAction.Outcome.NOT_SENT,
                    null);
            return;
        }
        report(action, provider.get(), buildTarget, BuildState.PENDING, StatusDescription.queued(), job.getUrl());
    }

    /** Reports a webhook build that left the queue without being built (cancelled) as aborted. */
    void cancelled(@NonNull Queue.LeftItem item) {
        try {
            cancelledUnguarded(item);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot report the build status of " + item, e);
        }
    }

    private void cancelledUnguarded(Queue.LeftItem item) {
        GitProviderStatusAction action = item.getAction(GitProviderStatusAction.class);
        if (action == null || !(item.task instanceof Job<?, ?> job)) {
            return;
        }
        FinalStatuses.Plan plan = FinalStatuses.plan(action.targets(), JenkinsResult.NOT_BUILT, null);
        for (FinalStatuses.Final planned : plan.finals()) {
            provider(planned.target().provider())
                    .ifPresent(provider -> report(
                            action, provider, planned.target(), planned.state(), planned.description(), job.getUrl()));
        }
    }

    /**
     * Records the commit a checkout resolved and reports it as running (pending on hosts without a running state).
     *
     * @param listener      the step's log, for the once-per-build notes
     * @param event         the build's webhook event when the checkout built it, else {@code null}
     * @param statusContext the step's own context name, or {@code null}
     * @param unstableState the step's state for unstable builds, or {@code null}
     */
    public static void checkedOut(
            @NonNull Run<?, ?> run,
            @NonNull TaskListener listener,
            @NonNull ProviderSpec provider,
            @NonNull CheckoutResult result,
            @CheckForNull WebhookEvent event,
            @CheckForNull String statusContext,
            @CheckForNull String unstableState) {
        try {
            checkedOutUnguarded(run, listener, provider, result, event, statusContext, unstableState);
        } catch (RuntimeException e) {
            // Reporting never fails a build.
            LOGGER.log(Level.WARNING, "Cannot report the build status of " + run, e);
        }
    }

    private static void checkedOutUnguarded(
            Run<?, ?> run,
            TaskListener listener,
            ProviderSpec provider,
            CheckoutResult result,
            @CheckForNull WebhookEvent event,
            @CheckForNull String statusContext,
            @CheckForNull String unstableState) {
        // A checkout of the build's webhook event inherits the trigger's options, so that it updates the same status.
        GitProviderTrigger trigger = event == null ? null : trigger(run.getParent());
        String context = statusContext != null ? statusContext : trigger == null ? null : trigger.getStatusContext();
        String unstable = unstableState != null ? unstableState : trigger == null ? null : trigger.getUnstableState();
        BuildTarget target;
        try {
            target = BuildTarget.of(
                    provider,
                    BuildTargets.ofCheckout(provider, result, event),
                    StatusContext.forBuild(provider, run.getParent().getFullName(), context),
                    BuildTarget.Origin.CHECKOUT,
                    mapping(unstable));
        } catch (IllegalArgumentException e) {
            listener.getLogger().println(Messages.GitProviderStatusAction_LogNote(e.getMessage()));
            return;
        }
        GitProviderStatusAction action = action(run);
        if (action.has(target)) {
            return;
        }
        get().report(action, provider, target, BuildState.RUNNING, StatusDescription.running(), run.getUrl());
        // Saved now, so that the final state still goes to this commit if Jenkins restarts before the build ends.
        action.save();
    }

    /** Returns what a build reports to, in the order recorded (for {@code gitProviderStatus}). */
    @NonNull
    public static List<BuildTarget> recorded(@NonNull Run<?, ?> run) {
        GitProviderStatusAction action = run.getAction(GitProviderStatusAction.class);
        return action == null ? List.of() : action.targets();
    }

    /**
     * Reports a stage's own status ({@code gitProviderStatus}); returns at once.
     *
     * @return why nothing is sent when the provider reports no status, else empty (a missing root URL is said once
     *     in the build log)
     */
    @NonNull
    public static Optional<String> stage(
            @NonNull Run<?, ?> run,
            @NonNull ProviderSpec provider,
            @NonNull BuildTarget target,
            @NonNull BuildState state,
            @CheckForNull String description) {
        ReportDecision decision = ReportDecision.decide(provider, rootUrl());
        if (decision.outcome() == ReportDecision.Outcome.TURNED_OFF) {
            return Optional.of(decision.message());
        }
        // Without a root URL, report() says so once in the build log.
        get().report(action(run), provider, target, state, description == null ? "" : description, run.getUrl());
        return Optional.empty();
    }

    /** Reports the final state of each commit the build reported to; called while the build's log is still open. */
    void completed(@NonNull Run<?, ?> run) {
        try {
            completedUnguarded(run);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Cannot report the build status of " + run, e);
        }
    }

    private void completedUnguarded(Run<?, ?> run) {
        GitProviderStatusAction action = run.getAction(GitProviderStatusAction.class);
        Result result = run.getResult();
        if (action == null || result == null) {
            return;
        }
        long millis =
                run.getDuration() > 0 ? run.getDuration() : System.currentTimeMillis() - run.getStartTimeInMillis();
        // Targets of providers that report nothing (now) take no part: no final state, and no note about them.
        List<BuildTarget> reporting = action.targets().stream()
                .filter(target -> provider(target.provider())
                        .map(provider -> !ReportDecision.turnedOff(provider))
                        .orElse(true))
                .toList();
        FinalStatuses.Plan plan =
                FinalStatuses.plan(reporting, JenkinsResult.parse(result.toString()), Duration.ofMillis(millis));
        for (String note : plan.notes()) {
            action.sayOnce(note, note);
        }
        for (FinalStatuses.Final planned : plan.finals()) {
            Optional<ProviderSpec> provider = provider(planned.target().provider());
            if (provider.isEmpty()) {
                action.sayOnce(
                        "provider-gone\n" + planned.target().provider(),
                        Messages.BuildStatus_ProviderGone(planned.target().provider()));
                continue;
            }
            report(action, provider.get(), planned.target(), planned.state(), planned.description(), run.getUrl());
        }
    }

    /**
     * Records a status and hands it to the dispatcher, unless the provider reports nothing or Jenkins has no root URL
     * (said once per build).
     *
     * @param relativeUrl the build's or job's address below the root URL
     */
    private void report(
            GitProviderStatusAction action,
            ProviderSpec provider,
            BuildTarget target,
            BuildState state,
            String description,
            String relativeUrl) {
        String root = rootUrl();
        ReportDecision decision = ReportDecision.decide(provider, root);
        if (decision.outcome() == ReportDecision.Outcome.TURNED_OFF) {
            // Recorded, not shown: gitProviderStatus still finds the build's commit, and says reporting is off.
            action.record(target, null, GitProviderStatusAction.Outcome.OFF, null);
            return;
        }
        if (decision.outcome() == ReportDecision.Outcome.NO_ROOT_URL) {
            action.record(target, null, GitProviderStatusAction.Outcome.NOT_SENT, decision.message());
            action.sayOnce(NO_ROOT_URL, decision.message());
            return;
        }
        StatusRequest request;
        try {
            request =
                    StatusRequest.of(provider, target, state, description, ReportDecision.buildUrl(root, relativeUrl));
        } catch (IllegalArgumentException e) {
            action.record(target, null, GitProviderStatusAction.Outcome.NOT_SENT, e.getMessage());
            action.sayOnce(e.getMessage(), e.getMessage());
            return;
        }
        action.record(target, state, GitProviderStatusAction.Outcome.SENDING, null);
        dispatcher.submit(request, new ActionOutcome(action));
    }

    /** Sends one status: resolves the credential as SYSTEM and calls the host type's reporter. */
    private void send(StatusRequest request) throws StatusException {
        ProviderSpec provider = request.provider();
        ApiCredential credential;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            credential = ProviderCredentials.apiCredential(provider)
                    .orElseThrow(() -> new StatusException(FailureNotes.missingCredential(
                            provider, request.target().target())));
        }
        HttpSettings settings = ConnectionDiagnostics.httpSettings();
        reporters
                .computeIfAbsent(
                        new ReporterKey(provider.type(), settings),
                        key -> StatusReporters.create(key.type(), key.settings(), CLOCK))
                .report(provider, credential, request.target().target(), request.status());
        LOGGER.log(
                Level.FINE,
                () -> "Reported " + request.status().state().id() + " to "
                        + request.target().target().repositoryPath() + " through " + provider.name());
    }

    @NonNull
    private static GitProviderStatusAction action(@NonNull Run<?, ?> run) {
        synchronized (run) {
            GitProviderStatusAction action = run.getAction(GitProviderStatusAction.class);
            if (action == null) {
                action = new GitProviderStatusAction();
                run.addAction(action);
            }
            return action;
        }
    }

    @NonNull
    private static Optional<ProviderSpec> provider(@NonNull String name) {
        return GitProvidersConfiguration.get().registry().findByName(name);
    }

    @CheckForNull
    private static GitProviderTrigger trigger(@NonNull Job<?, ?> job) {
        return ParameterizedJobMixIn.getTrigger(job, GitProviderTrigger.class);
    }

    private static ResultMapping mapping(@CheckForNull String unstable) {
        try {
            return BuildTargets.mapping(unstable);
        } catch (IllegalArgumentException e) {
            // The form refuses such a value; one written into config.xml by hand gets the default.
            return ResultMapping.DEFAULT;
        }
    }

    /**
     * Returns the notice for the Git Providers page when builds report no status because Jenkins has no root URL,
     * for providers that would report; empty otherwise.
     */
    @NonNull
    public static Optional<String> rootUrlNotice(@NonNull List<ProviderSpec> providers) {
        String root = rootUrl();
        return providers.stream()
                .map(provider -> ReportDecision.decide(provider, root))
                .filter(decision -> decision.outcome() == ReportDecision.Outcome.NO_ROOT_URL)
                .findFirst()
                .map(decision -> Messages.BuildStatus_NoRootUrl());
    }

    @CheckForNull
    static String rootUrl() {
        return JenkinsLocationConfiguration.get().getUrl();
    }

    /** One reporter per host type and HTTP settings: a new proxy configuration gets new reporters. */
    private record ReporterKey(ProviderType type, HttpSettings settings) {}

    /** Records a status's outcome with its build and provider. */
    private static final class ActionOutcome implements StatusDispatcher.Outcome {
        private final GitProviderStatusAction action;

        ActionOutcome(GitProviderStatusAction action) {
            this.action = action;
        }

        @Override
        public void reported(StatusRequest request) {
            action.outcome(request.slot(), request.status().state(), GitProviderStatusAction.Outcome.REPORTED, null);
            StatusHealth.get().reported(request.provider().name(), CLOCK.instant());
            action.saveIfFinished();
        }

        @Override
        public void failed(StatusRequest request, StatusFailure failure) {
            action.outcome(
                    request.slot(),
                    request.status().state(),
                    GitProviderStatusAction.Outcome.FAILED,
                    failure.describe());
            Run<?, ?> run = action.getRun();
            StatusHealth.get()
                    .failed(
                            request.provider().name(),
                            failure,
                            run == null ? null : run.getFullDisplayName(),
                            CLOCK.instant());
            action.sayOnce(FailureNotes.key(request.provider().name(), failure), failure.describe());
            action.saveIfFinished();
        }

        @Override
        public void superseded(StatusRequest request) {
            action.outcome(request.slot(), request.status().state(), GitProviderStatusAction.Outcome.SUPERSEDED, null);
        }
    }
}
