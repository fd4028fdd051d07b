package io.jenkins.plugins.gitproviders.core.webhook.github;

import static io.jenkins.plugins.gitproviders.core.webhook.ParserTable.event;
import static io.jenkins.plugins.gitproviders.core.webhook.ParserTable.ignored;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.testing.JsonEdit;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.FixtureDeliveries;
import io.jenkins.plugins.gitproviders.core.webhook.ParseResult;
import io.jenkins.plugins.gitproviders.core.webhook.ParserTable;
import io.jenkins.plugins.gitproviders.core.webhook.PullRequestSource;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookDelivery;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.Test;

public class GitHubWebhookParserTest {
    private final GitHubWebhookParser parser = new GitHubWebhookParser();

    @Test
    public void shouldParseEveryGitHubFixtureToItsExpectedEvent() {
        ParserTable.of("github/webhook").with(
                ignored("create-branch.drone-go-scm.json", "GitHub 'create' events are ignored:"),
                ignored("create-tag.drone-go-scm.json", "GitHub 'create' events are ignored:"),
                ignored("create-tag.json", "GitHub 'create' events are ignored:"),
                ignored("create.with-description.json", "GitHub 'create' events are ignored:"),
                ignored("delete-branch.drone-go-scm.json", "GitHub 'delete' events are ignored:"),
                ignored("delete-tag.json", "GitHub 'delete' events are ignored:"),
                ignored("delete.with-organization.json", "GitHub 'delete' events are ignored:"),
                event("ping.app.json", EventKind.PING, "github.com/Octocoders/Hello-World", null, null, null),
                event("ping.json", EventKind.PING, "github.com/Octocoders/Hello-World", null, null, null),
                event("ping.org.github-plugin.json", EventKind.PING, null, null, null, null),
                event("ping.org.json", EventKind.PING, null, null, null, null),
                event("pull_request-closed-not-merged.drone-go-scm.json", EventKind.PULL_REQUEST_CLOSED, "github.com/bradrydzewski/drone-test-go", "refs/pull/1/head", "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd", 1),
                event("pull_request-closed-not-merged.json", EventKind.PULL_REQUEST_CLOSED, "github.com/Codertocat/Hello-World", "refs/pull/2/head", "ec26c3e57ca3a959ca5aad62de7213c562f8c821", 2),
                event("pull_request-closed.baxter.json", EventKind.PULL_REQUEST_CLOSED, "github.com/baxterthehacker/public-repo", "refs/pull/1/head", "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", 1),
                ignored("pull_request-converted_to_draft.json", "Pull request action"),
                ignored("pull_request-labeled.json", "Pull request action 'labeled' does not"),
                event("pull_request-opened.drone-go-scm.json", EventKind.PULL_REQUEST_OPENED, "github.com/bradrydzewski/drone-test-go", "refs/pull/1/head", "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd", 1),
                event("pull_request-opened.json", EventKind.PULL_REQUEST_OPENED, "github.com/Codertocat/Hello-World", "refs/pull/2/head", "ec26c3e57ca3a959ca5aad62de7213c562f8c821", 2),
                event("pull_request-opened.null-body.json", EventKind.PULL_REQUEST_OPENED, "github.com/Codertocat/Hello-World", "refs/pull/2/head", "ec26c3e57ca3a959ca5aad62de7213c562f8c821", 2),
                event("pull_request-ready_for_review.json", EventKind.PULL_REQUEST_UPDATED, "github.com/Codertocat/Hello-World", "refs/pull/2/head", "ec26c3e57ca3a959ca5aad62de7213c562f8c821", 2),
                event("pull_request-reopened.json", EventKind.PULL_REQUEST_OPENED, "github.com/Codertocat/Hello-World", "refs/pull/2/head", "ec26c3e57ca3a959ca5aad62de7213c562f8c821", 2),
                event("pull_request-synchronize.baxter.json", EventKind.PULL_REQUEST_UPDATED, "github.com/baxterthehacker/public-repo", "refs/pull/1/head", "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", 1),
                event("pull_request-synchronize.drone-go-scm.json", EventKind.PULL_REQUEST_UPDATED, "github.com/bradrydzewski/drone-test-go", "refs/pull/1/head", "8102e371cd01cf668893cb2d04a04d52331b1dc9", 1),
                event("pull_request-synchronize.json", EventKind.PULL_REQUEST_UPDATED, "github.com/Codertocat/Hello-World", "refs/pull/2/head", "ec26c3e57ca3a959ca5aad62de7213c562f8c821", 2),
                event("push-branch-created.baxter.json", EventKind.BRANCH_CREATED, "github.com/baxterthehacker/public-repo", "refs/heads/changes", "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", null),
                event("push-branch-created.drone-go-scm.json", EventKind.BRANCH_CREATED, "github.com/bradrydzewski/drone-test-go", "refs/heads/feature-branch", "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd", null),
                event("push-branch-created.json", EventKind.BRANCH_CREATED, "github.com/Codertocat/Hello-World", "refs/heads/master", "6113728f27ae82c7b1a177c8d03f9e96e0adf246", null),
                event("push-branch-deleted.baxter-edited.json", EventKind.BRANCH_DELETED, "github.com/baxterthehacker/public-repo", "refs/heads/changes", null, null),
                event("push-branch-deleted.drone-go-scm.json", EventKind.BRANCH_DELETED, "github.com/bradrydzewski/drone-test-go", "refs/heads/feature-branch", null, null),
                event("push-branch-no-username-committer.json", EventKind.BRANCH_CREATED, "github.com/Codertocat/Hello-World", "refs/heads/master", "6113728f27ae82c7b1a177c8d03f9e96e0adf246", null),
                event("push-branch-updated.baxter.json", EventKind.BRANCH_PUSH, "github.com/baxterthehacker/public-repo", "refs/heads/changes", "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c", null),
                event("push-tag-created.drone-go-scm.json", EventKind.TAG_PUSH, "github.com/bradrydzewski/drone-test-go", "refs/tags/v0.0.1", "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd", null),
                event("push-tag-created.ghes-3.5.json", EventKind.TAG_PUSH, "octocoders.github.io/Codertocat/Hello-World", "refs/tags/simple-tag", "6113728f27ae82c7b1a177c8d03f9e96e0adf246", null),
                event("push-tag-deleted.drone-go-scm.json", EventKind.TAG_DELETED, "github.com/bradrydzewski/drone-test-go", "refs/tags/v0.0.1", null, null),
                event("push-tag-deleted.json", EventKind.TAG_DELETED, "github.com/Codertocat/Hello-World", "refs/tags/simple-tag", null, null),
                event("push-tag-deleted.with-installation.json", EventKind.TAG_DELETED, "github.com/Codertocat/Hello-World", "refs/tags/simple-tag", null, null),
                event("push-tag-deleted.with-organization.json", EventKind.TAG_DELETED, "github.com/Codertocat/Hello-World", "refs/tags/simple-tag", null, null),
                event("push.github-plugin.json", EventKind.BRANCH_PUSH, "github.com/lanwen/test", "refs/heads/master", "1eee2db8927ab3f7ec983b2e6052f351dd61a419", null),
                event("real/ping.json", EventKind.PING, "github.com/ailisp/gcbapp-buildconfig-example", null, null, null),
                event("real/pull_request-synchronize.json", EventKind.PULL_REQUEST_UPDATED, "github.com/ailisp/gcbapp-buildconfig-example", "refs/pull/1/head", "e238171456e973f696a972b80599a849db5fe540", 1),
                event("real/push-branch-master.json", EventKind.BRANCH_PUSH, "github.com/ailisp/gcbapp-buildconfig-example", "refs/heads/master", "a21683865c088b5fe1906cf6552d15a285a4986d", null),
                event("signed/ping.secret-123.json", EventKind.PING, "github.com/lanwen/test", null, null, null)
        ).check(parser);
    }

