package io.jenkins.plugins.gitproviders.core.routing;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.PullRequestSource;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every job's subscriptions in maps keyed by repository, so routing one event looks at the jobs watching its
 * repository only: the cost is the same with ten or a hundred thousand jobs. Keys are indexed without their port and
 * compared with {@link RepositoryKey#sameRepository}, so a job naming {@code https://host:7990/...} is found by a
 * delivery whose host name carries no port.
 *
 * <p>Thread-safe. Reads take no lock: each repository's subscriptions are an immutable array replaced as a whole.
 * Changes are serialised; each is incremental (one job), so keeping the index current as jobs are created, renamed
 * or deleted never rebuilds it.
 */
public final class JobIndex {
    private static final Subscription[] NONE = new Subscription[0];
    private static final Comparator<Subscription> BY_JOB = Comparator.comparing(Subscription::jobId);

    private final Map<RepositoryKey, Subscription[]> byRepository = new ConcurrentHashMap<>();
    /** Guarded by {@code this}. */
    private final Map<String, List<Subscription>> byJob = new HashMap<>();
    private volatile int subscriptionCount;

    /** Replaces all of the job's subscriptions with this one. */
    public void put(Subscription subscription) {
        putAll(subscription.jobId(), List.of(subscription));
    }

    /**
     * Replaces all of the job's subscriptions with these; an empty collection removes the job.
     *
     * @throws IllegalArgumentException if a subscription belongs to another job
     */
    public synchronized void putAll(String jobId, Collection<Subscription> subscriptions) {
        for (Subscription subscription : subscriptions) {
            if (!subscription.jobId().equals(jobId)) {
                throw new IllegalArgumentException("A subscription of job '" + subscription.jobId()
                        + "' was given for job '" + jobId + "'");
            }
        }
        removeLocked(jobId);
        if (subscriptions.isEmpty()) {
            return;
        }
        List<Subscription> copy = List.copyOf(subscriptions);
        byJob.put(jobId, copy);
        for (Subscription subscription : copy) {
            byRepository.merge(subscription.repository().withoutPort(), new Subscription[] {subscription}, JobIndex::insert);
        }
        subscriptionCount += copy.size();
    }

    /** Forgets a job; returns whether it was indexed. */
    public synchronized boolean remove(String jobId) {
        return removeLocked(jobId);
    }

    /** Moves a job's subscriptions to its new identifier, replacing any the new identifier had. */
    public synchronized boolean rename(String oldId, String newId) {
        List<Subscription> subscriptions = byJob.get(oldId);
        if (subscriptions == null || oldId.equals(newId)) {
            return subscriptions != null;
        }
        removeLocked(oldId);
        putAll(newId, subscriptions.stream().map(s -> s.withJobId(newId)).toList());
        return true;
    }

    /** Returns the job's subscriptions, empty if it is not indexed. */
    public synchronized List<Subscription> subscriptionsOf(String jobId) {
        return byJob.getOrDefault(jobId, List.of());
    }

    /** Returns every job's subscriptions, by job name: what catching up after a gap compares with the hosts. */
    public synchronized List<Subscription> subscriptions() {
        return byJob.keySet().stream().sorted().flatMap(job -> byJob.get(job).stream()).toList();
    }

    /** Returns the number of subscriptions indexed. */
    public int size() {
        return subscriptionCount;
    }

    /** Returns the number of jobs indexed. */
    public synchronized int jobCount() {
        return byJob.size();
    }

    /**
     * Finds the jobs an event triggers. Jobs not watching the event's repository are not looked at and not
     * reported; those that watch it and are not triggered are reported with the reason.
     *
     * @param providerName the provider that received the delivery
     * @param event        the verified, parsed event
     */
    public RoutingResult route(String providerName, WebhookEvent event) {
        Optional<RepositoryKey> key = event.repositoryInfo().flatMap(RepositoryKey::of);
        return key.isPresent() ? route(key.get(), providerName, event) : RoutingResult.NONE;
    }

    /** Finds the jobs an event of the given repository triggers, as {@link #route(String, WebhookEvent)}. */
    public RoutingResult route(RepositoryKey repository, String providerName, WebhookEvent event) {
        Subscription[] watching = byRepository.getOrDefault(repository.withoutPort(), NONE);
        if (watching.length == 0) {
            return RoutingResult.NONE;
        }
        List<String> triggered = new ArrayList<>();
        List<RoutingResult.Skip> skipped = new ArrayList<>();
        int i = 0;
        while (i < watching.length) {
            // A job's subscriptions sit side by side (sorted by job); it is triggered if any of them matches.
            String job = watching[i].jobId();
            Reason firstReason = null;
            boolean matched = false;
            for (; i < watching.length && watching[i].jobId().equals(job); i++) {
                if (!matched) {
                    Reason reason = reason(watching[i], repository, providerName, event);
                    if (reason == null) {
                        matched = true;
                    } else if (firstReason == null) {
                        firstReason = reason;
                    }
                }
            }
            if (matched) {
                triggered.add(job);
            } else {
                Reason reason = Objects.requireNonNull(firstReason);
                skipped.add(new RoutingResult.Skip(job, reason.full(), reason.forHost()));
            }
        }
        return new RoutingResult(triggered, skipped);
    }

    /** Why a subscription does not match: in full for Jenkins, and as the host may read it. */
    private record Reason(String full, String forHost) {
        Reason(String both) {
            this(both, both);
        }
    }

    /** Explains why a subscription does not match an event, or returns {@code null} when it does. */
    @CheckForNull
    private static Reason reason(Subscription subscription, RepositoryKey repository, String providerName,
            WebhookEvent event) {
        EventKind kind = event.kind();
        if (!subscription.repository().sameRepository(repository)) {
            return new Reason("watches " + subscription.repository() + ", on another port than " + repository);
        }
        if (kind == EventKind.PING) {
            return new Reason("a ping triggers no job");
        }
        if (subscription.providerName() != null && !subscription.providerName().equals(providerName)) {
            // The host learns no other provider's name.
            return new Reason("watches provider '" + subscription.providerName() + "', not '" + providerName + "'",
                    "watches another provider");
        }
        String restriction = subscription.deniedProviders().get(providerName);
        if (restriction != null) {
            return new Reason("may not use provider '" + providerName + "': " + restriction + " leave the job out",
                    "may not use this provider");
        }
        if (!subscription.events().contains(kind)) {
            return new Reason("event " + describe(kind) + " is not selected");
        }
        if (kind.isPullRequest() && event.fromFork()) {
            String refusal = forkRejection(subscription.forkPullRequests(), event);
            if (refusal != null) {
                return new Reason(refusal);
            }
        }
        String refusal;
        if (kind.isTag()) {
            refusal = refRejection(subscription.tags(), event.shortRef().orElse(null), "tag");
        } else if (kind.isPullRequest()) {
            String target = event.targetBranch() != null ? event.targetBranch() : event.shortRef().orElse(null);
            refusal = refRejection(subscription.branches(), target, "target branch");
        } else {
            refusal = refRejection(subscription.branches(), event.shortRef().orElse(null), "branch");
        }
        return refusal == null ? null : new Reason(refusal);
    }

    /** Explains why a pull request from a fork is not built under the policy, or returns {@code null} if it is. */
    @CheckForNull
    private static String forkRejection(ForkPolicy policy, WebhookEvent event) {
        PullRequestSource source = event.pullRequestSource();
        String from = source == null || source.repository() == null ? "a fork the host does not name"
                : "the fork " + source.repository();
        String number = event.pullRequestNumber() == null ? "" : " #" + event.pullRequestNumber();
        switch (policy) {
            case ALWAYS:
                return null;
            case TRUSTED:
                if (source != null && source.authorTrusted()) {
                    return null;
                }
                return "pull request" + number + " comes from " + from + " and the host does not vouch for its"
                        + " author" + (source == null || source.authorRole() == null ? ""
                        : " (author association " + source.authorRole() + ")")
                        + "; the trigger builds pull requests from forks of trusted authors only"
                        + " (forkPullRequests: trusted)";
            default:
                return "pull request" + number + " comes from " + from + "; the trigger builds no pull request from"
                        + " a fork (forkPullRequests: never)";
        }
    }

    @CheckForNull
    private static String refRejection(RefFilter filter, @CheckForNull String name, String what) {
        if (filter.selectsAll()) {
            return null;
        }
        if (name == null) {
            return "the event names no " + what + " and the job selects " + what + "es by name";
        }
        return filter.rejection(name, what).orElse(null);
    }

    /** Returns an event kind in words: {@code PULL_REQUEST_OPENED} becomes "pull request opened". */
    public static String describe(EventKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private boolean removeLocked(String jobId) {
        List<Subscription> old = byJob.remove(jobId);
        if (old == null) {
            return false;
        }
        for (Subscription subscription : old) {
            byRepository.computeIfPresent(subscription.repository().withoutPort(), (key, current) -> without(current, jobId));
        }
        subscriptionCount -= old.size();
        return true;
    }

    private static Subscription[] insert(Subscription[] current, Subscription[] added) {
        Subscription[] merged = Arrays.copyOf(current, current.length + 1);
        // After the last subscription of the same or an earlier job: a job's subscriptions keep the order given.
        int position = current.length;
        while (position > 0 && BY_JOB.compare(current[position - 1], added[0]) > 0) {
            position--;
        }
        System.arraycopy(current, position, merged, position + 1, current.length - position);
        merged[position] = added[0];
        return merged;
    }

    @CheckForNull
    private static Subscription[] without(Subscription[] current, String jobId) {
        Subscription[] kept = Arrays.stream(current).filter(s -> !s.jobId().equals(jobId)).toArray(Subscription[]::new);
        return kept.length == 0 ? null : kept;
    }
}
