package io.jenkins.plugins.gitproviders.core.checkout;

import static io.jenkins.plugins.gitproviders.core.checkout.Providers.AZURE_DEVOPS;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.BITBUCKET_CLOUD;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.BITBUCKET_DATA_CENTER;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITEA;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITHUB;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITHUB_ENTERPRISE;
import static io.jenkins.plugins.gitproviders.core.checkout.Providers.GITLAB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.Assume.assumeTrue;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.pipeline.CheckoutResult;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Executes plans with the real git command line against a local bare repository that carries branches, tags and
 * the pull request refs of every host's layout, proving the refspecs fetch exactly what they should and the
 * checkout lands on the expected commit.
 */
public class CheckoutPlanGitTest {
    @ClassRule
    public static final TemporaryFolder SHARED = new TemporaryFolder();

    private static GitPlanExecutor git;
    private static String url;
    private static String first;
    private static String tip;
    private static String feature;
    private static String githubPull;
    private static String gitlabMerge;
    private static String bitbucketPull;
    private static String azureMerge;
    private static String forkOnly;

    @Rule
    public final TemporaryFolder workspaces = new TemporaryFolder();

    private final CheckoutPlanner planner = new CheckoutPlanner();

    @BeforeClass
    public static void createRemote() throws IOException {
        assumeTrue("git is not installed", GitPlanExecutor.gitAvailable());
        Path root = SHARED.getRoot().toPath();
        git = new GitPlanExecutor(root.resolve("home"));
        Path seed = root.resolve("seed");
        git.git(null, List.of("init", "-q", seed.toString()));
        git.git(seed, List.of("checkout", "-q", "-b", "main"));
        first = commit(seed, "first");
        git.git(seed, List.of("tag", "-a", "v1", "-m", "release 1"));
        git.git(seed, List.of("tag", "same-name"));
        tip = commit(seed, "second");
        git.git(seed, List.of("checkout", "-q", "-b", "feature/x", first));
        feature = commit(seed, "feature");
        githubPull = derived(seed, "github and gitea pull request head");
        forkOnly = derived(seed, "a commit only a fork's pull request reaches");
        gitlabMerge = derived(seed, "gitlab merge request head");
        bitbucketPull = derived(seed, "bitbucket data center pull request source");
        azureMerge = derived(seed, "azure devops pull request merge");

        Path bare = root.resolve("remote.git");
        git.git(null, List.of("init", "-q", "--bare", bare.toString()));
        url = bare.toUri().toString();
        git.git(seed, List.of("push", "-q", url,
                "refs/heads/main:refs/heads/main",
                "refs/heads/feature/x:refs/heads/feature/x",
                feature + ":refs/heads/same-name",
                "refs/tags/v1:refs/tags/v1",
                "refs/tags/same-name:refs/tags/same-name",
                githubPull + ":refs/pull/12/head",
                gitlabMerge + ":refs/merge-requests/12/head",
                bitbucketPull + ":refs/pull-requests/12/from",
                azureMerge + ":refs/pull/12/merge",
                forkOnly + ":refs/pull/99/head"));
        git.git(bare, List.of("symbolic-ref", "HEAD", "refs/heads/main"));
        assertThat(url).startsWith("file:/");
    }

    @Test
    public void shouldFetchEachHostsPullRequestRefAndNothingElse() throws IOException {
        assertPullRequest(GITHUB, "acme/payments", githubPull);
        assertPullRequest(GITHUB_ENTERPRISE, "acme/payments", githubPull);
        assertPullRequest(GITEA, "infra/payments", githubPull);
        assertPullRequest(GITLAB, "platform/infra/tools", gitlabMerge);
        assertPullRequest(BITBUCKET_DATA_CENTER, "PROJ/payments", bitbucketPull);
        assertPullRequest(AZURE_DEVOPS, "Fiber/payments", azureMerge);
    }

    @Test
    public void shouldFetchTheSourceBranchOfABitbucketCloudPullRequest() throws IOException {
        CheckoutPlan plan = planner.plan(BITBUCKET_CLOUD, "acme/payments", "PR-12", null, "feature/x");
        GitPlanExecutor.Result result = run(plan);
        assertThat(result.head()).isEqualTo(feature);
        assertThat(result.refs()).containsExactly("refs/remotes/origin/PR-12");
    }

