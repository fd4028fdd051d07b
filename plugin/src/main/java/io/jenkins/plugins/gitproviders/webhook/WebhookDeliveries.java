package io.jenkins.plugins.gitproviders.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.init.Terminator;
import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.PeriodicWork;
import hudson.model.Queue;
import hudson.model.listeners.ItemListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.gitproviders.core.delivery.CatchUp;
import io.jenkins.plugins.gitproviders.core.delivery.DeliveryJournal;
import io.jenkins.plugins.gitproviders.core.delivery.DeliveryLogStore;
import io.jenkins.plugins.gitproviders.core.delivery.JournalEntry;
import io.jenkins.plugins.gitproviders.core.delivery.JournalException;
import io.jenkins.plugins.gitproviders.core.delivery.JournalStatus;
import io.jenkins.plugins.gitproviders.core.delivery.LastKnownCommits;
import io.jenkins.plugins.gitproviders.core.repository.RefSource;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.webhook.DispatchSink;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookHandler;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import jenkins.util.Timer;

/**
 * Keeps what webhook deliveries must not lose, in {@code $JENKINS_HOME}: the core's {@link DeliveryJournal} of
 * accepted deliveries whose builds are not queued yet, the recent-deliveries list ({@link DeliveryLogStore}) and the
 * {@link LastKnownCommits} that catching up compares with the hosts. It is the handler's {@link DispatchSink}: each
 * accepted delivery is journaled before the host gets its 202, then its builds are queued in the background, as
 * SYSTEM, and the journal entry completed once they are. At startup the journal is replayed once Jenkins is up.
 * Every failure is kept for the Git Providers page ({@link #getProblems()}), not only logged.
 */
@Extension
public final class WebhookDeliveries implements DispatchSink {
    private static final Logger LOGGER = Logger.getLogger(WebhookDeliveries.class.getName());
    /** How long a pending entry waits before it is scheduled again (its scheduling failed, or did not end). */
    static final Duration RETRY_PENDING_AFTER = Duration.ofMinutes(1);
    /** How long after a failure to open the journal the next delivery tries again (each try reads the file). */
    private static final Duration REOPEN_AFTER = Duration.ofSeconds(10);

    private final Object lock = new Object();

    /** Guarded by {@link #lock}; {@code null} until opened, or while it cannot be. */
    @CheckForNull
    private DeliveryJournal journal;

    /** Guarded by {@link #lock}. */
    @CheckForNull
    private Instant lastOpenAttempt;

    /** Why the journal could not be opened, or what opening it found; guarded by {@link #lock}. */
    @CheckForNull
    private Problem journalProblem;

    /** The entries whose scheduling is under way, so that a retry does not schedule them twice. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    private volatile LastKnownCommits known = new LastKnownCommits();
    private volatile boolean knownChanged;

    @CheckForNull
    private volatile DeliveryLogStore logStore;

    private volatile long savedLogVersion = -1;
    private final Map<String, Problem> problems = new ConcurrentHashMap<>();

    @CheckForNull
    private volatile CatchUpRun lastCatchUp;

    /** A failure or finding for the page: what, and when. */
    public record Problem(String message, Instant at) {}

    /**
     * Sums up the last catch-up for the page.
     *
     * @param finishedAt   when it ended
     * @param repositories the repositories compared
     * @param baselined    those that got their first baseline
     * @param triggered    the jobs triggered by missed changes
     * @param problems     the hosts that could not be asked, changes that could not be routed, notes
     */
    public record CatchUpRun(
            Instant finishedAt, int repositories, int baselined, int triggered, List<String> problems) {
        public CatchUpRun {
            problems = List.copyOf(problems);
        }
    }

    /** Returns the singleton. */
    @NonNull
    public static WebhookDeliveries get() {
        return ExtensionList.lookupSingleton(WebhookDeliveries.class);
    }

    /** Opens the journal and reads back the deliveries list and the last known commits, before any delivery. */
    @Initializer(after = InitMilestone.JOB_CONFIG_ADAPTED)
    public static void restore() {
        get().open(Jenkins.get().getRootDir().toPath());
    }

