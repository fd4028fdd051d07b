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
 * @param ref               the full ref ({@code refs/heads/main}, {@code refs/tags/v1}); for a pull request, the source branch ref
 * @param before            the commit before the change (40 or 64 hex), when the host tells
 * @param after             the commit after the change, when the host tells
 * @param pullRequestNumber the pull or merge request number (GitLab: the iid), for pull request events
 * @param sourceBranch      the pull request's source branch (short name)
 * @param targetBranch      the pull request's target branch (short name)
 * @param headCommit        the commit to build: the pushed head, or the pull request's head
 * @param sender            the account that caused the event
 * @param deliveryId        the host's identifier of this delivery, when it sends one
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
        @CheckForNull String deliveryId) {

    public WebhookEvent {
        Objects.requireNonNull(hostType, "hostType");
        Objects.requireNonNull(kind, "kind");
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
