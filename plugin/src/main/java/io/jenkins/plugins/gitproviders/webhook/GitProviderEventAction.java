package io.jenkins.plugins.gitproviders.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Util;
import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.FoldableAction;
import io.jenkins.plugins.gitproviders.api.GitProviderBuildEvent;
import io.jenkins.plugins.gitproviders.core.delivery.PushCoalescer;
import io.jenkins.plugins.gitproviders.core.delivery.StoredEvents;
import io.jenkins.plugins.gitproviders.core.webhook.EventEnvironment;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Carries the webhook event that started a build: it gives the build the {@code GIT_PROVIDER*} environment variables
 * and lets the checkout step build exactly the event's commit ({@link #getProviderName()}, {@link #getWebhookEvent()}).
 * Stored with the build as the core's JSON of the event.
 *
 * <p>In the queue, schedulings are coalesced per job and ref as the core's {@link PushCoalescer} says: an event for
 * the same repository and ref (or the same pull request) as a build waiting in the queue is folded into that build
 * ({@link #shouldSchedule}), which takes the newer of the two events, with its cause ({@link #foldIntoExisting}). So
 * 10,000 pushes to one branch while its job waits make one queue item, which builds the newest. Other refs get
 * builds of their own; a build that started no longer folds anything.
 */
public final class GitProviderEventAction extends InvisibleAction
        implements EnvironmentContributingAction, Queue.QueueAction, FoldableAction, GitProviderBuildEvent {
    /** Any name: both schedulings compared belong to the same job, which the queue already checked. */
    private static final String SAME_JOB = "";

    private final String provider;
    /** The event as the core stores it, so that every part of it (a fork's origin too) survives with the build. */
    private final String event;
    /**
     * The order in which Jenkins accepted the delivery (its journal sequence number), the last evidence the coalescer
     * uses to tell the newer event; 0 when unknown (builds stored before it was recorded).
     */
    private final long arrival;

    /** The event read back from {@link #event}, kept once read: the queue compares events many times. */
    @CheckForNull
    private transient WebhookEvent parsed;

    private GitProviderEventAction(String provider, WebhookEvent event, long arrival) {
        this.provider = provider;
        this.event = StoredEvents.write(event);
        this.arrival = arrival;
        this.parsed = event;
    }

    /** Records the event a build is scheduled for, received through the named provider, in no known order. */
    @NonNull
    public static GitProviderEventAction of(@NonNull String provider, @NonNull WebhookEvent event) {
        return new GitProviderEventAction(provider, event, 0);
    }

    /**
     * Records the event a build is scheduled for, with the order in which Jenkins accepted its delivery (the
     * journal's sequence number), which tells the newer of two events when nothing else does.
     */
    @NonNull
    static GitProviderEventAction of(@NonNull String provider, @NonNull WebhookEvent event, long arrival) {
        return new GitProviderEventAction(provider, event, arrival);
    }

    /** Returns the name of the provider that received the delivery, as configured in Jenkins. */
    @NonNull
    @Override
    public String getProviderName() {
        return provider;
    }

    /**
     * Returns the event, rebuilt from what the build stored; {@code null} only if it was stored by a version that knew
     * a host type or event kind this one does not.
     */
    @CheckForNull
    @Override
    public WebhookEvent getWebhookEvent() {
        WebhookEvent read = parsed;
        if (read == null) {
            read = StoredEvents.read(event).orElse(null);
            parsed = read;
        }
        return read;
    }

    /** Returns the order in which Jenkins accepted the delivery; 0 when unknown. */
    public long getArrival() {
        return arrival;
    }

    /** Returns the variables this action gives the build. */
    @NonNull
    public Map<String, String> getVariables() {
        WebhookEvent read = getWebhookEvent();
        return read == null ? Map.of(EventEnvironment.PROVIDER, provider) : EventEnvironment.variables(provider, read);
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        env.putAll(getVariables());
    }

    /** Schedules a separate build unless the other scheduling is for the same ref (or pull request). */
    @Override
    public boolean shouldSchedule(List<Action> actions) {
        for (GitProviderEventAction other : Util.filter(actions, GitProviderEventAction.class)) {
            if (foldsWith(other)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Folds this scheduling into a waiting build of the same ref: the waiting build takes this event if it is newer,
     * and its cause with it. The queue calls this after {@link CauseAction#foldIntoExisting} (the scheduler passes
     * the cause first), which added this scheduling's cause to the waiting build's: the causes are set back to the
     * one of the event the build will use, so that a storm of pushes does not pile up causes either.
     */
    @Override
    public void foldIntoExisting(
            @NonNull Queue.Item item, @NonNull Queue.Task owner, @NonNull List<Action> otherActions) {
        GitProviderEventAction waiting = item.getAction(GitProviderEventAction.class);
        if (waiting == null || !foldsWith(waiting)) {
            return;
        }
        WebhookEvent incoming = Objects.requireNonNull(getWebhookEvent());
        WebhookEvent current = Objects.requireNonNull(waiting.getWebhookEvent());
        boolean newer = PushCoalescer.shouldReplace(waiting.candidate(current), candidate(incoming));
        GitProviderEventAction kept = newer ? this : waiting;
        if (newer) {
            item.replaceAction(this);
        }
        CauseAction causes = item.getAction(CauseAction.class);
        if (causes != null) {
            List<Cause> others = new ArrayList<>();
            causes.getCauseCounts().forEach((cause, count) -> {
                if (!(cause instanceof GitProviderCause)) {
                    for (int i = 0; i < count; i++) {
                        others.add(cause);
                    }
                }
            });
            others.add(GitProviderCause.of(kept.provider, Objects.requireNonNull(kept.getWebhookEvent())));
            item.replaceAction(new CauseAction(others));
        }
    }

    private PushCoalescer.Candidate candidate(WebhookEvent read) {
        return new PushCoalescer.Candidate(read, arrival, null);
    }

    /**
     * Tells whether two schedulings of the same job fold into one build: the same ref or pull request, as the core
     * keys them; events the core never coalesces (naming no ref) fold only with the very same change.
     */
    private boolean foldsWith(GitProviderEventAction other) {
        WebhookEvent mine = getWebhookEvent();
        WebhookEvent theirs = other.getWebhookEvent();
        if (mine == null || theirs == null) {
            return false;
        }
        Optional<PushCoalescer.Key> myKey = PushCoalescer.keyOf(SAME_JOB, mine);
        Optional<PushCoalescer.Key> theirKey = PushCoalescer.keyOf(SAME_JOB, theirs);
        if (myKey.isPresent() || theirKey.isPresent()) {
            return myKey.equals(theirKey);
        }
        // The same change delivered through two webhooks differs in its delivery id only.
        return provider.equals(other.provider)
                && mine.kind() == theirs.kind()
                && Objects.equals(mine.repository(), theirs.repository())
                && Objects.equals(mine.ref(), theirs.ref())
                && Objects.equals(mine.after(), theirs.after())
                && Objects.equals(mine.headCommit(), theirs.headCommit())
                && Objects.equals(mine.pullRequestNumber(), theirs.pullRequestNumber());
    }
}
