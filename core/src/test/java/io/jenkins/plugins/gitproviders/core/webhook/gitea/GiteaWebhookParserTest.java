package io.jenkins.plugins.gitproviders.core.webhook.gitea;

import static io.jenkins.plugins.gitproviders.core.webhook.ParserTable.event;
import static io.jenkins.plugins.gitproviders.core.webhook.ParserTable.ignored;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.FixtureDeliveries;
import io.jenkins.plugins.gitproviders.core.webhook.ParserTable;
import io.jenkins.plugins.gitproviders.core.webhook.PullRequestSource;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookDelivery;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.Test;

public class GiteaWebhookParserTest {
    private final GiteaWebhookParser parser = new GiteaWebhookParser();

    @Test
    public void shouldParseEveryGiteaFixtureToItsExpectedEvent() {
        ParserTable.of("gitea/webhook").with(
                ignored("create-branch.json", "'create' events are ignored: the 'push'"),
                ignored("create-tag.json", "'create' events are ignored: the 'push'"),
                event("delete-branch.json", EventKind.BRANCH_DELETED, "try.gitea.io/gogits/hello-world", "refs/heads/feature", null, null),
                event("pull_request-closed-merged.json", EventKind.PULL_REQUEST_MERGED, "try.gitea.io/jcitizen/my-repo", "refs/pull/1/head", "2eba238e33607c1fa49253182e9fff42baafa1eb", 1),
                event("pull_request-closed.json", EventKind.PULL_REQUEST_CLOSED, "try.gitea.io/jcitizen/my-repo", "refs/pull/1/head", "2eba238e33607c1fa49253182e9fff42baafa1eb", 1),
                event("pull_request-opened.json", EventKind.PULL_REQUEST_OPENED, "try.gitea.io/jcitizen/my-repo", "refs/pull/1/head", "2eba238e33607c1fa49253182e9fff42baafa1eb", 1),
                event("pull_request-synchronized.json", EventKind.PULL_REQUEST_UPDATED, "try.gitea.io/jcitizen/my-repo", "refs/pull/1/head", "2eba238e33607c1fa49253182e9fff42baafa1eb", 1),
                event("push.json", EventKind.BRANCH_PUSH, "try.gitea.io/gogits/hello-world", "refs/heads/master", "4522cbcefc20728a5b72b3a86af35e608622c514", null),
                ignored("signed/create-event.json", "'create' events are ignored: the 'push'"),
                ignored("signed/fork-event.json", "'fork' events do not trigger builds;"),
                ignored("signed/issue-assign-event.json", "'issue_assign' events do not trigger"),
                ignored("signed/issue-comment-event.json", "'issue_comment' events do not trigger"),
                ignored("signed/issue-label-event.json", "'issue_label' events do not trigger"),
                ignored("signed/issue-milestone-event.json", "'issue_milestone' events do not trigger"),
                ignored("signed/issues-event.json", "'issues' events do not trigger builds;"),
                ignored("signed/pull-request-assign-event.json", "'pull_request_assign' events do not"),
                ignored("signed/pull-request-comment-event.json", "'pull_request_comment' events do not"),
                event("signed/pull-request-event.json", EventKind.PULL_REQUEST_OPENED, "localhost/example/example", "refs/pull/2/head", "48e773f892a831faa47c0a160d1b7f0cd369ae2a", 2),
                ignored("signed/pull-request-label-event.json", "'pull_request_label' events do not"),
                ignored("signed/pull-request-milestone-event.json", "'pull_request_milestone' events do not"),
                ignored("signed/pull-request-review-event.json", "'pull_request_review' events do not"),
                ignored("signed/pull_request-edited.json", "Pull request action 'edited' does not"),
                event("signed/push-event.json", EventKind.BRANCH_CREATED, "localhost/example/example", "refs/heads/master", "67b56589a45103f891bdee7c0546e5d40bc02001", null),
                ignored("signed/release-event.json", "'release' events do not trigger builds;"),
                ignored("signed/repository-event.json", "'repository' events do not trigger")
        ).check(parser);
    }

