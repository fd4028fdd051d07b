package io.jenkins.plugins.gitproviders.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import org.junit.Test;

public class CommitTrustTest {
    private static final String ANNOUNCED = "9fceb02d0ae598e95dc970b74767f19372d61af8";
    private static final String TIP = "1111111111111111111111111111111111111111";

    private static WebhookEvent event(ProviderType type, EventKind kind, @CheckForNull String ref,
            @CheckForNull Integer number, @CheckForNull String source, @CheckForNull String commit) {
        return new WebhookEvent(type, kind, new RepositoryInfo("example.com", "acme/payments", null, null, null), ref,
                null, commit, number, source, "main", commit, "octocat", "d-1");
    }

    private static WebhookEvent push(String commit) {
        return event(ProviderType.GITHUB, EventKind.BRANCH_PUSH, "refs/heads/main", null, null, commit);
    }

    @Test
    public void shouldBuildTheAnnouncedCommitWhenTheHostConfirmsIt() {
        CommitTrust.Decision decision = CommitTrust.decide(push(ANNOUNCED.toUpperCase()), ANNOUNCED);

        assertThat(decision.verdict()).isEqualTo(CommitTrust.Verdict.BUILD_ANNOUNCED);
        assertThat(decision.commitToBuild()).contains(ANNOUNCED);
        assertThat(decision.mismatch()).isFalse();
        assertThat(decision.message()).isEqualTo("The host confirms refs/heads/main at the announced commit "
                + ANNOUNCED + ".");
    }

    @Test
    public void shouldBuildTheTipAndRecordBothWhenTheRefPointsElsewhere() {
        CommitTrust.Decision decision = CommitTrust.decide(push(ANNOUNCED), TIP);

        assertThat(decision.verdict()).isEqualTo(CommitTrust.Verdict.BUILD_TIP);
        assertThat(decision.commitToBuild()).contains(TIP);
        assertThat(decision.announced()).isEqualTo(ANNOUNCED);
        assertThat(decision.tip()).isEqualTo(TIP);
        assertThat(decision.mismatch()).isTrue();
        assertThat(decision.message()).isEqualTo("The event announces " + ANNOUNCED + " but refs/heads/main now"
                + " points to " + TIP + " (it moved on, or the announcement was wrong); building " + TIP + ", what the"
                + " host says refs/heads/main holds.");
    }

    @Test
    public void shouldRefuseAMismatchUnderTheStrictPolicy() {
        CommitTrust.Decision decision = CommitTrust.decide(push(ANNOUNCED), TIP, CommitTrust.MismatchPolicy.REFUSE);

        assertThat(decision.verdict()).isEqualTo(CommitTrust.Verdict.REFUSE);
        assertThat(decision.commitToBuild()).isEmpty();
        assertThat(decision.message()).contains("only the announced commit may be built, so nothing is");
    }

    @Test
    public void shouldRefuseARefTheHostDoesNotHave() {
        CommitTrust.Decision decision = CommitTrust.decide(push(ANNOUNCED), null);

        assertThat(decision.verdict()).isEqualTo(CommitTrust.Verdict.REFUSE);
        assertThat(decision.commitToBuild()).isEmpty();
        assertThat(decision.message()).isEqualTo("refs/heads/main does not exist on the host (deleted since the"
                + " event, or never existed), so no commit can be confirmed and nothing is built.");
    }

    @Test
    public void shouldBuildTheTipOfAnEventThatNamedNoCommit() {
        CommitTrust.Decision decision = CommitTrust.decide(push(null), TIP);

        assertThat(decision.verdict()).isEqualTo(CommitTrust.Verdict.BUILD_TIP);
        assertThat(decision.mismatch()).isFalse();
        assertThat(decision.message()).isEqualTo("The event named no commit; building refs/heads/main at " + TIP
                + ".");
        // An announced id that is no commit id counts as none
        assertThat(CommitTrust.decide(push("abc"), TIP).announced()).isNull();
    }