    @Test
    public void shouldCheckOutABranch() throws IOException {
        GitPlanExecutor.Result main = run(planner.plan(GITHUB, "acme/payments", "refs/heads/main", null));
        assertThat(main.head()).isEqualTo(tip);
        assertThat(main.refs()).containsExactly("refs/remotes/origin/main");

        GitPlanExecutor.Result nested = run(planner.plan(GITHUB, "acme/payments", "feature/x", null));
        assertThat(nested.head()).isEqualTo(feature);
        assertThat(nested.plan().branch()).contains("feature/x");
    }

    @Test
    public void shouldCheckOutTheCommitOfAnAnnotatedTag() throws IOException {
        GitPlanExecutor.Result result = run(planner.plan(GITLAB, "platform/infra/tools", "refs/tags/v1", null));
        assertThat(result.head()).isEqualTo(first);
        assertThat(result.refs()).containsExactly("refs/tags/v1");
    }

    @Test
    public void shouldPreferTheTagWhenABranchHasTheSameName() throws IOException {
        GitPlanExecutor.Result ambiguous = run(planner.plan(GITHUB, "acme/payments", "same-name", null));
        assertThat(ambiguous.head()).isEqualTo(first);
        assertThat(ambiguous.plan().tag()).contains("same-name");
        assertThat(ambiguous.refs()).containsExactly("refs/tags/same-name");

        GitPlanExecutor.Result branch = run(planner.plan(GITHUB, "acme/payments", "refs/heads/same-name", null));
        assertThat(branch.head()).isEqualTo(feature);
    }

    @Test
    public void shouldCheckOutTheRemotesDefaultBranch() throws IOException {
        GitPlanExecutor.Result result = run(planner.plan(GITEA, "infra/payments", null, null));
        assertThat(result.plan().branch()).contains("main");
        assertThat(result.head()).isEqualTo(tip);
    }

    @Test
    public void shouldCheckOutAnExactCommit() throws IOException {
        GitPlanExecutor.Result result = run(planner.plan(GITHUB, "acme/payments", first, null));
        assertThat(result.head()).isEqualTo(first);
    }

    @Test
    public void shouldFetchOnlyTheRequestedDepth() throws IOException {
        GitPlanExecutor.Result result = run(planner.plan(GITHUB, "acme/payments", "main", 1));
        assertThat(result.head()).isEqualTo(tip);
        Path workspace = result.workspace();
        assertThat(git.git(workspace, List.of("rev-list", "--count", "HEAD")).strip()).isEqualTo("1");
        assertThat(git.git(workspace, List.of("rev-parse", "--is-shallow-repository")).strip()).isEqualTo("true");
    }

    @Test
    public void shouldBuildTheBranchTipAndRecordBothWhenTheBranchMovedOn() throws IOException {
        // Given a push event for the first commit of main, which has moved on to a second commit since
        WebhookEvent push = new WebhookEvent(ProviderType.GITHUB, EventKind.BRANCH_PUSH,
                new RepositoryInfo("github.com", "acme/payments", null, null, null), "refs/heads/main", null, first,
                null, null, null, first, "octocat", "1");
        // When its plan runs shallow
        GitPlanExecutor.Result result = run(planner.planForEvent(GITHUB, push, 1));
        // Then the checkout lands on what the branch holds, and the result records the announced commit too
        // (before #10 the announced commit was fetched by id and checked out)
        assertThat(result.head()).isEqualTo(tip);
        assertThat(result.refs()).containsExactly("refs/remotes/origin/main");
        CheckoutResult checkout = CheckoutResult.of(result.plan(), result.head());
        assertThat(checkout.commit()).isEqualTo(tip);
        assertThat(checkout.announcedCommit()).isEqualTo(first);
        assertThat(checkout.builtOtherThanAnnounced()).isTrue();
        assertThat(checkout.summary()).endsWith("The event announces " + first + " but refs/heads/main now points"
                + " to " + tip + " (it moved on, or the announcement was wrong); building " + tip + ", what the host"
                + " says refs/heads/main holds.");
    }