    @Test
    public void shouldReadEveryFieldOfARealPush() {
        // Given a push recorded from github.com with its delivery id
        WebhookDelivery delivery = FixtureDeliveries.load("github/webhook/real/push-branch-master.json");

        // When
        WebhookEvent event = parser.parse(delivery).event();

        // Then
        assertThat(event.hostType()).isEqualTo(ProviderType.GITHUB);
        assertThat(event.kind()).isEqualTo(EventKind.BRANCH_PUSH);
        assertThat(event.repository().httpsCloneUrl())
                .isEqualTo("https://github.com/ailisp/gcbapp-buildconfig-example.git");
        assertThat(event.repository().sshCloneUrl()).isEqualTo("git@github.com:ailisp/gcbapp-buildconfig-example.git");
        assertThat(event.repository().webUrl()).isEqualTo("https://github.com/ailisp/gcbapp-buildconfig-example");
        assertThat(event.before()).isEqualTo("8357af6fef17bd180014e419f049944cb491238f");
        assertThat(event.after()).isEqualTo("a21683865c088b5fe1906cf6552d15a285a4986d");
        assertThat(event.sender()).isEqualTo("ailisp");
        assertThat(event.deliveryId()).isEqualTo("88f41318-101a-11ea-99ad-ec7586fcd78e");
    }

