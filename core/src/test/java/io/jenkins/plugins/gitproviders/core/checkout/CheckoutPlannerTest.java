package io.jenkins.plugins.gitproviders.core.checkout;

import static io.jenkins.plugins.gitproviders.core.checkout.Providers.AZURE_DEVOPS;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.BITBUCKET_CLOUD;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.BITBUCKET_DATA_CENTER;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITEA;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITHUB;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITHUB_ENTERPRISE;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITLAB;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITLAB_SELF_MANAGED;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.withSsh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.util.Set;
import org.junit.Test;

public class CheckoutPlannerTest {
    private static final String SHA = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    private final CheckoutPlanner planner = new CheckoutPlanner();

    @Test
    public void shouldCloneOverHttpsInEachHostsLayout() {
        assertThat(url(GITHUB, "acme/payments")).isEqualTo("https://github.com/acme/payments.git");
        assertThat(url(GITHUB_ENTERPRISE, "acme/payments")).isEqualTo("https://ghe.example.com/acme/payments.git");
        assertThat(url(GITLAB, "platform/infra/tools")).isEqualTo("https://gitlab.com/platform/infra/tools.git");
        assertThat(url(GITLAB_SELF_MANAGED, "platform/infra/tools"))
                .isEqualTo("https://example.com/gitlab/platform/infra/tools.git");
        assertThat(url(BITBUCKET_CLOUD, "acme/payments")).isEqualTo("https://bitbucket.org/acme/payments.git");
        assertThat(url(BITBUCKET_DATA_CENTER, "PROJ/payments"))
                .isEqualTo("https://bitbucket.example.com/scm/proj/payments.git");
        assertThat(url(AZURE_DEVOPS, "Fabrikam Fiber/payments"))
                .isEqualTo("https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_git/payments");
        assertThat(url(GITEA, "infra/payments")).isEqualTo("https://gitea.example.com/infra/payments.git");
    }

    @Test
    public void shouldCloneOverSshWhenTheProviderHasAnSshKey() {
        assertThat(url(withSsh(GITHUB), "acme/payments")).isEqualTo("git@github.com:acme/payments.git");
        assertThat(url(withSsh(GITHUB_ENTERPRISE), "acme/payments")).isEqualTo("git@ghe.example.com:acme/payments.git");
        assertThat(url(withSsh(GITLAB_SELF_MANAGED), "platform/infra/tools"))
                .isEqualTo("git@example.com:platform/infra/tools.git");
        assertThat(url(withSsh(BITBUCKET_CLOUD), "acme/payments")).isEqualTo("git@bitbucket.org:acme/payments.git");
        assertThat(url(withSsh(BITBUCKET_DATA_CENTER), "PROJ/payments"))
                .isEqualTo("ssh://git@bitbucket.example.com:7999/proj/payments.git");
        assertThat(url(withSsh(AZURE_DEVOPS), "Fabrikam Fiber/payments"))
                .isEqualTo("git@ssh.dev.azure.com:v3/fabrikam/Fabrikam%20Fiber/payments");
        assertThat(url(withSsh(GITEA), "infra/payments")).isEqualTo("git@gitea.example.com:infra/payments.git");

        ProviderSpec azureServer = withSsh(AZURE_DEVOPS.toBuilder().serverUrl("https://tfs.example.com/tfs").build());
        assertThat(url(azureServer, "Fiber/payments")).isEqualTo("ssh://tfs.example.com:22/fabrikam/Fiber/_git/payments");
    }

    @Test
    public void shouldUseTheCredentialOfTheTransportAndNeverPutItInTheUrl() {
        // Given a provider with a user name and a token credential, when planned over HTTPS
        CheckoutPlan https = planner.plan(BITBUCKET_CLOUD, "acme/payments", null, null);
        // Then the URL has no user information and the API credential is used
        assertThat(https.cloneUrl()).doesNotContain("@").doesNotContain("ci-bot");
        assertThat(https.transport()).isEqualTo(Transport.HTTPS);
        assertThat(https.credentialsId()).isEqualTo("bb-app-password");

        CheckoutPlan ssh = planner.plan(withSsh(BITBUCKET_CLOUD), "acme/payments", null, null);
        assertThat(ssh.transport()).isEqualTo(Transport.SSH);
        assertThat(ssh.credentialsId()).isEqualTo("ssh-key");

        ProviderSpec anonymous = GITHUB.toBuilder().credentialsId(null).build();
        assertThat(planner.plan(anonymous, "acme/payments", null, null).credentialsId()).isNull();
    }

