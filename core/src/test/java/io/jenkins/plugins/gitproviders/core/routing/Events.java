package io.jenkins.plugins.gitproviders.core.routing;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.PullRequestSource;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;

/** Builds normalised events for routing tests. */
final class Events {
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private Events() {}

    static WebhookEvent push(String host, String path, String branch) {
        return event(host, path, EventKind.BRANCH_PUSH, "refs/heads/" + branch, null);
    }

    static WebhookEvent tag(String host, String path, String tag) {
        return event(host, path, EventKind.TAG_PUSH, "refs/tags/" + tag, null);
    }

    /** A pull request from a branch of the repository itself. */
    static WebhookEvent pullRequest(String host, String path, String source, String target) {
        return pullRequest(host, path, source, target, PullRequestSource.sameRepository(path));
    }

    /** A pull request from the given source; {@code null} is one whose origin the host does not tell. */
    static WebhookEvent pullRequest(String host, String path, String source, String target,
            @CheckForNull PullRequestSource origin) {
        return new WebhookEvent(ProviderType.GITHUB, EventKind.PULL_REQUEST_OPENED,
                new RepositoryInfo(host, path, null, null, null), "refs/pull/7/head", null, COMMIT, 7, source, target,
                COMMIT, "octocat", "delivery-1", origin);
    }

    static WebhookEvent event(String host, String path, EventKind kind, @CheckForNull String ref,
            @CheckForNull String target) {
        return new WebhookEvent(ProviderType.GITHUB, kind, new RepositoryInfo(host, path, null, null, null), ref,
                null, COMMIT, kind.isPullRequest() ? 7 : null, null, target, COMMIT, "octocat", "delivery-1");
    }
}
