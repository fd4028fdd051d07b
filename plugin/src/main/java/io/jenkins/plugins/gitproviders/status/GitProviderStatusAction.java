package io.jenkins.plugins.gitproviders.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.reporting.BuildTarget;
import io.jenkins.plugins.gitproviders.core.reporting.BuildTargets;
import io.jenkins.plugins.gitproviders.core.status.BuildState;
import io.jenkins.plugins.gitproviders.core.status.ResultMapping;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import java.io.IOException;
import java.io.Serial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * Records, with a build, the commits it reports its status to and how each status went, and says each problem once:
 * in the build log while the build runs (a build still in the queue says it when it starts), and on the build page
 * (this action's summary) always, since Jenkins does not let a plugin write to the log of a finished build (a Pipeline
 * build's log cannot be opened again; see {@code WorkflowRun.getListener}). Webhook builds get it in the queue, so the
 * pending status's outcome is recorded before the build exists; other builds get it at their first checkout.
 *
 * <p>Stored in {@code build.xml} as plain strings, so it reads the same after an upgrade.
 */
public final class GitProviderStatusAction extends InvisibleAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(GitProviderStatusAction.class.getName());

    // The collections are replaced, never changed in place: Run.save() serialises them without this action's lock,
    // from another thread than the status threads that add to them. Written under the lock.

    /** One per slot, in the order recorded. */
    private volatile List<Entry> entries = new ArrayList<>();
    /** The keys of the problems already said. */
    private volatile Set<String> said = new HashSet<>();
    /** Problems found while the build waited in the queue, said in its log when it starts. */
    private volatile List<String> unsaid = new ArrayList<>();

    @CheckForNull
    private transient volatile Run<?, ?> run;

    @Serial
    private synchronized Object readResolve() {
        if (entries == null) {
            entries = new ArrayList<>();
        }
        if (said == null) {
            said = new HashSet<>();
        }
        if (unsaid == null) {
            unsaid = new ArrayList<>();
        }
        return this;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** Returns the build, once the action is attached to one (not while the build waits in the queue). */
    @CheckForNull
    Run<?, ?> getRun() {
        return run;
    }

    /** Returns the targets recorded, in order. */
    @NonNull
    public synchronized List<BuildTarget> targets() {
        List<BuildTarget> targets = new ArrayList<>();
        for (Entry entry : entries) {
            BuildTarget target = entry.toTarget();
            if (target != null) {
                targets.add(target);
            }
        }
        return targets;
    }

    /** Returns the entries as the build page shows them: those of providers that report build status. */
    @NonNull
    public synchronized List<Entry> getEntries() {
        return entries.stream()
                .filter(entry -> !Outcome.OFF.name().equals(entry.outcome))
                .toList();
    }

    /** Returns the problems said, for the build page. */
    @NonNull
    public synchronized List<String> getProblems() {
        List<String> problems = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.problem != null && !problems.contains(entry.problem)) {
                problems.add(entry.problem);
            }
        }
        return problems;
    }

    /** Tells whether a target of the same slot and origin is recorded. */
    synchronized boolean has(BuildTarget target) {
        return entries.stream()
                .anyMatch(entry -> entry.slot().equals(target.slot())
                        && entry.origin.equals(target.origin().name()));
    }

    /**
     * Records a target; the state is the one about to be sent, {@code null} when nothing is sent, and the problem
     * why not, if one is to be shown.
     */
    synchronized void record(
            BuildTarget target, @CheckForNull BuildState state, Outcome outcome, @CheckForNull String problem) {
        Entry entry = entries.stream()
                .filter(e -> e.slot().equals(target.slot())
                        && e.origin.equals(target.origin().name()))
                .findFirst()
                .orElse(null);
        if (entry == null) {
            entry = Entry.of(target);
            List<Entry> next = new ArrayList<>(entries);
            next.add(entry);
            entries = next;
        }
        entry.update(state, outcome, problem);
    }

    /** Updates every entry of the slot whose last state is this one; a newer state's outcome is its own. */
    synchronized void outcome(String slot, BuildState state, Outcome outcome, @CheckForNull String problem) {
        for (Entry entry : entries) {
            if (entry.slot().equals(slot) && state.id().equals(entry.state)) {
                entry.update(state, outcome, problem);
            }
        }
    }

    /**
     * Says a problem once per build: in the build log if the build runs, else when it starts; always on the build
     * page. Saves a finished build, whose next save is otherwise far away.
     *
     * @param key  what makes two problems the same
     * @param text what to say
     */
    void sayOnce(String key, String text) {
        TaskListener log;
        synchronized (this) {
            if (said.contains(key)) {
                return;
            }
            Set<String> saidNext = new HashSet<>(said);
            saidNext.add(key);
            said = saidNext;
            Run<?, ?> current = run;
            log = current == null ? null : LiveLogs.get().of(current);
            if (log == null && (current == null || current.isLogUpdated())) {
                // Queued, or just starting: said when the build's log is handed to the listener (sayQueued).
                List<String> unsaidNext = new ArrayList<>(unsaid);
                unsaidNext.add(text);
                unsaid = unsaidNext;
                return;
            }
        }
        if (log != null) {
            log.getLogger().println(Messages.GitProviderStatusAction_LogNote(text));
            log.getLogger().flush();
        }
        saveIfFinished();
    }

    /**
     * Writes what was found while the build waited in the queue (or was starting), when it starts; called after
     * {@link LiveLogs} has the build's log, so that nothing said in between is lost.
     */
    void sayQueued(TaskListener listener) {
        List<String> texts;
        synchronized (this) {
            texts = List.copyOf(unsaid);
            unsaid = new ArrayList<>();
        }
        for (String text : texts) {
            listener.getLogger().println(Messages.GitProviderStatusAction_LogNote(text));
        }
    }

    /** Saves the build when it has finished; a running build saves itself when it ends. */
    void saveIfFinished() {
        Run<?, ?> current = run;
        if (current != null && !current.isLogUpdated()) {
            save();
        }
    }

    /** Saves the build, with what this action recorded. */
    void save() {
        Run<?, ?> current = run;
        if (current != null) {
            try {
                current.save();
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Cannot save the build status of " + current, e);
            }
        }
    }

    /** How a status went. */
    enum Outcome {
        /** Handed to the dispatcher. */
        SENDING,
        /** The host took it. */
        REPORTED,
        /** It was not reported; the problem says why. */
        FAILED,
        /** A newer state replaced it. */
        SUPERSEDED,
        /** Not sent: Jenkins has no root URL, or the commit id is abbreviated. */
        NOT_SENT,
        /** Not sent: the provider reports no build status (turned off, or inactive); not shown. */
        OFF
    }

    /** One commit and context the build reports to, with the last state sent. */
    public static final class Entry {
        private String origin;
        private String provider;
        private String type;
        private String repository;
        private String commit;

        @CheckForNull
        private String ref;

        @CheckForNull
        private Integer pullRequest;

        @CheckForNull
        private String sourceRepository;

        private String context;

        @CheckForNull
        private String unstable;

        @CheckForNull
        private String state;

        @CheckForNull
        private String outcome;

        @CheckForNull
        private String problem;

        static Entry of(BuildTarget target) {
            Entry entry = new Entry();
            entry.origin = target.origin().name();
            entry.provider = target.provider();
            entry.type = target.type().name();
            StatusTarget where = target.target();
            entry.repository = where.repositoryPath();
            entry.commit = where.commit();
            entry.ref = where.ref();
            entry.pullRequest = where.pullRequest();
            entry.sourceRepository =
                    where.sourceRepository().isEmpty() ? null : String.join("/", where.sourceRepository());
            entry.context = target.context();
            entry.unstable = target.mapping().unstable().id();
            return entry;
        }

        void update(@CheckForNull BuildState sent, Outcome result, @CheckForNull String text) {
            if (sent != null) {
                state = sent.id();
            }
            outcome = result.name();
            if (result == Outcome.REPORTED) {
                problem = null;
            } else if (text != null) {
                problem = text;
            }
        }

        /** Returns the target, or {@code null} if what was stored no longer reads (a type this version lacks). */
        @CheckForNull
        BuildTarget toTarget() {
            if (origin == null
                    || provider == null
                    || type == null
                    || repository == null
                    || commit == null
                    || context == null) {
                return null;
            }
            try {
                StatusTarget target = new StatusTarget(
                        List.of(repository.split("/", -1)),
                        commit,
                        ref,
                        pullRequest,
                        sourceRepository == null ? List.of() : List.of(sourceRepository.split("/", -1)));
                return new BuildTarget(
                        provider,
                        ProviderType.valueOf(type),
                        target,
                        context,
                        BuildTarget.Origin.valueOf(origin),
                        unstable == null ? ResultMapping.DEFAULT : BuildTargets.mapping(unstable));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        String slot() {
            BuildTarget target = toTarget();
            return target == null ? "" : target.slot();
        }

        public String getOrigin() {
            return switch (origin) {
                case "EVENT" -> Messages.GitProviderStatusAction_OriginEvent();
                case "CHECKOUT" -> Messages.GitProviderStatusAction_OriginCheckout();
                default -> Messages.GitProviderStatusAction_OriginStage();
            };
        }

        public String getProvider() {
            return provider;
        }

        public String getRepository() {
            return repository;
        }

        public String getCommit() {
            return commit;
        }

        public String getContext() {
            return context;
        }

        /** Returns the last state sent, as Pipelines write it, or empty. */
        public String getState() {
            return state == null ? "" : state;
        }

        /** Returns how the last state went, in words. */
        public String getOutcome() {
            if (outcome == null) {
                return "";
            }
            return switch (Outcome.valueOf(outcome)) {
                case SENDING -> Messages.GitProviderStatusAction_Sending();
                case REPORTED -> Messages.GitProviderStatusAction_Reported();
                case FAILED -> Messages.GitProviderStatusAction_Failed();
                case SUPERSEDED -> Messages.GitProviderStatusAction_Superseded();
                case NOT_SENT, OFF -> Messages.GitProviderStatusAction_NotSent();
            };
        }

        /** Returns the Jenkins colour of the outcome. */
        public String getColor() {
            return outcome == null
                    ? ""
                    : switch (Outcome.valueOf(outcome)) {
                        case REPORTED -> "success";
                        case FAILED -> "error";
                        default -> "warning";
                    };
        }

        @Override
        public String toString() {
            return origin.toLowerCase(Locale.ROOT) + " " + provider + " " + repository + "@" + commit + " " + context
                    + " " + state + " " + outcome;
        }
    }
}