    /** Saves the deliveries list and the last known commits, and closes the journal, as Jenkins stops. */
    @Terminator
    public static void stop() {
        WebhookDeliveries deliveries = get();
        deliveries.saveChanges();
        synchronized (deliveries.lock) {
            if (deliveries.journal != null) {
                deliveries.journal.close();
                deliveries.journal = null;
            }
        }
    }

    void open(Path home) {
        synchronized (lock) {
            openJournal(home);
        }
        DeliveryLogStore store = new DeliveryLogStore(home.resolve(DeliveryLogStore.FILE_NAME));
        DeliveryLogStore.Loaded loaded = store.restoreInto(WebhookJobs.get().deliveryLog());
        logStore = store;
        savedLogVersion = WebhookJobs.get().deliveryLogVersion();
        report("log-read", loaded.problem());
        LastKnownCommits.Loaded commits =
                LastKnownCommits.load(home.resolve(LastKnownCommits.FILE_NAME), LastKnownCommits.DEFAULT_MAX_REFS);
        known = commits.commits();
        report("commits-read", commits.problem());
    }

    /** Opens the journal; guarded by {@link #lock}. */
    private void openJournal(Path home) {
        lastOpenAttempt = Instant.now();
        try {
            journal = DeliveryJournal.open(
                    home.resolve(DeliveryJournal.FILE_NAME), DeliveryJournal.Limits.DEFAULT, Clock.systemUTC());
            String found = journal.replay().problem();
            journalProblem = found == null ? null : new Problem(found, Instant.now());
        } catch (JournalException e) {
            journal = null;
            journalProblem = new Problem(e.getMessage(), Instant.now());
            LOGGER.log(Level.WARNING, e.getMessage(), e);
        }
    }

    /** Returns the open journal, opening it again when an earlier attempt failed a while ago. */
    private DeliveryJournal journal() throws JournalException {
        synchronized (lock) {
            if (journal == null) {
                Instant last = lastOpenAttempt;
                if (last == null || last.plus(REOPEN_AFTER).isBefore(Instant.now())) {
                    openJournal(Jenkins.get().getRootDir().toPath());
                    if (journal != null) {
                        // What it held from before the failure is still owed.
                        journal.pending().forEach(this::submit);
                    }
                }
                if (journal == null) {
                    Problem problem = journalProblem;
                    throw new JournalException(
                            problem == null ? "The delivery journal is not open" : problem.message());
                }
            }
            return journal;
        }
    }

    /**
     * Journals an accepted delivery's dispatches, then hands them to the scheduler. Called by the handler before it
     * answers; a failure makes it answer 503 and leaves the delivery unprocessed, so the host's retry is processed.
     */
    @Override
    public void accept(
            @NonNull String provider,
            @NonNull RepositoryKey repository,
            @CheckForNull String deliveryId,
            @NonNull List<WebhookResponse.Dispatch> dispatches)
            throws IOException {
        JournalEntry entry = journal().append(provider, repository, deliveryId, dispatches);
        submit(entry);
    }

    /** Schedules the pending deliveries of the journal: at startup, once Jenkins is up. */
    void replay() {
        DeliveryJournal open;
        synchronized (lock) {
            open = journal;
        }
        if (open == null) {
            return;
        }
        List<JournalEntry> pending = open.pending();
        if (!pending.isEmpty()) {
            LOGGER.log(
                    Level.INFO,
                    "Scheduling the builds of {0} webhook deliveries accepted before the restart",
                    pending.size());
        }
        pending.forEach(this::submit);
    }

    /** Schedules the entries that stayed pending a while: their scheduling failed, or its completion was lost. */
    void retryPending() {
        DeliveryJournal open;
        synchronized (lock) {
            open = journal;
        }
        if (open == null) {
            return;
        }
        Instant before = Instant.now().minus(RETRY_PENDING_AFTER);
        for (JournalEntry entry : open.pending()) {
            if (entry.acceptedAt().isBefore(before)) {
                submit(entry);
            }
        }
    }

    private void submit(JournalEntry entry) {
        if (inFlight.add(entry.id())) {
            Timer.get().submit(() -> {
                try {
                    schedule(entry);
                } finally {
                    inFlight.remove(entry.id());
                }
            });
        }
    }

