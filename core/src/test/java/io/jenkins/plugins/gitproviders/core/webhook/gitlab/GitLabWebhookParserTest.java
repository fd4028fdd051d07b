package io.jenkins.plugins.gitproviders.core.webhook.gitlab;

import static io.jenkins.plugins.gitproviders.core.webhook.ParserTable.event;
import static io.jenkins.plugins.gitproviders.core.webhook.ParserTable.ignored;
import static io.jenkins.plugins.gitproviders.core.webhook.ParserTable.malformed;
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

public class GitLabWebhookParserTest {
    private final GitLabWebhookParser parser = new GitLabWebhookParser();

    @Test
    public void shouldParseEveryGitLabFixtureToItsExpectedEvent() {
        ParserTable.of("gitlab/webhook").with(
                ignored("build-event.json", "GitLab 'Build Hook' deliveries do not"),
                ignored("comment-commit-event.json", "GitLab 'Note Hook' deliveries do not"),
                ignored("comment-issue-event.json", "GitLab 'Note Hook' deliveries do not"),
                ignored("comment-merge-request-event.json", "GitLab 'Note Hook' deliveries do not"),
                ignored("comment-snippet-event.json", "GitLab 'Note Hook' deliveries do not"),
                ignored("confidential-comment-event.json", "GitLab 'Confidential Note Hook'"),
                ignored("confidential-issue-event.json", "GitLab 'Confidential Issue Hook'"),
                ignored("deployment-event.json", "GitLab 'Deployment Hook' deliveries do"),
                ignored("issue-event.json", "GitLab 'Issue Hook' deliveries do not"),
                ignored("job.go-gitlab.json", "GitLab 'Job Hook' deliveries do not"),
                event("merge-request-event.json", EventKind.PULL_REQUEST_OPENED, "example.com/gitlabhq/gitlab-test", "refs/merge-requests/1/head", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", 1),
                event("merge_request-close.json", EventKind.PULL_REQUEST_CLOSED, "gitlab.com/gitlab-org/hello-world", "refs/merge-requests/1/head", "c4c79227ed610f1151f05bbc5be33b4f340d39c8", 1),
                malformed("merge_request-merge.group-hook.go-gitlab.json", "'$.object_attributes.iid' is missing;"),
                event("merge_request-merge.json", EventKind.PULL_REQUEST_MERGED, "gitlab.com/gitlab-org/hello-world", "refs/merge-requests/1/head", "c4c79227ed610f1151f05bbc5be33b4f340d39c8", 1),
                event("merge_request-open.gitlab4j.json", EventKind.PULL_REQUEST_OPENED, "example.com/gitlabhq/gitlab-test", "refs/merge-requests/1/head", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", 1),
                event("merge_request-open.go-gitlab.json", EventKind.PULL_REQUEST_OPENED, "example.com/gitlabhq/gitlab-test", "refs/merge-requests/1/head", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", 1),
                event("merge_request-open.json", EventKind.PULL_REQUEST_OPENED, "gitlab.com/gitlab-org/hello-world", "refs/merge-requests/1/head", "c4c79227ed610f1151f05bbc5be33b4f340d39c8", 1),
                event("merge_request-update.go-gitlab.json", EventKind.PULL_REQUEST_UPDATED, "10.40.8.5/test/woodpecker", "refs/merge-requests/2/head", "0ab96a10266b95b4b533dcfd98738015fbe70889", 2),
                ignored("merge_request-update.json", "Merge request update without new"),
                ignored("note-commit.go-gitlab.json", "GitLab 'Note Hook' deliveries do not"),
                ignored("note-merge_request.gitlab4j.json", "GitLab 'Note Hook' deliveries do not"),
                ignored("note-merge_request.go-gitlab.json", "GitLab 'Note Hook' deliveries do not"),
                ignored("note-merge_request.json", "GitLab 'Note Hook' deliveries do not"),
                ignored("pipeline-event.json", "GitLab 'Pipeline Hook' deliveries do"),
                ignored("pipeline-success.go-gitlab.json", "GitLab 'Pipeline Hook' deliveries do"),
                ignored("pipeline.drone-go-scm.json", "GitLab 'Pipeline Hook' deliveries do"),
                ignored("pipeline.gitlab4j.json", "GitLab 'Pipeline Hook' deliveries do"),
                event("push-branch-created.json", EventKind.BRANCH_CREATED, "gitlab.com/gitlab-org/hello-world", "refs/heads/feature", "c4c79227ed610f1151f05bbc5be33b4f340d39c8", null),
                event("push-branch-deleted.json", EventKind.BRANCH_DELETED, "gitlab.com/gitlab-org/hello-world", "refs/heads/feature", null, null),
                event("push-branch-updated.json", EventKind.BRANCH_PUSH, "gitlab.com/gitlab-org/hello-world", "refs/heads/master", "2adc9465c4edfc33834e173fe89436a7cb899a1d", null),
                event("push-event.json", EventKind.BRANCH_PUSH, "example.com/mike/diaspora", "refs/heads/master", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", null),
                event("push-merge-commit.json", EventKind.BRANCH_PUSH, "gitlab.com/gitlab-org/hello-world", "refs/heads/master", "78a76ee6b4992a6baf64c59fc4c44c7323d60438", null),
                event("push.gitlab4j.json", EventKind.BRANCH_PUSH, "example.com/mike/diaspora", "refs/heads/master", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", null),
                event("push.go-gitlab.json", EventKind.BRANCH_PUSH, "example.com/mike/diaspora", "refs/heads/master", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", null),
                ignored("release-event.json", "GitLab 'Release Hook' deliveries do not"),
                ignored("release.go-gitlab.json", "GitLab 'Release Hook' deliveries do not"),
                ignored("resource_access_token-expiring.project.go-gitlab.json", "GitLab 'Resource Access Token Hook'"),
                event("signed/push.token-topsecret.json", EventKind.BRANCH_PUSH, "gitlab.com/gitlab-org/hello-world", "refs/heads/master", "2adc9465c4edfc33834e173fe89436a7cb899a1d", null),
                ignored("system-hook-merge_request.gitlab4j.json", "Merge request event without an action"),
                event("system-hook-push.gitlab4j.json", EventKind.BRANCH_PUSH, "example.com/mike/diaspora", "refs/heads/master", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", null),
                ignored("system-merge-request-event.json", "Merge request event without an action"),
                ignored("system-project-created.json", "GitLab system hook 'project_create'"),
                event("system-push-event.json", EventKind.BRANCH_PUSH, "example.com/mike/diaspora", "refs/heads/master", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", null),
                event("system-tag-event.json", EventKind.TAG_PUSH, "example.com/jsmith/example", "refs/tags/v1.0.0", "5937ac0a7beb003549fc5fd26fc247adbce4a52e", null),
                ignored("system-user-created.json", "GitLab system hook 'user_create' does"),
                event("tag-event.json", EventKind.TAG_PUSH, "example.com/jsmith/example", "refs/tags/v1.0.0", "82b3d5ae55f7080f1e6022629cdb57bfae7cccc7", null),
                event("tag_push-created.go-gitlab.json", EventKind.TAG_PUSH, "example.com/jsmith/example", "refs/tags/v1.0.0", "82b3d5ae55f7080f1e6022629cdb57bfae7cccc7", null),
                event("tag_push-created.json", EventKind.TAG_PUSH, "gitlab.com/gitlab-org/hello-world", "refs/tags/v1.0.0", "2adc9465c4edfc33834e173fe89436a7cb899a1d", null),
                event("tag_push-deleted.json", EventKind.TAG_DELETED, "gitlab.com/gitlab-org/hello-world", "refs/tags/v1.0.0", null, null),
                event("tag_push.gitlab4j.json", EventKind.TAG_PUSH, "example.com/jsmith/example", "refs/tags/v1.0.0", "82b3d5ae55f7080f1e6022629cdb57bfae7cccc7", null),
                ignored("wikipage-event.json", "GitLab 'Wiki Page Hook' deliveries do")
        ).check(parser);
    }

    @Test
    public void shouldKeepNestedGroupsInTheRepositoryPath() {
        // Given a push to a project three groups deep
        String body = new String(Fixtures.bytes("gitlab/webhook/push-branch-updated.json"), StandardCharsets.UTF_8)
                .replace("gitlab-org/hello-world", "gitlab-org/platform/infra/hello-world");

        // When
        WebhookEvent event = parser.parse(delivery("Push Hook", body, Map.of())).event();

        // Then
        assertThat(event.repository().fullPath()).isEqualTo("gitlab-org/platform/infra/hello-world");
        assertThat(event.repository().httpsCloneUrl())
                .isEqualTo("https://gitlab.com/gitlab-org/platform/infra/hello-world.git");
        assertThat(event.repository().sshCloneUrl()).isEqualTo("git@gitlab.com:gitlab-org/platform/infra/hello-world.git");
        assertThat(event.hostType()).isEqualTo(ProviderType.GITLAB);
    }

    @Test
    public void shouldTakeTheDeliveryIdFromTheEventUuidThenTheIdempotencyKey() {
        String body = new String(Fixtures.bytes("gitlab/webhook/push-event.json"), StandardCharsets.UTF_8);

        WebhookEvent both = parser.parse(delivery("Push Hook", body, Map.of("X-Gitlab-Event-UUID", "event-1",
                "Idempotency-Key", "key-1"))).event();
        WebhookEvent keyOnly = parser.parse(delivery("Push Hook", body, Map.of("Idempotency-Key", "key-1"))).event();

        assertThat(both.deliveryId()).isEqualTo("event-1");
        assertThat(keyOnly.deliveryId()).isEqualTo("key-1");
    }

    @Test
    public void shouldReadMergeRequestFields() {
        WebhookEvent event = parser.parse(FixtureDeliveries.load("gitlab/webhook/merge_request-update.go-gitlab.json"))
                .event();

        assertThat(event.pullRequestNumber()).isEqualTo(2);
        assertThat(event.sourceBranch()).isEqualTo("next-feature");
        assertThat(event.targetBranch()).isEqualTo("master");
        assertThat(event.before()).isEqualTo("6ef047571374c96a2bf13c361efd1fb008b0063e");
        assertThat(event.sender()).isEqualTo("test");
        assertThat(event.hostType()).isEqualTo(ProviderType.GITLAB_SELF_MANAGED);
    }

    @Test
    public void shouldNameTheFieldOfTheWrongType() {
        String body = new String(Fixtures.bytes("gitlab/webhook/merge_request-open.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"iid\": ?1", "\"iid\": \"one\"");

        ParseResult result = parser.parse(delivery("Merge Request Hook", body, Map.of()));

        assertThat(result.outcome()).isEqualTo(ParseResult.Outcome.MALFORMED);
        assertThat(result.reason()).contains("'$.object_attributes.iid' is a string; expected a whole number");
    }

    @Test
    public void shouldTellAMergeRequestFromAForkByItsSourceProject() {
        byte[] fromFork = JsonEdit.fixture("gitlab/webhook/merge_request-open.json", root -> {
            JsonEdit.at(root, "/object_attributes").put("source_project_id", 999);
            JsonEdit.at(root, "/object_attributes/source").put("path_with_namespace", "mallory/hello-world");
        });

        WebhookEvent fork = parser.parse(delivery("Merge Request Hook", new String(fromFork, StandardCharsets.UTF_8),
                Map.of())).event();
        WebhookEvent own = parser.parse(FixtureDeliveries.load("gitlab/webhook/merge_request-open.json")).event();

        assertThat(fork.pullRequestSource()).isEqualTo(new PullRequestSource("mallory/hello-world", true, false, null));
        assertThat(fork.ref()).isEqualTo("refs/merge-requests/1/head");
        assertThat(own.pullRequestSource())
                .isEqualTo(new PullRequestSource("gitlab-org/hello-world", false, false, null));
    }

    private static WebhookDelivery delivery(String event, String body, Map<String, String> extra) {
        Map<String, String> headers = new java.util.HashMap<>(extra);
        headers.put("X-Gitlab-Event", event);
        return WebhookDelivery.post(headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