    @Test
    public void shouldFetchABranchATagOrACommit() {
        CheckoutPlan branch = planner.plan(GITHUB, "acme/payments", "refs/heads/release/1.x", null);
        assertThat(branch.refspecs()).containsExactly("+refs/heads/release/1.x:refs/remotes/origin/release/1.x");
        assertThat(branch.target()).isEqualTo(new CheckoutTarget(CheckoutTarget.Kind.BRANCH, "release/1.x",
                "refs/remotes/origin/release/1.x", null));
        assertThat(branch.branch()).contains("release/1.x");
        assertThat(branch.needsRemoteLookup()).isFalse();

        CheckoutPlan tag = planner.plan(GITLAB, "platform/infra/tools", "refs/tags/v2.3.1", 1);
        assertThat(tag.refspecs()).containsExactly("+refs/tags/v2.3.1:refs/tags/v2.3.1");
        assertThat(tag.target().checkoutRef()).isEqualTo("refs/tags/v2.3.1");
        assertThat(tag.tag()).contains("v2.3.1");
        assertThat(tag.depth()).isEqualTo(1);

        CheckoutPlan commit = planner.plan(GITEA, "infra/payments", SHA.toUpperCase(), null);
        assertThat(commit.refspecs()).containsExactly(SHA);
        assertThat(commit.target()).isEqualTo(new CheckoutTarget(CheckoutTarget.Kind.COMMIT, SHA, SHA, SHA));
        assertThat(commit.branch()).isEmpty();
    }

    @Test
    public void shouldFetchEachHostsPullRequestRef() {
        assertThat(prRefspec(GITHUB, "acme/payments")).isEqualTo("+refs/pull/12/head:refs/remotes/origin/PR-12");
        assertThat(prRefspec(GITHUB_ENTERPRISE, "acme/payments")).isEqualTo("+refs/pull/12/head:refs/remotes/origin/PR-12");
        assertThat(prRefspec(GITEA, "infra/payments")).isEqualTo("+refs/pull/12/head:refs/remotes/origin/PR-12");
        assertThat(prRefspec(GITLAB, "platform/tools"))
                .isEqualTo("+refs/merge-requests/12/head:refs/remotes/origin/PR-12");
        assertThat(prRefspec(GITLAB_SELF_MANAGED, "platform/tools"))
                .isEqualTo("+refs/merge-requests/12/head:refs/remotes/origin/PR-12");
        assertThat(prRefspec(BITBUCKET_DATA_CENTER, "PROJ/payments"))
                .isEqualTo("+refs/pull-requests/12/from:refs/remotes/origin/PR-12");
        assertThat(prRefspec(AZURE_DEVOPS, "Fiber/payments")).isEqualTo("+refs/pull/12/merge:refs/remotes/origin/PR-12");

        CheckoutPlan plan = planner.plan(GITHUB, "acme/payments", "PR-12", null);
        assertThat(plan.target()).isEqualTo(new CheckoutTarget(CheckoutTarget.Kind.PULL_REQUEST, "PR-12",
                "refs/remotes/origin/PR-12", null));
    }

    @Test
    public void shouldNeedTheSourceBranchForABitbucketCloudPullRequest() {
        assertThatThrownBy(() -> planner.plan(BITBUCKET_CLOUD, "acme/payments", "PR-12", null))
                .isInstanceOf(CheckoutException.class)
                .hasMessage("Bitbucket Cloud publishes no pull request refs, so PR-12 cannot be fetched by number:"
                        + " give its source branch as ref, or run the step in a build started by the pull request's"
                        + " webhook.");

        CheckoutPlan plan = planner.plan(BITBUCKET_CLOUD, "acme/payments", "PR-12", null, "feature/login");
        assertThat(plan.refspecs()).containsExactly("+refs/heads/feature/login:refs/remotes/origin/PR-12");
        assertThat(plan.target().checkoutRef()).isEqualTo("refs/remotes/origin/PR-12");
        assertThat(plan.warnings()).containsExactly("Bitbucket Cloud publishes no pull request refs: PR-12 is checked"
                + " out from its source branch 'feature/login'.");

        assertThatThrownBy(() -> planner.plan(BITBUCKET_CLOUD, "acme/payments", "PR-12", null, "a..b"))
                .hasMessage("The source branch 'a..b' of PR-12 is not a valid Git ref: it contains '..'.");
    }

