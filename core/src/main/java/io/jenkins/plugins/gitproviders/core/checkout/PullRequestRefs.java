package io.jenkins.plugins.gitproviders.core.checkout;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.Optional;

/**
 * Spells the ref each host publishes in the base repository for a pull (merge) request, which is what a build of the
 * pull request fetches: the host keeps it at the request's head, also for requests from forks.
 */
public final class PullRequestRefs {
    private PullRequestRefs() {}

    /**
     * Returns the published ref of a pull request: {@code refs/pull/<n>/head} (GitHub, Gitea),
     * {@code refs/merge-requests/<n>/head} (GitLab), {@code refs/pull-requests/<n>/from} (Bitbucket Data Center),
     * {@code refs/pull/<n>/merge} (Azure DevOps, which publishes the request merged into its target only); empty for
     * Bitbucket Cloud, which publishes none.
     */
    public static Optional<String> published(ProviderType type, int number) {
        return Optional.ofNullable(switch (type) {
            case GITHUB, GITHUB_ENTERPRISE, GITEA -> "refs/pull/" + number + "/head";
            case GITLAB, GITLAB_SELF_MANAGED -> "refs/merge-requests/" + number + "/head";
            case BITBUCKET_DATA_CENTER -> "refs/pull-requests/" + number + "/from";
            case AZURE_DEVOPS -> mergeRef(number);
            case BITBUCKET_CLOUD -> null;
        });
    }

    /** Tells whether the published ref holds the request merged into its target rather than its head. */
    public static boolean isMergeRef(ProviderType type) {
        return type == ProviderType.AZURE_DEVOPS;
    }

    private static String mergeRef(int number) {
        return "refs/pull/" + number + "/merge";
    }
}
