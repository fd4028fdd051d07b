package io.jenkins.plugins.gitproviders.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.pipeline.CheckoutResult;
import io.jenkins.plugins.gitproviders.core.status.BuildState;
import io.jenkins.plugins.gitproviders.core.status.ResultMapping;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.PullRequestSource;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import org.junit.Test;

public class BuildTargetsTest {
    private static final String HEAD = "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd";
    private static final String OTHER = "4522cbcefc20728a5b72b3a86af35e608622c514";
    private static final ProviderSpec GITHUB = ProviderSpec.builder("github", ProviderType.GITHUB).build();
    private static final ProviderSpec GITLAB = ProviderSpec.builder("gitlab", ProviderType.GITLAB).build();

    @Test
    public void shouldTakeAPushsRepositoryCommitAndBranch() {
        WebhookEvent push = event(ProviderType.GITHUB, EventKind.BRANCH_PUSH, "acme/app", "refs/heads/main", null,
                HEAD, null, null, null);

        StatusTarget target = BuildTargets.ofEvent(GITHUB, push).orElseThrow();

        assertThat(target.repository()).containsExactly("acme", "app");
        assertThat(target.commit()).isEqualTo(HEAD);
        assertThat(target.ref()).isEqualTo("main");
        assertThat(target.pullRequest()).isNull();
    }

    @Test
    public void shouldTakeAPullRequestsHeadNumberSourceBranchAndForkProject() {
        WebhookEvent mergeRequest = new WebhookEvent(ProviderType.GITLAB, EventKind.PULL_REQUEST_OPENED,
                new RepositoryInfo("gitlab.com", "platform/app", null, null, null), "refs/merge-requests/5/head",
                null, null, 5, "fix", "main", HEAD, "jane", "d1",
                PullRequestSource.of("jane/app", "platform/app", false, null));

        StatusTarget target = BuildTargets.ofEvent(GITLAB, mergeRequest).orElseThrow();

        assertThat(target.repositoryPath()).isEqualTo("platform/app");
        assertThat(target.pullRequest()).isEqualTo(5);
        assertThat(target.ref()).isEqualTo("fix");
        assertThat(target.sourceRepository()).containsExactly("jane", "app");
    }

    @Test
    public void shouldKeepTheShortCommitOfABitbucketCloudPullRequestForTheCheckoutToResolve() {
        ProviderSpec bitbucket = ProviderSpec.builder("bb", ProviderType.BITBUCKET_CLOUD).build();
        WebhookEvent pr = event(ProviderType.BITBUCKET_CLOUD, EventKind.PULL_REQUEST_UPDATED, "team/app", null, 3,
                null, HEAD.substring(0, 12), "feature", null);

        StatusTarget target = BuildTargets.ofEvent(bitbucket, pr).orElseThrow();

        assertThat(target.commit()).isEqualTo(HEAD.substring(0, 12));
        assertThat(target.hasFullCommit()).isFalse();
    }

    @Test
    public void shouldFindNothingForADeletedBranchAPingOrAPathTheHostRefuses() {
        WebhookEvent deleted = event(ProviderType.GITHUB, EventKind.BRANCH_DELETED, "acme/app", "refs/heads/old",
                null, "0000000000000000000000000000000000000000", null, null, null);
        WebhookEvent ping = new WebhookEvent(ProviderType.GITHUB, EventKind.PING, null, null, null, null, null, null,
                null, null, null, null);
        WebhookEvent nested = event(ProviderType.GITHUB, EventKind.BRANCH_PUSH, "acme/group/app", "refs/heads/main",
                null, HEAD, null, null, null);

        assertThat(BuildTargets.ofEvent(GITHUB, deleted)).isEmpty();
        assertThat(BuildTargets.ofEvent(GITHUB, ping)).isEmpty();
        assertThat(BuildTargets.ofEvent(GITHUB, nested)).isEmpty();
    }

    @Test
    public void shouldTakeTheFullCommitTheCheckoutResolvedWithItsBranchOrPullRequest() {
        CheckoutResult branch = new CheckoutResult("github", "acme/app", "https://github.com/acme/app.git", HEAD,
                "main", null, null);
        CheckoutResult pr = new CheckoutResult("github", "acme/app", "https://github.com/acme/app.git", OTHER,
                null, null, "PR-12");

        StatusTarget onBranch = BuildTargets.ofCheckout(GITHUB, branch, null);
        StatusTarget onPr = BuildTargets.ofCheckout(GITHUB, pr, null);

        assertThat(onBranch.commit()).isEqualTo(HEAD);
        assertThat(onBranch.ref()).isEqualTo("main");
        assertThat(onPr.pullRequest()).isEqualTo(12);
        assertThat(onPr.ref()).isNull();
    }

    @Test
    public void shouldAddTheEventsForkAndSourceBranchWhenTheCheckoutBuiltThatPullRequest() {
        WebhookEvent mergeRequest = new WebhookEvent(ProviderType.GITLAB, EventKind.PULL_REQUEST_UPDATED,
                new RepositoryInfo("gitlab.com", "platform/app", null, null, null), "refs/merge-requests/5/head",
                null, null, 5, "fix", "main", HEAD, "jane", "d1",
                PullRequestSource.of("jane/app", "platform/app", false, null));
        CheckoutResult checkout = new CheckoutResult("gitlab", "platform/app", "https://gitlab.com/platform/app.git",
                OTHER, null, null, "PR-5");
        CheckoutResult elsewhere = new CheckoutResult("gitlab", "platform/tools",
                "https://gitlab.com/platform/tools.git", OTHER, null, null, "PR-5");

        StatusTarget target = BuildTargets.ofCheckout(GITLAB, checkout, mergeRequest);

        assertThat(target.commit()).isEqualTo(OTHER);
        assertThat(target.ref()).isEqualTo("fix");
        assertThat(target.sourceRepository()).containsExactly("jane", "app");
        assertThat(BuildTargets.ofCheckout(GITLAB, elsewhere, mergeRequest).sourceRepository()).isEmpty();
    }

    @Test
    public void shouldReadTheUnstableStateOrRefuseAStateThatDoesNotEndABuild() {
        assertThat(BuildTargets.mapping(null)).isEqualTo(ResultMapping.DEFAULT);
        assertThat(BuildTargets.mapping(" ")).isEqualTo(ResultMapping.DEFAULT);
        assertThat(BuildTargets.mapping("Success").unstable()).isEqualTo(BuildState.SUCCESS);
        assertThatThrownBy(() -> BuildTargets.mapping("pending"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not as pending");
        assertThatThrownBy(() -> BuildTargets.mapping("green"))
                .hasMessage("'green' is not a state for unstable builds: use success, failure, error or aborted.");
    }

    static WebhookEvent event(ProviderType type, EventKind kind, String repository, String ref, Integer pr,
            String after, String head, String sourceBranch, PullRequestSource source) {
        return new WebhookEvent(type, kind, new RepositoryInfo("host", repository, null, null, null), ref, null,
                after, pr, sourceBranch, null, head, "jane", "delivery", source);
    }
}
