package io.jenkins.plugins.gitproviders.core.routing;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * States that a job wants to be triggered by some events of one repository.
 *
 * @param jobId        the job's stable identifier (its full name in Jenkins)
 * @param providerName the provider whose deliveries count, or {@code null} for any provider
 * @param repository   the repository watched
 * @param branches     the branches whose pushes (and, for pull requests, whose target branch) trigger the job
 * @param tags         the tags whose pushes trigger the job
 * @param events       the kinds of events that trigger the job; empty means every kind
 * @param forkPullRequests which pull requests from forks trigger the job ({@code null} means {@link ForkPolicy#NEVER})
 * @param deniedProviders the providers the job may not use, by name, each with the restriction that refuses it (the
 *                        provider's allowed jobs, or a folder's list of providers): their deliveries never trigger it,
 *                        even when it watches any provider
 */
public record Subscription(
        String jobId,
        @CheckForNull String providerName,
        RepositoryKey repository,
        RefFilter branches,
        RefFilter tags,
        Set<EventKind> events,
        ForkPolicy forkPullRequests,
        Map<String, String> deniedProviders) {

    public Subscription {
        Objects.requireNonNull(jobId, "jobId");
        if (jobId.isBlank()) {
            throw new IllegalArgumentException("A subscription needs the job's identifier");
        }
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(branches, "branches");
        Objects.requireNonNull(tags, "tags");
        providerName = providerName == null || providerName.isBlank() ? null : providerName.strip();
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        kinds.addAll(Objects.requireNonNull(events, "events"));
        events = Collections.unmodifiableSet(kinds.isEmpty() ? EnumSet.allOf(EventKind.class) : kinds);
        forkPullRequests = forkPullRequests == null ? ForkPolicy.NEVER : forkPullRequests;
        deniedProviders = deniedProviders == null ? Map.of() : Map.copyOf(deniedProviders);
    }

    /** Creates a subscription of a job that may use every provider. */
    public Subscription(String jobId, @CheckForNull String providerName, RepositoryKey repository, RefFilter branches,
            RefFilter tags, Set<EventKind> events, ForkPolicy forkPullRequests) {
        this(jobId, providerName, repository, branches, tags, events, forkPullRequests, Map.of());
    }

    /** Creates a subscription that builds no pull request from a fork. */
    public Subscription(String jobId, @CheckForNull String providerName, RepositoryKey repository, RefFilter branches,
            RefFilter tags, Set<EventKind> events) {
        this(jobId, providerName, repository, branches, tags, events, ForkPolicy.NEVER);
    }

    /** Subscribes a job to every event of a repository, from any provider. */
    public static Subscription all(String jobId, RepositoryKey repository) {
        return new Subscription(jobId, null, repository, RefFilter.ALL, RefFilter.ALL, Set.of(), ForkPolicy.NEVER);
    }

    /** Returns this subscription for a job of another identifier (after a rename). */
    public Subscription withJobId(String newJobId) {
        return new Subscription(newJobId, providerName, repository, branches, tags, events, forkPullRequests,
                deniedProviders);
    }

    /**
     * Returns this subscription for a job that may not use the named providers (and may use every other one).
     *
     * @param denied the providers' names, each with the restriction that refuses it
     */
    public Subscription withDeniedProviders(Map<String, String> denied) {
        return new Subscription(jobId, providerName, repository, branches, tags, events, forkPullRequests, denied);
    }
}