    @Test
    public void shouldAskTheRemoteForItsDefaultBranch() {
        // Given no ref
        CheckoutPlan plan = planner.plan(GITHUB, "acme/payments", null, null);
        // Then the plan asks the remote for HEAD before fetching anything
        assertThat(plan.needsRemoteLookup()).isTrue();
        assertThat(plan.remoteLookupRefs()).containsExactly("HEAD");
        assertThat(plan.refspecs()).isEmpty();

        // When the remote says HEAD is refs/heads/trunk
        CheckoutPlan resolved = plan.resolve(RemoteRefs.fromLsRemote(
                "ref: refs/heads/trunk\tHEAD\n" + SHA + "\tHEAD\n"));
        // Then that branch is fetched and checked out
        assertThat(resolved.needsRemoteLookup()).isFalse();
        assertThat(resolved.refspecs()).containsExactly("+refs/heads/trunk:refs/remotes/origin/trunk");
        assertThat(resolved.branch()).contains("trunk");
        assertThat(resolved.remoteLookupRefs()).isEmpty();

        assertThatThrownBy(() -> plan.resolve(new RemoteRefs(null, Set.of())))
                .hasMessage("Repository 'acme/payments' on provider 'GitHub' has no default branch (it may be empty):"
                        + " give a ref.");
        assertThatThrownBy(() -> plan.resolve(new RemoteRefs("refs/heads/a..b", Set.of())))
                .hasMessage("The default branch of repository 'acme/payments' has a name git refuses: give a ref.");
    }

    @Test
    public void shouldPreferTheTagOverTheBranchAsGitRevParseDoes() {
        CheckoutPlan plan = planner.plan(GITHUB, "acme/payments", "v2", null);
        assertThat(plan.target().kind()).isEqualTo(CheckoutTarget.Kind.BRANCH_OR_TAG);
        assertThat(plan.remoteLookupRefs()).containsExactly("refs/tags/v2", "refs/heads/v2");

        CheckoutPlan both = plan.resolve(new RemoteRefs("refs/heads/main", Set.of("refs/tags/v2", "refs/heads/v2")));
        assertThat(both.tag()).contains("v2");
        assertThat(both.refspecs()).containsExactly("+refs/tags/v2:refs/tags/v2");
        assertThat(both.warnings()).containsExactly("Both a tag and a branch named 'v2' exist; checking out the tag,"
                + " as git does. Give ref 'refs/heads/v2' for the branch.");

        CheckoutPlan branchOnly = plan.resolve(new RemoteRefs(null, Set.of("refs/heads/v2")));
        assertThat(branchOnly.branch()).contains("v2");
        assertThat(branchOnly.refspecs()).containsExactly("+refs/heads/v2:refs/remotes/origin/v2");
        assertThat(branchOnly.warnings()).isEmpty();

        assertThatThrownBy(() -> plan.resolve(new RemoteRefs(null, Set.of("refs/heads/v22"))))
                .hasMessage("Neither a tag nor a branch named 'v2' exists in repository 'acme/payments' on provider"
                        + " 'GitHub'.");
        CheckoutPlan abbreviated = planner.plan(GITHUB, "acme/payments", "9fceb02", null);
        assertThatThrownBy(() -> abbreviated.resolve(new RemoteRefs(null, Set.of())))
                .hasMessageEndingWith(" An abbreviated commit id cannot be fetched: give the full 40-character id.");
    }

    @Test
    public void shouldValidateTheDepth() {
        assertThat(planner.plan(GITHUB, "acme/payments", "main", 5).depth()).isEqualTo(5);
        assertThat(planner.plan(GITHUB, "acme/payments", "main", null).depth()).isNull();
        assertThatThrownBy(() -> planner.plan(GITHUB, "acme/payments", "main", 0))
                .hasMessage("depth must be a positive number of commits (1 fetches only the latest), or left out for"
                        + " the full history; got 0.");
        assertThatThrownBy(() -> planner.plan(GITHUB, "acme/payments", "main", -3)).hasMessageEndingWith("got -3.");
    }

    @Test
    public void shouldRefuseARepositoryOutsideTheScope() {
        assertThatThrownBy(() -> planner.plan(GITLAB, "other/tools", "main", null))
                .isInstanceOf(CheckoutException.class)
                .hasMessage("Repository 'other/tools' is outside the scope 'platform' of provider 'Team GitLab', so"
                        + " the provider refuses it: it serves only repositories in platform. Use a provider whose"
                        + " scope contains the repository, or ask an administrator to tick 'Allow repositories"
                        + " outside the scope' on provider 'Team GitLab'.");
    }