    /**
     * Queues the builds of one journal entry as SYSTEM, job by job, completing each job in the journal once its builds
     * are in the queue (or the job is gone, disabled, or no longer has the trigger). A job whose scheduling fails stays
     * pending and is tried again later.
     */
    void schedule(JournalEntry entry) {
        Map<String, List<WebhookResponse.Dispatch>> byJob = new LinkedHashMap<>();
        entry.dispatches()
                .forEach(dispatch -> byJob.computeIfAbsent(dispatch.job(), job -> new ArrayList<>())
                        .add(dispatch));
        boolean failed = false;
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Map.Entry<String, List<WebhookResponse.Dispatch>> job : byJob.entrySet()) {
                try {
                    for (WebhookResponse.Dispatch dispatch : job.getValue()) {
                        scheduleOne(entry, dispatch);
                    }
                } catch (RuntimeException e) {
                    failed = true;
                    report(
                            "schedule",
                            "Could not queue the build of job " + job.getKey() + " for a webhook delivery from"
                                    + " provider " + entry.provider() + " (" + e + "); it stays in the journal and"
                                    + " is tried again every minute");
                    LOGGER.log(Level.WARNING, "Could not queue the build of job " + job.getKey(), e);
                    continue;
                }
                complete(entry, job.getKey());
            }
        }
        if (!failed && !hasStalePending()) {
            report("schedule", null);
        }
    }

    /** Tells whether the journal holds entries that should have been scheduled by now. */
    private boolean hasStalePending() {
        DeliveryJournal open;
        synchronized (lock) {
            open = journal;
        }
        Instant before = Instant.now().minus(RETRY_PENDING_AFTER);
        return open != null
                && open.pending().stream().anyMatch(e -> e.acceptedAt().isBefore(before));
    }

    private void scheduleOne(JournalEntry entry, WebhookResponse.Dispatch dispatch) {
        Job<?, ?> job = Jenkins.get().getItemByFullName(dispatch.job(), Job.class);
        // The index is a hint: schedule only a job that still exists and still carries the trigger.
        if (job == null || ParameterizedJobMixIn.getTrigger(job, GitProviderTrigger.class) == null) {
            LOGGER.log(Level.FINE, "Job {0} no longer exists or no longer has the trigger", dispatch.job());
            WebhookJobs.get().forget(dispatch.job());
            return;
        }
        // The cause comes first: the event action, folding into a waiting build, then keeps the cause of the newer
        // event.
        Queue.Item item = ParameterizedJobMixIn.scheduleBuild2(
                job,
                -1,
                new CauseAction(GitProviderCause.of(entry.provider(), dispatch.event())),
                GitProviderEventAction.of(entry.provider(), dispatch.event(), entry.id()));
        if (item == null) {
            LOGGER.log(Level.FINE, "Job {0} was not scheduled (disabled, or refused by the queue)", dispatch.job());
        }
        RepositoryKey repository = entry.repository();
        if (repository != null) {
            known.recordEvent(repository, dispatch.event(), entry.acceptedAt());
            knownChanged = true;
        }
    }

    private void complete(JournalEntry entry, String job) {
        DeliveryJournal open;
        synchronized (lock) {
            open = journal;
        }
        if (open == null) {
            return;
        }
        try {
            open.completeDispatch(entry.id(), job);
            report("complete", null);
        } catch (JournalException e) {
            // Forgotten in memory: a restart before the next write may schedule it again, and the queue folds it.
            report("complete", e.getMessage());
        }
    }

    /**
     * Catches up on changes missed while no delivery arrived: asks the hosts for the watched repositories' refs,
     * routes what changed as a delivery would be routed, and records the run for the page.
     */
    @NonNull
    CatchUpRun catchUp(@NonNull RefSource source) {
        WebhookJobs jobs = WebhookJobs.get();
        List<CatchUp.WatchedRepository> watched = CatchUp.watched(jobs.subscriptions(), WebhookJobs.providers());
        LastKnownCommits commits = known;
        CatchUp.Report report = CatchUp.run(watched, source, commits, Clock.systemUTC());
        knownChanged = true;
        WebhookHandler handler = jobs.handler();
        List<String> found = new ArrayList<>();
        report.failures().forEach(failure -> found.add(failure.message()));
        found.addAll(report.notes());
        int triggered = 0;
        for (CatchUp.Push push : report.pushes()) {
            WebhookResponse response = handler.routeSynthesised(push.provider(), push.repository(), push.event());
            jobs.record(response);
            if (response.status() >= 300) {
                // Put back, so that the next run finds the change again.
                commits.retract(push.repository(), push.event(), Instant.now());
                found.add(push.cause() + ": not routed (" + response.fullMessage() + ")");
            } else {
                triggered += response.triggered().size();
            }
        }
        CatchUpRun run = new CatchUpRun(Instant.now(), report.repositories(), report.baselined(), triggered, found);
        lastCatchUp = run;
        saveChanges();
        return run;
    }

    /** Saves the deliveries list and the last known commits if they changed; failures are shown on the page. */
    void saveChanges() {
        Jenkins jenkins = Jenkins.getInstanceOrNull();
        DeliveryLogStore store = logStore;
        if (jenkins == null || store == null) {
            return;
        }
        WebhookJobs jobs = WebhookJobs.get();
        long version = jobs.deliveryLogVersion();
        if (version != savedLogVersion) {
            try {
                store.save(jobs.deliveryLog());
                savedLogVersion = version;
                report("log-save", null);
            } catch (IOException e) {
                report(
                        "log-save",
                        "Could not save the recent deliveries list to " + DeliveryLogStore.FILE_NAME + " ("
                                + e.getMessage() + "); it is tried again in a minute");
            }
        }
        if (knownChanged) {
            knownChanged = false;
            try {
                known.save(jenkins.getRootDir().toPath().resolve(LastKnownCommits.FILE_NAME));
                report("commits-save", null);
            } catch (IOException e) {
                knownChanged = true;
                report(
                        "commits-save",
                        "Could not save the last known commits to " + LastKnownCommits.FILE_NAME
                                + " (" + e.getMessage() + "); catching up after a restart may miss changes until it"
                                + " can");
            }
        }
    }

    private void report(String what, @CheckForNull String message) {
        if (message == null) {
            problems.remove(what);
        } else {
            problems.put(what, new Problem(message, Instant.now()));
            LOGGER.log(Level.WARNING, message);
        }
    }

    /** Returns the journal's state, or {@code null} while it is not open. */
    @CheckForNull
    public JournalStatus getJournalStatus() {
        synchronized (lock) {
            return journal == null ? null : journal.status();
        }
    }

    /** Returns what went wrong with the journal, the saved files or scheduling, oldest first, for the page. */
    @NonNull
    public List<Problem> getProblems() {
        List<Problem> all = new ArrayList<>();
        synchronized (lock) {
            if (journalProblem != null) {
                all.add(journalProblem);
            }
            JournalStatus status = journal == null ? null : journal.status();
            if (status != null && status.problem() != null) {
                all.add(new Problem(status.problem(), status.problemAt() == null ? Instant.now() : status.problemAt()));
            }
        }
        all.addAll(problems.values());
        all.sort((a, b) -> a.at().compareTo(b.at()));
        return all;
    }

    /** Returns the last catch-up, or {@code null} before the first. */
    @CheckForNull
    public CatchUpRun getLastCatchUp() {
        return lastCatchUp;
    }

    /** Returns the last known commits, for tests. */
    @NonNull
    LastKnownCommits lastKnownCommits() {
        return known;
    }

    /** Schedules the journal's pending deliveries once every job is loaded, in the background. */
    @Extension
    public static final class Replay extends ItemListener {
        @Override
        public void onLoaded() {
            Timer.get().submit(() -> get().replay());
        }
    }

    /** Every minute: saves what changed, and schedules again the journal entries that stayed pending. */
    @Extension
    public static final class Maintenance extends PeriodicWork {
        @Override
        public long getRecurrencePeriod() {
            return TimeUnit.MINUTES.toMillis(1);
        }

        /** A full period after startup: the replay at startup schedules the journal's entries first. */
        @Override
        public long getInitialDelay() {
            return getRecurrencePeriod();
        }

        @Override
        protected void doRun() {
            WebhookDeliveries deliveries = get();
            deliveries.saveChanges();
            deliveries.retryPending();
        }
    }
}
