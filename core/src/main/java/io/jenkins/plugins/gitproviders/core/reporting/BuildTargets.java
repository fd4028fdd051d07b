package io.jenkins.plugins.gitproviders.core.reporting;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.checkout.RepositoryReference;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.pipeline.CheckoutResult;
import io.jenkins.plugins.gitproviders.core.status.BuildState;
import io.jenkins.plugins.gitproviders.core.status.ResultMapping;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import io.jenkins.plugins.gitproviders.core.webhook.EventEnvironment;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the commit a build reports to: the one its webhook event announced, and the one each checkout resolved, with
 * what each host needs beside it (the branch, the pull request, a GitLab merge request's source project).
 */
public final class BuildTargets {
    private static final String PULL_REQUEST_PREFIX = "PR-";

    private BuildTargets() {}

    /**
     * Returns the commit a webhook event announced, or empty when the event names no repository or commit (a deleted
     * branch, a ping) or names them in a form the provider does not take. The commit may be abbreviated (Bitbucket
     * Cloud pull request events carry 12 characters): such a target is reported only through the full id a checkout
     * resolves ({@link FinalStatuses}).
     */
    public static Optional<StatusTarget> ofEvent(ProviderSpec provider, WebhookEvent event) {
        Optional<String> commit = EventEnvironment.commit(event);
        if (event.repository() == null || commit.isEmpty()) {
            return Optional.empty();
        }
        try {
            StatusTarget target = new StatusTarget(path(provider, event.repository().fullPath()), commit.get(),
                    refOf(event), event.kind().isPullRequest() ? event.pullRequestNumber() : null, List.of());
            return Optional.of(withFork(provider, target, event));
        } catch (IllegalArgumentException e) {
            // A path or commit the host would refuse: nothing sensible to report to.
            return Optional.empty();
        }
    }

    /**
     * Returns the commit a checkout resolved (always a full id). When the checkout built the build's webhook event
     * ({@code gitProviderCheckout()} without a repository), the event adds the pull request's source branch and, for a
     * merge request from a fork, its source project.
     *
     * @param event the webhook event the checkout built, or {@code null} when it checked out a named repository
     * @throws IllegalArgumentException when the result's repository or commit is malformed
     */
    public static StatusTarget ofCheckout(ProviderSpec provider, CheckoutResult result,
            @CheckForNull WebhookEvent event) {
        Integer pullRequest = pullRequestNumber(result.pullRequest());
        String ref = result.branch() != null ? result.branch() : result.tag();
        StatusTarget target = new StatusTarget(path(provider, result.repository()), result.commit(), ref,
                pullRequest, List.of());
        if (event == null || event.repository() == null || !event.kind().isPullRequest()
                || !samePath(provider, event.repository(), target)) {
            return target;
        }
        StatusTarget withBranch = ref == null && event.sourceBranch() != null
                ? target.withRef(event.sourceBranch()) : target;
        return withFork(provider, withBranch, event);
    }

    /**
     * Reads the state an unstable build reports, as a trigger or step option gives it ({@code success},
     * {@code failure}...); blank means {@link ResultMapping#DEFAULT} (failure).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ResultMapping mapping(@CheckForNull String unstable) {
        if (unstable == null || unstable.isBlank()) {
            return ResultMapping.DEFAULT;
        }
        BuildState state;
        try {
            state = BuildState.parse(unstable);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + unstable.strip() + "' is not a state for unstable builds: use"
                    + " success, failure, error or aborted.");
        }
        return new ResultMapping(state);
    }

    private static List<String> path(ProviderSpec provider, String repository) {
        return RepositoryReference.parse(provider, repository).segments();
    }

    @CheckForNull
    private static String refOf(WebhookEvent event) {
        if (event.kind().isPullRequest()) {
            return event.sourceBranch();
        }
        String ref = event.ref();
        return ref != null && (ref.startsWith("refs/heads/") || ref.startsWith("refs/tags/"))
                ? event.shortRef().orElse(null) : null;
    }

    /** Adds a merge request's source project when it is a fork (GitLab keeps the commit's statuses there). */
    private static StatusTarget withFork(ProviderSpec provider, StatusTarget target, WebhookEvent event) {
        if (!event.fromFork() || event.pullRequestSource() == null
                || event.pullRequestSource().repository() == null) {
            return target;
        }
        try {
            return target.withSourceRepository(provider, event.pullRequestSource().repository());
        } catch (IllegalArgumentException e) {
            // A fork outside the provider's scope or in a form it does not take: report to the target repository.
            return target;
        }
    }

    private static boolean samePath(ProviderSpec provider, RepositoryInfo repository, StatusTarget target) {
        try {
            return String.join("/", path(provider, repository.fullPath())).toLowerCase(Locale.ROOT)
                    .equals(target.repositoryPath().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @CheckForNull
    private static Integer pullRequestNumber(@CheckForNull String pullRequest) {
        if (pullRequest == null || !pullRequest.startsWith(PULL_REQUEST_PREFIX)) {
            return null;
        }
        try {
            return Integer.valueOf(pullRequest.substring(PULL_REQUEST_PREFIX.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