    @Test
    public void shouldCarryTheScopeWarningIntoThePlanWhenTheProviderAllowsOutsideRepositories() {
        ProviderSpec open = GITLAB.toBuilder().allowOutsideScope(true).build();

        CheckoutPlan plan = planner.plan(open, "other/tools", "main", null);

        assertThat(plan.warnings()).containsExactly("Repository 'other/tools' is outside the scope 'platform' of"
                + " provider 'Team GitLab'; it is checked out because the provider allows repositories outside its"
                + " scope.");
        assertThat(plan.cloneUrl()).isEqualTo("https://gitlab.com/other/tools.git");
    }

    @Test
    public void shouldRebuildUrlsGivenAsRepository() {
        // Given an SSH URL and an HTTPS provider, then the plan clones over the provider's own transport
        CheckoutPlan plan = planner.plan(GITHUB, "git@github.com:acme/payments.git", "main", null);
        assertThat(plan.cloneUrl()).isEqualTo("https://github.com/acme/payments.git");
        assertThat(plan.repository()).isEqualTo("acme/payments");
    }

    @Test
    public void shouldPlanTheCommitOfAPushEvent() {
        WebhookEvent push = event(ProviderType.GITHUB, EventKind.BRANCH_PUSH, "github.com", "acme/payments",
                "refs/heads/main", null, null, SHA);
        CheckoutPlan plan = planner.planForEvent(GITHUB, push, 1);
        assertThat(plan.cloneUrl()).isEqualTo("https://github.com/acme/payments.git");
        // Only the ref is fetched, never the payload's commit by id; the commit is recorded to compare (#10)
        assertThat(plan.refspecs()).containsExactly("+refs/heads/main:refs/remotes/origin/main");
        assertThat(plan.target()).isEqualTo(new CheckoutTarget(CheckoutTarget.Kind.BRANCH, "main",
                "refs/remotes/origin/main", null, SHA));
        assertThat(plan.branch()).contains("main");
        assertThat(plan.depth()).isEqualTo(1);
        assertThat(plan.needsRemoteLookup()).isFalse();
    }

    @Test
    public void shouldPlanTagAndPullRequestEvents() {
        WebhookEvent tag = event(ProviderType.GITLAB, EventKind.TAG_PUSH, "gitlab.com", "platform/infra/tools",
                "refs/tags/v2.3.1", null, null, SHA);
        CheckoutPlan tagPlan = planner.planForEvent(GITLAB, tag);
        assertThat(tagPlan.refspecs()).containsExactly("+refs/tags/v2.3.1:refs/tags/v2.3.1");
        assertThat(tagPlan.tag()).contains("v2.3.1");

        WebhookEvent mergeRequest = event(ProviderType.GITLAB_SELF_MANAGED, EventKind.PULL_REQUEST_OPENED,
                "example.com", "platform/infra/tools", "refs/heads/feature", 7, "feature", SHA);
        CheckoutPlan mrPlan = planner.planForEvent(GITLAB_SELF_MANAGED, mergeRequest);
        assertThat(mrPlan.refspecs()).containsExactly("+refs/merge-requests/7/head:refs/remotes/origin/PR-7");
        assertThat(mrPlan.target()).isEqualTo(new CheckoutTarget(CheckoutTarget.Kind.PULL_REQUEST, "PR-7",
                "refs/remotes/origin/PR-7", null, SHA));

        WebhookEvent bitbucket = event(ProviderType.BITBUCKET_CLOUD, EventKind.PULL_REQUEST_UPDATED, "bitbucket.org",
                "acme/payments", null, 3, "feature/login", SHA);
        assertThat(planner.planForEvent(BITBUCKET_CLOUD, bitbucket).refspecs())
                .containsExactly("+refs/heads/feature/login:refs/remotes/origin/PR-3");

        WebhookEvent azure = event(ProviderType.AZURE_DEVOPS, EventKind.PULL_REQUEST_OPENED, "dev.azure.com",
                "fabrikam/Fabrikam Fiber/payments", null, 4, "feature", SHA);
        CheckoutPlan azurePlan = planner.planForEvent(AZURE_DEVOPS, azure);
        assertThat(azurePlan.cloneUrl()).isEqualTo("https://dev.azure.com/fabrikam/Fabrikam%20Fiber/_git/payments");
        assertThat(azurePlan.refspecs()).containsExactly("+refs/pull/4/merge:refs/remotes/origin/PR-4");
    }