    @Test
    public void shouldNeverFetchAForkOnlyCommitNamedByAPayload() throws IOException {
        // Given a commit that only a fork's pull request ref reaches (GitHub serves such commits by id through the
        // parent repository), announced by a signed push to main
        WebhookEvent forged = new WebhookEvent(ProviderType.GITHUB, EventKind.BRANCH_PUSH,
                new RepositoryInfo("github.com", "acme/payments", null, null, null), "refs/heads/main", tip, forkOnly,
                null, null, null, forkOnly, "attacker", "forged-1");
        // When the build checks the event out
        GitPlanExecutor.Result result = run(planner.planForEvent(GITHUB, forged));
        // Then the fork's commit is neither checked out nor even fetched: main's tip is built, both are recorded
        assertThat(result.head()).isEqualTo(tip);
        assertThat(git.git(result.workspace(), List.of("cat-file", "-t", tip)).strip()).isEqualTo("commit");
        assertThatThrownBy(() -> git.git(result.workspace(), List.of("cat-file", "-t", forkOnly)))
                .isInstanceOf(GitPlanExecutor.GitFailed.class);
        assertThat(CheckoutResult.of(result.plan(), result.head()).announcedCommit()).isEqualTo(forkOnly);
    }

    @Test
    public void shouldRefuseAMismatchWhenThePolicyAsksForTheAnnouncedCommitOnly() throws IOException {
        WebhookEvent push = new WebhookEvent(ProviderType.GITHUB, EventKind.BRANCH_PUSH,
                new RepositoryInfo("github.com", "acme/payments", null, null, null), "refs/heads/main", null, first,
                null, null, null, first, "octocat", "1");
        GitPlanExecutor.Result result = run(planner.planForEvent(GITHUB, push));

        assertThatThrownBy(() -> CheckoutResult.of(result.plan(), result.head(), CommitTrust.MismatchPolicy.REFUSE))
                .isInstanceOf(CheckoutException.class)
                .hasMessage("The event announces " + first + " but the host's refs/heads/main points to " + tip
                        + "; only the announced commit may be built, so nothing is.");
        assertThat(CheckoutResult.of(result.plan(), result.head()).commit()).isEqualTo(tip);
    }

    @Test
    public void shouldConfirmAPullRequestAtItsPublishedRef() throws IOException {
        WebhookEvent pullRequest = new WebhookEvent(ProviderType.GITHUB, EventKind.PULL_REQUEST_UPDATED,
                new RepositoryInfo("github.com", "acme/payments", null, null, null), "refs/heads/feature/x", null,
                githubPull, 12, "feature/x", "main", githubPull, "octocat", "2");
        GitPlanExecutor.Result result = run(planner.planForEvent(GITHUB, pullRequest));

        CheckoutResult checkout = CheckoutResult.of(result.plan(), result.head());
        assertThat(checkout.commit()).isEqualTo(githubPull);
        assertThat(checkout.builtOtherThanAnnounced()).isFalse();
        assertThat(checkout.trust()).isEqualTo("The host confirms refs/pull/12/head at the announced commit "
                + githubPull + ".");
        assertThat(checkout.toMap()).containsEntry("announcedCommit", githubPull).containsEntry("commit", githubPull);
    }

    @Test
    public void shouldFailInGitWhenTheRequestedBranchIsMissing() {
        CheckoutPlan plan = planner.plan(GITHUB, "acme/payments", "refs/heads/missing", null);
        assertThatThrownBy(() -> run(plan))
                .isInstanceOf(GitPlanExecutor.GitFailed.class)
                .hasMessageContaining("couldn't find remote ref refs/heads/missing");
    }

    private void assertPullRequest(ProviderSpec provider, String repository, String expected) throws IOException {
        GitPlanExecutor.Result result = run(planner.plan(provider, repository, "PR-12", null));
        assertThat(result.head()).as(provider.type().displayName()).isEqualTo(expected);
        assertThat(result.refs()).as(provider.type().displayName()).containsExactly("refs/remotes/origin/PR-12");
    }

    private int counter;

    private GitPlanExecutor.Result run(CheckoutPlan plan) throws IOException {
        Path workspace = workspaces.getRoot().toPath().resolve("w" + counter++);
        Files.createDirectories(workspace);
        return git.execute(plan, url, workspace);
    }

    private static String commit(Path seed, String message) {
        git.git(seed, List.of("commit", "-q", "--allow-empty", "-m", message));
        return git.git(seed, List.of("rev-parse", "HEAD")).strip();
    }

    /** Creates a commit on top of main's tip without moving any branch, as hosts do for pull request refs. */
    private static String derived(Path seed, String message) {
        return git.git(seed, List.of("commit-tree", "-p", tip, "-m", message, tip + "^{tree}")).strip();
    }
}
