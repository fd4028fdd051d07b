package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.Objects;
import java.util.Optional;

/**
 * Describes one webhook delivery in the same terms for every host: what happened, to which repository and ref,
 * which commits, and who did it.
 *
 * @param hostType          the kind of host that sent it
 * @param kind              what happened
 * @param repository        the repository concerned ({@code null} only for a ping that names none)
 * @param ref               the full ref ({@code refs/heads/main}, {@code refs/tags/v1}); for a pull request, the host's
 *                          pull request ref ({@code refs/pull/N/head} on GitHub and Gitea,
 *                          {@code refs/merge-requests/N/head} on GitLab, {@code refs/pull-requests/N/from} on
 *                          Bitbucket Data Center, {@code refs/pull/N/merge} on Azure DevOps, which publishes no head
 *                          ref); Bitbucket Cloud publishes none, so there it is the source branch for a pull request
 *                          from the repository itself and {@code null} from a fork
 * @param before            the commit before the change (40 or 64 hex), when the host tells
 * @param after             the commit after the change, when the host tells
 * @param pullRequestNumber the pull or merge request number (GitLab: the iid), for pull request events
 * @param sourceBranch      the pull request's source branch (short name)
 * @param targetBranch      the pull request's target branch (short name)
 * @param headCommit        the commit to build: the pushed head, or the pull request's head
 * @param sender            the account that caused the event
 * @param deliveryId        the host's identifier of this delivery, when it sends one
 * @param pullRequestSource where a pull request's changes come from and whether the host trusts its author, for pull
 *                          request events ({@code null} otherwise, or when unknown, which counts as a fork)
 */
public record WebhookEvent(
        ProviderType hostType,
        EventKind kind,
        @CheckForNull RepositoryInfo repository,
        @CheckForNull String ref,
        @CheckForNull String before,
        @CheckForNull String after,
        @CheckForNull Integer pullRequestNumber,
        @CheckForNull String sourceBranch,
        @CheckForNull String targetBranch,
        @CheckForNull String headCommit,
        @CheckForNull String sender,
        @CheckForNull String deliveryId,
        @CheckForNull PullRequestSource pullRequestSource) {

    public WebhookEvent {
        Objects.requireNonNull(hostType, "hostType");
        Objects.requireNonNull(kind, "kind");
    }

    /** Creates an event without pull request source information (pushes, pings, events stored before it existed). */
    public WebhookEvent(
            ProviderType hostType,
            EventKind kind,
            @CheckForNull RepositoryInfo repository,
            @CheckForNull String ref,
            @CheckForNull String before,
            @CheckForNull String after,
            @CheckForNull Integer pullRequestNumber,
            @CheckForNull String sourceBranch,
            @CheckForNull String targetBranch,
            @CheckForNull String headCommit,
            @CheckForNull String sender,
            @CheckForNull String deliveryId) {
        this(hostType, kind, repository, ref, before, after, pullRequestNumber, sourceBranch, targetBranch, headCommit,
                sender, deliveryId, null);
    }

    /**
     * Tells whether a pull request event comes from a fork; an event that does not tell where it comes from counts as
     * one, so that an unknown origin is never treated as trusted.
     */
    public boolean fromFork() {
        return kind.isPullRequest() && (pullRequestSource == null || pullRequestSource.fork());
    }

    public Optional<RepositoryInfo> repositoryInfo() {
        return Optional.ofNullable(repository);
    }

    /** Returns the branch or tag name without its {@code refs/heads/} or {@code refs/tags/} prefix. */
    public Optional<String> shortRef() {
        if (ref == null) {
            return Optional.empty();
        }
        if (ref.startsWith("refs/heads/")) {
            return Optional.of(ref.substring("refs/heads/".length()));
        }
        if (ref.startsWith("refs/tags/")) {
            return Optional.of(ref.substring("refs/tags/".length()));
        }
        return Optional.of(ref);
    }
}