    @Test
    public void shouldConfirmADeletionOnlyWhenTheRefIsGone() {
        WebhookEvent deletion = event(ProviderType.GITLAB, EventKind.BRANCH_DELETED, "refs/heads/old", null, null,
                null);

        assertThat(CommitTrust.decide(deletion, null).verdict()).isEqualTo(CommitTrust.Verdict.BUILD_ANNOUNCED);
        assertThat(CommitTrust.decide(deletion, null).commitToBuild()).isEmpty();
        CommitTrust.Decision stillThere = CommitTrust.decide(deletion, TIP);
        assertThat(stillThere.verdict()).isEqualTo(CommitTrust.Verdict.REFUSE);
        assertThat(stillThere.message()).isEqualTo("The event announces the deletion of refs/heads/old, but the host"
                + " still has it at " + TIP + "; the deletion is not confirmed.");
    }

    @Test
    public void shouldConfirmPullRequestsAtTheRefTheHostPublishes() {
        assertThat(CommitTrust.refToConfirm(event(ProviderType.GITHUB_ENTERPRISE, EventKind.PULL_REQUEST_OPENED,
                "refs/heads/feature", 12, "feature", ANNOUNCED))).contains("refs/pull/12/head");
        assertThat(CommitTrust.refToConfirm(event(ProviderType.GITEA, EventKind.PULL_REQUEST_UPDATED,
                null, 3, "feature", ANNOUNCED))).contains("refs/pull/3/head");
        assertThat(CommitTrust.refToConfirm(event(ProviderType.GITLAB_SELF_MANAGED, EventKind.PULL_REQUEST_OPENED,
                "refs/heads/feature", 7, "feature", ANNOUNCED))).contains("refs/merge-requests/7/head");
        assertThat(CommitTrust.refToConfirm(event(ProviderType.BITBUCKET_DATA_CENTER,
                EventKind.PULL_REQUEST_OPENED, "refs/heads/feature", 5, "feature", ANNOUNCED)))
                .contains("refs/pull-requests/5/from");
        assertThat(CommitTrust.refToConfirm(event(ProviderType.AZURE_DEVOPS, EventKind.PULL_REQUEST_OPENED,
                "refs/heads/feature", 4, "feature", ANNOUNCED))).contains("refs/pull/4/merge");
        // Bitbucket Cloud publishes no pull request refs: its source branch, in the same repository
        assertThat(CommitTrust.refToConfirm(event(ProviderType.BITBUCKET_CLOUD, EventKind.PULL_REQUEST_OPENED,
                null, 3, "feature/login", ANNOUNCED))).contains("refs/heads/feature/login");
        assertThat(CommitTrust.refToConfirm(event(ProviderType.BITBUCKET_CLOUD, EventKind.PULL_REQUEST_OPENED,
                null, 3, "bad..name", ANNOUNCED))).isEmpty();
    }

    @Test
    public void shouldExplainThatAzureBuildsThePullRequestMergedIntoItsTarget() {
        CommitTrust.Decision decision = CommitTrust.decide(event(ProviderType.AZURE_DEVOPS,
                EventKind.PULL_REQUEST_UPDATED, "refs/heads/feature", 4, "feature", ANNOUNCED), TIP);

        assertThat(decision.verdict()).isEqualTo(CommitTrust.Verdict.BUILD_TIP);
        assertThat(decision.message()).isEqualTo("The event announces the pull request's head " + ANNOUNCED + "; the"
                + " host's refs/pull/4/merge holds it merged into the target as " + TIP + ", which is built.");
    }

    @Test
    public void shouldRefuseAnEventWithoutARefGitAccepts() {
        for (String ref : new String[] {null, "refs/heads/-x", "refs/notes/commits", "main"}) {
            CommitTrust.Decision decision = CommitTrust.decide(event(ProviderType.GITHUB, EventKind.BRANCH_PUSH, ref,
                    null, null, ANNOUNCED), TIP);
            assertThat(decision.verdict()).as(String.valueOf(ref)).isEqualTo(CommitTrust.Verdict.REFUSE);
            assertThat(decision.ref()).isNull();
        }
        assertThat(CommitTrust.decide(event(ProviderType.GITHUB, EventKind.PULL_REQUEST_OPENED, null, null, null,
                ANNOUNCED), TIP).verdict()).isEqualTo(CommitTrust.Verdict.REFUSE);
    }
}
