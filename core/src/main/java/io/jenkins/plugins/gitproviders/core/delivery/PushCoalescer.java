package io.jenkins.plugins.gitproviders.core.delivery;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.webhook.EventEnvironment;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Folds a push storm into one waiting build per job and ref, the newest event winning: 10,000 pushes to one branch
 * while its job waits in the queue make one queue item, which builds the last commit. Pure; the plugin applies it in
 * the build queue (a second scheduling with the same {@link #keyOf key} is folded into the waiting item, whose event
 * is replaced when {@link #shouldReplace} says so).
 *
 * <p>Which event is newer, in order of evidence: the host's own history (the incoming push's {@code before} is the
 * waiting one's {@code after}, or the reverse when deliveries overtook each other); then a host sequence or timestamp
 * when the host sends one; then the order in which Jenkins accepted them (the journal's sequence numbers, which also
 * order deliveries replayed after a restart).
 */
public final class PushCoalescer {
    private PushCoalescer() {}

    /**
     * Identifies the waiting build an event may be folded into.
     *
     * @param job        the job's full name
     * @param repository the repository's key without port (or the event's host and path when it has no key)
     * @param ref        the full ref, or {@code pull/<number>} for every event of one pull request
     */
    public record Key(String job, String repository, String ref) {}

    /**
     * Describes a scheduling: its event and what orders it.
     *
     * @param event        the event
     * @param arrival      the order in which Jenkins accepted the delivery (increasing)
     * @param hostSequence a sequence or timestamp the host gave the event, comparable between events of one
     *                     repository, or {@code null} when the host gives none
     */
    public record Candidate(WebhookEvent event, long arrival, @CheckForNull Long hostSequence) {
        public Candidate {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * Returns the key under which a job's scheduling for an event is coalesced, or empty for events that are never
     * coalesced (a ping, an event naming no ref or pull request).
     */
    public static Optional<Key> keyOf(String job, WebhookEvent event) {
        Optional<RepositoryInfo> info = event.repositoryInfo();
        if (info.isEmpty()) {
            return Optional.empty();
        }
        String repository = RepositoryKey.of(info.get()).map(key -> key.withoutPort().toString())
                .orElseGet(() -> (info.get().host() + "/" + info.get().fullPath()).toLowerCase(Locale.ROOT));
        if (event.kind().isPullRequest()) {
            return event.pullRequestNumber() == null ? Optional.empty()
                    : Optional.of(new Key(job, repository, "pull/" + event.pullRequestNumber()));
        }
        if (event.ref() == null || !(event.kind().isBranch() || event.kind().isTag())) {
            return Optional.empty();
        }
        return Optional.of(new Key(job, repository, event.ref()));
    }

    /**
     * Tells whether an incoming scheduling should replace the waiting one of the same key: whether its event is
     * newer. An incoming event for the very change already waiting replaces nothing.
     */
    public static boolean shouldReplace(Candidate waiting, Candidate incoming) {
        WebhookEvent old = waiting.event();
        WebhookEvent neu = incoming.event();
        String oldCommit = commit(old);
        String newCommit = commit(neu);
        if (oldCommit != null && oldCommit.equals(newCommit) && old.kind() == neu.kind()) {
            return false;
        }
        if (oldCommit != null && oldCommit.equals(normalized(neu.before()))) {
            return true;
        }
        if (newCommit != null && newCommit.equals(normalized(old.before()))) {
            return false;
        }
        if (waiting.hostSequence() != null && incoming.hostSequence() != null
                && !waiting.hostSequence().equals(incoming.hostSequence())) {
            return incoming.hostSequence() > waiting.hostSequence();
        }
        return incoming.arrival() > waiting.arrival();
    }

    /** Returns the newer of two schedulings of the same key (see {@link #shouldReplace}). */
    public static Candidate newer(Candidate waiting, Candidate incoming) {
        return shouldReplace(waiting, incoming) ? incoming : waiting;
    }

    @CheckForNull
    private static String commit(WebhookEvent event) {
        return EventEnvironment.commit(event).map(PushCoalescer::normalized).orElse(null);
    }

    @CheckForNull
    private static String normalized(@CheckForNull String commit) {
        if (commit == null || commit.isBlank() || commit.chars().allMatch(c -> c == '0')) {
            return null;
        }
        return commit.strip().toLowerCase(Locale.ROOT);
    }
}