    @Test
    public void shouldParseEveryGogsFixtureToItsExpectedEvent() {
        ParserTable.of("gogs/webhook").with(
                ignored("signed/create-event.json", "'create' events are ignored: the 'push'"),
                event("signed/delete-event.json", EventKind.BRANCH_DELETED, "gogs.example.com/user/repo", "refs/heads/obsolete-branch", null, null),
                ignored("signed/fork-event.json", "'fork' events do not trigger builds;"),
                ignored("signed/issue-comment-event.json", "'issue_comment' events do not trigger"),
                ignored("signed/issues-event.json", "'issues' events do not trigger builds;"),
                event("signed/pull-request-event.json", EventKind.PULL_REQUEST_OPENED, "gogs.example.com/user/repo", "refs/pull/1/head", null, 1),
                ignored("signed/pull_request-edited.drone-go-scm.json", "Pull request action 'edited' does not"),
                event("signed/push-event.json", EventKind.BRANCH_PUSH, "localhost/unknwon/webhooks", "refs/heads/develop", "bffeb74224043ba2feb48d137756c8a9331c449a", null),
                ignored("signed/release-event.json", "'release' events do not trigger builds;")
        ).check(parser);
    }

    @Test
    public void shouldReadForgejoHeaders() {
        // Given a push as Forgejo sends it (its own headers, and Gitea's GitHub-compatible ones)
        byte[] body = Fixtures.bytes("gitea/webhook/push.json");
        WebhookDelivery delivery = WebhookDelivery.post(Map.of("X-Forgejo-Event", "push", "X-Forgejo-Delivery",
                "forgejo-1", "X-GitHub-Event", "push"), body);

        // When
        WebhookEvent event = parser.parse(delivery).event();

        // Then
        assertThat(event.kind()).isEqualTo(EventKind.BRANCH_PUSH);
        assertThat(event.deliveryId()).isEqualTo("forgejo-1");
        assertThat(event.hostType()).isEqualTo(ProviderType.GITEA);
        assertThat(event.repository().sshCloneUrl()).isEqualTo("git@localhost:gogits/hello-world.git");
    }

    @Test
    public void shouldReadMergedPullRequestBranches() {
        WebhookEvent event = parser.parse(FixtureDeliveries.load("gitea/webhook/pull_request-closed-merged.json"))
                .event();

        assertThat(event.sourceBranch()).isEqualTo("feature");
        assertThat(event.targetBranch()).isEqualTo("master");
        assertThat(event.sender()).isEqualTo("jcitizen");
    }

    @Test
    public void shouldTellAPullRequestFromAForkByItsHeadRepository() {
        // Recorded from a local Gitea: example2/example asks to merge into example/example
        WebhookEvent event = parser.parse(FixtureDeliveries.load("gitea/webhook/signed/pull-request-event.json"))
                .event();

        assertThat(event.pullRequestSource()).isEqualTo(new PullRequestSource("example2/example", true, false, null));
        assertThat(event.ref()).isEqualTo("refs/pull/2/head");
        assertThat(event.sourceBranch()).isEqualTo("master");
    }

    @Test
    public void shouldReadGogsBranchNames() {
        WebhookEvent event = parser.parse(withEvent("gogs/webhook/signed/pull_request-edited.drone-go-scm.json",
                "\"action\": \"edited\"", "\"action\": \"opened\"")).event();

        assertThat(event.sourceBranch()).isEqualTo("feature");
        assertThat(event.targetBranch()).isEqualTo("master");
        assertThat(event.ref()).isEqualTo("refs/pull/2/head");
        assertThat(event.pullRequestSource()).as("Gogs names the head repository in head_repo")
                .isEqualTo(new PullRequestSource("gogits/hello-world", false, false, null));
    }

    @Test
    public void shouldNameADeletedTagWithItsFullRef() {
        WebhookEvent event = parser.parse(withEvent("gitea/webhook/delete-branch.json", "\"ref_type\": \"branch\"",
                "\"ref_type\": \"tag\"")).event();

        assertThat(event.kind()).isEqualTo(EventKind.TAG_DELETED);
        assertThat(event.ref()).isEqualTo("refs/tags/feature");
    }

    private static WebhookDelivery withEvent(String fixture, String from, String to) {
        String body = new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
        assertThat(body).contains(from);
        return FixtureDeliveries.withBody(fixture, body.replace(from, to).getBytes(StandardCharsets.UTF_8));
    }
}