    @Test
    public void shouldCheckOutTheRefTipWithAWarningWhenTheEventHasNoCommit() {
        WebhookEvent push = event(ProviderType.GITEA, EventKind.BRANCH_PUSH, "gitea.example.com", "infra/payments",
                "refs/heads/main", null, null, null);
        CheckoutPlan plan = planner.planForEvent(GITEA, push);
        assertThat(plan.refspecs()).containsExactly("+refs/heads/main:refs/remotes/origin/main");
        assertThat(plan.target().checkoutRef()).isEqualTo("refs/remotes/origin/main");
        assertThat(plan.warnings()).containsExactly("The webhook event carries no commit id; checking out main as it"
                + " is now.");
    }

    @Test
    public void shouldRefuseEventsWithNothingToCheckOut() {
        assertThatThrownBy(() -> planner.planForEvent(GITHUB, event(ProviderType.GITHUB, EventKind.PING,
                "github.com", "acme/payments", null, null, null, null)))
                .hasMessage("The build was started by a webhook ping, which names no commit: give gitProviderCheckout"
                        + " a repository (and a ref).");
        assertThatThrownBy(() -> planner.planForEvent(GITHUB, event(ProviderType.GITHUB, EventKind.BRANCH_DELETED,
                "github.com", "acme/payments", "refs/heads/old", null, null, null)))
                .hasMessage("The build was started by the deletion of 'old'; there is nothing to check out: give"
                        + " gitProviderCheckout a repository and a ref.");
        assertThatThrownBy(() -> planner.planForEvent(GITHUB, event(ProviderType.GITHUB, EventKind.BRANCH_PUSH,
                "github.com", "acme/payments", "refs/heads/main", null, null, "0".repeat(40))))
                .hasMessage("The webhook event's commit id '" + "0".repeat(40) + "' is not a full commit id: give"
                        + " gitProviderCheckout a repository and a ref.");
        assertThatThrownBy(() -> planner.planForEvent(GITHUB, event(ProviderType.GITHUB, EventKind.BRANCH_PUSH,
                "github.com", "acme/payments", "refs/heads/-x", null, null, SHA)))
                .hasMessage("The webhook event's branch '-x' is not a valid Git ref: it starts with '-'.");
        assertThatThrownBy(() -> planner.planForEvent(GITHUB, event(ProviderType.GITHUB,
                EventKind.PULL_REQUEST_OPENED, "github.com", "acme/payments", null, null, null, SHA)))
                .hasMessage("The pull request event carries no pull request number: give gitProviderCheckout a"
                        + " repository and a ref.");
        assertThatThrownBy(() -> planner.planForEvent(BITBUCKET_CLOUD, event(ProviderType.BITBUCKET_CLOUD,
                EventKind.PULL_REQUEST_OPENED, "bitbucket.org", "acme/payments", null, 3, null, SHA)))
                .hasMessageStartingWith("Bitbucket Cloud publishes no pull request refs, so PR-3 cannot be fetched");
    }

    @Test
    public void shouldRefuseEventsOfAnotherHost() {
        WebhookEvent gitlab = event(ProviderType.GITLAB, EventKind.BRANCH_PUSH, "gitlab.com", "acme/payments",
                "refs/heads/main", null, null, SHA);
        assertThatThrownBy(() -> planner.planForEvent(GITHUB, gitlab))
                .hasMessage("The webhook event comes from GitLab.com but provider 'GitHub' is GitHub.com: name the"
                        + " provider the event came from.");
        WebhookEvent otherServer = event(ProviderType.GITHUB_ENTERPRISE, EventKind.BRANCH_PUSH, "ghe.other.com",
                "acme/payments", "refs/heads/main", null, null, SHA);
        assertThatThrownBy(() -> planner.planForEvent(GITHUB_ENTERPRISE, otherServer))
                .hasMessage("The webhook event's repository is on 'ghe.other.com' but provider 'GHE' is on"
                        + " 'ghe.example.com': name the provider the event came from.");
    }

    private String url(ProviderSpec provider, String repository) {
        return planner.plan(provider, repository, "main", null).cloneUrl();
    }

    private String prRefspec(ProviderSpec provider, String repository) {
        CheckoutPlan plan = planner.plan(provider, repository, "PR-12", null);
        assertThat(plan.refspecs()).hasSize(1);
        return plan.refspecs().get(0);
    }

    private static WebhookEvent event(ProviderType type, EventKind kind, String host, String path, String ref,
                                      Integer number, String sourceBranch, String commit) {
        return new WebhookEvent(type, kind, new RepositoryInfo(host, path, null, null, null), ref, null, commit,
                number, sourceBranch, null, commit, "octocat", "delivery-1");
    }
}