    @Test
    public void shouldReadPullRequestBranches() {
        WebhookEvent event = parser.parse(FixtureDeliveries.load("github/webhook/pull_request-synchronize.json"))
                .event();

        assertThat(event.sourceBranch()).isEqualTo("changes");
        assertThat(event.targetBranch()).isEqualTo("master");
        assertThat(event.before()).isEqualTo("f95f852bd8fca8fcc58a9a2d6c842781e32a215e");
    }

    @Test
    public void shouldTellGitHubEnterpriseFromItsHost() {
        WebhookEvent event = parser.parse(FixtureDeliveries.load("github/webhook/push-tag-created.ghes-3.5.json"))
                .event();

        assertThat(event.hostType()).isEqualTo(ProviderType.GITHUB_ENTERPRISE);
        assertThat(event.repository().host()).isEqualTo("octocoders.github.io");
    }

    @Test
    public void shouldReadAFormEncodedDeliveryLikeItsJson() {
        // Given the same push, once as JSON and once form-encoded as GitHub sends it with that content type
        byte[] json = Fixtures.bytes("github/webhook/push-branch-created.json");
        byte[] form = ("payload=" + java.net.URLEncoder.encode(new String(json, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        WebhookDelivery formDelivery = WebhookDelivery.post(Map.of("X-GitHub-Event", "push",
                "Content-Type", "application/x-www-form-urlencoded"), form);

        // When
        ParseResult fromForm = parser.parse(formDelivery);
        ParseResult fromJson = parser.parse(FixtureDeliveries.load("github/webhook/push-branch-created.json"));

        // Then
        assertThat(fromForm.outcome()).isEqualTo(ParseResult.Outcome.EVENT);
        assertThat(fromForm.event()).isEqualTo(fromJson.event());
    }

    @Test
    public void shouldRefuseAFormWithoutPayload() {
        WebhookDelivery delivery = WebhookDelivery.post(Map.of("X-GitHub-Event", "push",
                "Content-Type", "application/x-www-form-urlencoded"), "other=1".getBytes(StandardCharsets.US_ASCII));

        ParseResult result = parser.parse(delivery);

        assertThat(result.outcome()).isEqualTo(ParseResult.Outcome.MALFORMED);
        assertThat(result.reason()).contains("'payload'");
    }

    @Test
    public void shouldNameTheFieldThatIsNotACommit() {
        String body = new String(Fixtures.bytes("github/webhook/push.github-plugin.json"), StandardCharsets.UTF_8)
                .replace("1eee2db8927ab3f7ec983b2e6052f351dd61a419", "not-a-commit");

        ParseResult result = parser.parse(push(body));

        assertThat(result.outcome()).isEqualTo(ParseResult.Outcome.MALFORMED);
        assertThat(result.reason()).contains("'$.after'").contains("40 or 64 hex");
    }

    @Test
    public void shouldAcceptSha256CommitIds() {
        String sha256 = "a".repeat(64);
        String body = "{\"ref\":\"refs/heads/main\",\"before\":\"" + "b".repeat(64) + "\",\"after\":\"" + sha256
                + "\",\"repository\":{\"full_name\":\"o/r\",\"html_url\":\"https://github.com/o/r\"}}";

        WebhookEvent event = parser.parse(push(body)).event();

        assertThat(event.after()).isEqualTo(sha256);
        assertThat(event.headCommit()).isEqualTo(sha256);
        assertThat(event.kind()).isEqualTo(EventKind.BRANCH_PUSH);
    }

    @Test
    public void shouldIgnoreUnknownEventsWithTheReason() {
        ParseResult result = parser.parse(WebhookDelivery.post(Map.of("X-GitHub-Event", "star"),
                "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(result.outcome()).isEqualTo(ParseResult.Outcome.IGNORED);
        assertThat(result.reason()).contains("'star'");
    }

    @Test
    public void shouldTreatAnEditedBaseBranchAsAnUpdate() {
        String pull = "\"pull_request\":{\"number\":7,\"head\":{\"ref\":\"f\",\"sha\":\"" + "c".repeat(40)
                + "\"},\"base\":{\"ref\":\"main\"}},\"repository\":{\"full_name\":\"o/r\","
                + "\"html_url\":\"https://github.com/o/r\"}";
        WebhookDelivery newBase = WebhookDelivery.post(Map.of("X-GitHub-Event", "pull_request"), ("{\"action\":"
                + "\"edited\",\"changes\":{\"base\":{}}," + pull + "}").getBytes(StandardCharsets.UTF_8));
        WebhookDelivery newTitle = WebhookDelivery.post(Map.of("X-GitHub-Event", "pull_request"), ("{\"action\":"
                + "\"edited\",\"changes\":{\"title\":{}}," + pull + "}").getBytes(StandardCharsets.UTF_8));

        assertThat(parser.parse(newBase).event().kind()).isEqualTo(EventKind.PULL_REQUEST_UPDATED);
        assertThat(parser.parse(newBase).event().pullRequestNumber()).isEqualTo(7);
        assertThat(parser.parse(newTitle).outcome()).isEqualTo(ParseResult.Outcome.IGNORED);
    }

    @Test
    public void shouldTellAPullRequestFromAForkAndWhatGitHubSaysOfItsAuthor() {
        String fixture = "github/webhook/pull_request-opened.json";
        WebhookDelivery fromFork = pullRequest(JsonEdit.fixture(fixture, root -> {
            JsonEdit.at(root, "/pull_request/head/repo").put("full_name", "mallory/Hello-World");
            JsonEdit.at(root, "/pull_request").put("author_association", "CONTRIBUTOR");
        }));
        WebhookDelivery fromMembersFork = pullRequest(JsonEdit.fixture(fixture, root -> {
            JsonEdit.at(root, "/pull_request/head/repo").put("full_name", "alice/Hello-World");
            JsonEdit.at(root, "/pull_request").put("author_association", "MEMBER");
        }));
        WebhookDelivery fromDeletedFork = pullRequest(JsonEdit.fixture(fixture,
                root -> JsonEdit.at(root, "/pull_request/head").putNull("repo")));

        WebhookEvent fork = parser.parse(fromFork).event();
        assertThat(fork.pullRequestSource())
                .isEqualTo(new PullRequestSource("mallory/Hello-World", true, false, "CONTRIBUTOR"));
        assertThat(fork.fromFork()).isTrue();
        assertThat(fork.ref()).as("the pull request ref holds the fork's commits").isEqualTo("refs/pull/2/head");
        assertThat(parser.parse(fromMembersFork).event().pullRequestSource())
                .isEqualTo(new PullRequestSource("alice/Hello-World", true, true, "MEMBER"));
        assertThat(parser.parse(fromDeletedFork).event().pullRequestSource())
                .as("a deleted fork counts as a fork; the owner stays trusted")
                .isEqualTo(new PullRequestSource(null, true, true, "OWNER"));
        assertThat(parser.parse(FixtureDeliveries.load(fixture)).event().pullRequestSource())
                .isEqualTo(new PullRequestSource("Codertocat/Hello-World", false, true, "OWNER"));
    }

    private static WebhookDelivery pullRequest(byte[] body) {
        return WebhookDelivery.post(Map.of("X-GitHub-Event", "pull_request"), body);
    }

    @Test
    public void shouldCallADeliveryWithoutEventHeaderMalformed() {
        ParseResult result = parser.parse(WebhookDelivery.post(Map.of(), "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(result.outcome()).isEqualTo(ParseResult.Outcome.MALFORMED);
        assertThat(result.reason()).contains("X-GitHub-Event");
    }

    private static WebhookDelivery push(String body) {
        return WebhookDelivery.post(Map.of("X-GitHub-Event", "push"), body.getBytes(StandardCharsets.UTF_8));
    }
}
