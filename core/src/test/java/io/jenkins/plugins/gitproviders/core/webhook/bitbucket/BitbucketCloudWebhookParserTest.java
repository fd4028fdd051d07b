package io.jenkins.plugins.gitproviders.core.webhook.bitbucket;

import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.BRANCH_CREATED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.BRANCH_DELETED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.BRANCH_PUSH;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.PULL_REQUEST_CLOSED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.PULL_REQUEST_MERGED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.PULL_REQUEST_OPENED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.PULL_REQUEST_UPDATED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.TAG_DELETED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.TAG_PUSH;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.testing.FixtureDeliveries;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.ParseResult;
import io.jenkins.plugins.gitproviders.core.webhook.ParseResult.Outcome;
import io.jenkins.plugins.gitproviders.core.webhook.PullRequestSource;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookDelivery;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.Test;

public class BitbucketCloudWebhookParserTest {
    private static final String DIR = "bitbucket-cloud/webhook";
    private static final String REQUEST_ID = "{2f0a1c3e-5b7d-4e9f-8a1b-3c5d7e9f1a2b}";

    private final BitbucketCloudWebhookParser parser = new BitbucketCloudWebhookParser();

    private static RepositoryInfo repo(String fullName, String webUrl) {
        return new RepositoryInfo("bitbucket.org", fullName, "https://bitbucket.org/" + fullName + ".git",
                "git@bitbucket.org:" + fullName + ".git", webUrl);
    }

    private static final RepositoryInfo DOCS = repo("team_name/repo_name", "https://api.bitbucket.org/bitbucket/bitbucket");
    private static final RepositoryInfo TEST_REPOS = repo("amuniz/test-repos", "https://bitbucket.org/amuniz/test-repos");
    private static final RepositoryInfo NFALCO = repo("nfalco79/test-repos", "https://bitbucket.org/nfalco79/test-repos");
    private static final RepositoryInfo TEMP = repo("cloudbeers/temp", "https://bitbucket.org/cloudbeers/temp");
    private static final RepositoryInfo FOO = repo("brydzewski/foo", "https://bitbucket.org/brydzewski/foo");

    private static WebhookEvent push(RepositoryInfo repository, EventKind kind, String ref, String before,
            String after, String sender) {
        return new WebhookEvent(ProviderType.BITBUCKET_CLOUD, kind, repository, ref, before, after, null, null, null,
                after, sender, REQUEST_ID);
    }

    /**
     * A pull request from the repository itself: Bitbucket Cloud publishes no pull request refs, so its ref is the
     * source branch; it sends 12-digit commit ids in pull request events, so the events carry none.
     */
    private static WebhookEvent pr(RepositoryInfo repository, EventKind kind, int number, String source,
            String target, String sender) {
        return new WebhookEvent(ProviderType.BITBUCKET_CLOUD, kind, repository, "refs/heads/" + source, null, null,
                number, source, target, null, sender, REQUEST_ID,
                PullRequestSource.sameRepository(repository.fullPath()));
    }

    /** Every fixture of the folder, with what it must parse to; an empty list means IGNORED. */
    private static Map<String, List<WebhookEvent>> expectations() {
        Map<String, List<WebhookEvent>> table = new LinkedHashMap<>();
        String nikolas = "Nikolas Falco";
        for (String ignored : List.of("commit-comment-created", "issue-comment-created", "issue-created",
                "issue-updated", "pull-request-approval-removed", "pull-request-approved",
                "pull-request-comment-created", "pull-request-comment-deleted", "pull-request-comment-updated",
                "repo-commit-status-created", "repo-commit-status-updated", "repo-fork", "repo-updated")) {
            table.put(ignored, List.of());
        }
        table.put("pull-request-created", List.of(pr(DOCS, PULL_REQUEST_OPENED, 1, "branch2", "master", "emmap1")));
        table.put("pull-request-updated", List.of(pr(DOCS, PULL_REQUEST_UPDATED, 1, "branch2", "master", "emmap1")));
        table.put("pull-request-merged", List.of(pr(DOCS, PULL_REQUEST_MERGED, 1, "branch2", "master", "emmap1")));
        table.put("pull-request-declined", List.of(pr(DOCS, PULL_REQUEST_CLOSED, 1, "branch2", "master", "emmap1")));
        // From a fork: the source branch lives in the fork, so the event names no ref of the target repository.
        table.put("pullrequest-created-from-fork", List.of(new WebhookEvent(ProviderType.BITBUCKET_CLOUD,
                PULL_REQUEST_OPENED, TEMP, null, null, null, 3, "main", "main", null, "stephenc", REQUEST_ID,
                new PullRequestSource("stephenc/temp-fork", true, false, null))));
        table.put("pullrequest-created.drone-go-scm",
                List.of(pr(FOO, PULL_REQUEST_OPENED, 1, "develop", "master", "brydzewski")));
        table.put("pullrequest-created",
                List.of(pr(TEST_REPOS, PULL_REQUEST_OPENED, 735, "feature/test", "master", nikolas)));
        table.put("pullrequest-fulfilled.drone-go-scm",
                List.of(pr(FOO, PULL_REQUEST_MERGED, 1, "develop", "master", "brydzewski")));
        table.put("pullrequest-fulfilled", List.of(pr(TEMP, PULL_REQUEST_MERGED, 2, "foo", "main", "stephenc")));
        table.put("pullrequest-rejected",
                List.of(pr(TEST_REPOS, PULL_REQUEST_CLOSED, 735, "feature/test", "master", nikolas)));
        table.put("pullrequest-updated.drone-go-scm",
                List.of(pr(FOO, PULL_REQUEST_UPDATED, 1, "develop", "master", "brydzewski")));
        table.put("pullrequest-updated",
                List.of(pr(NFALCO, PULL_REQUEST_UPDATED, 1, "release/release-1", "master", nikolas)));
        table.put("repo-push-annotated-tag-created", List.of(push(TEST_REPOS, TAG_PUSH, "refs/tags/test-tag", null,
                "7ef5981d59145c3ed300b1ab77b93907d33abe59", nikolas)));
        table.put("repo-push-branch-created", List.of(push(TEST_REPOS, BRANCH_CREATED, "refs/heads/feature/test",
                null, "174561d625c9623b60d8aba09b7f08ddc9df45cd", nikolas)));
        table.put("repo-push-branch-deleted.drone-go-scm", List.of(push(FOO, BRANCH_DELETED, "refs/heads/develop",
                "141977fedf5cf35aa290ac87d4b5177ac4cd9de1", null, "brydzewski")));
        table.put("repo-push-branch-deleted", List.of(push(TEST_REPOS, BRANCH_DELETED, "refs/heads/feature/test",
                "174561d625c9623b60d8aba09b7f08ddc9df45cd", null, nikolas)));
        table.put("repo-push-branch-updated", List.of(push(TEST_REPOS, BRANCH_PUSH,
                "refs/heads/feature/issue-819", "a10199272451f4c7c5edced2d40b5d6f2f6f5fa3",
                "5ecffa3874e96920f24a2b3c0d0038e47d5cd1a4", nikolas)));
        table.put("repo-push-multiple-changes", List.of(
                push(TEMP, BRANCH_PUSH, "refs/heads/main", "fc4d1ce2853b6f1ac0d0dbad643d17ef4a6e0be7",
                        "325d37697849f4b1fe42cb19c20134af08e03a82", "stephenc"),
                push(TEMP, BRANCH_CREATED, "refs/heads/manchu", null, "e22fcb49645b4586a845938afac5eb3ac1950586",
                        "stephenc"),
                push(TEMP, TAG_PUSH, "refs/tags/v0.1", null, "1986c228494671574242f99b62d1a00a4bfb69a5",
                        "stephenc")));
        table.put("repo-push-tag-created", List.of(push(TEST_REPOS, TAG_PUSH, "refs/tags/simple-tag", null,
                "7ef5981d59145c3ed300b1ab77b93907d33abe59", nikolas)));
        table.put("repo-push-tag-deleted", List.of(push(TEST_REPOS, TAG_DELETED, "refs/tags/test",
                "174561d625c9623b60d8aba09b7f08ddc9df45cd", null, nikolas)));
        table.put("repo-push.drone-go-scm", List.of(push(FOO, BRANCH_PUSH, "refs/heads/master",
                "40e7580cf11311d84a6e5e97e2cbba6df1675750", "141977fedf5cf35aa290ac87d4b5177ac4cd9de1",
                "brydzewski")));
        table.put("repo-push", List.of(push(DOCS, BRANCH_PUSH, "refs/heads/name-of-branch",
                "1e65c05c1d5171631d92438a13901ca7dae9618c", "709d658dc5b6d6afcd46049c2f332ee3f515a67d", "emmap1")));
        return table;
    }

    @Test
    public void shouldParseEveryRecordedDeliveryToTheExpectedEvents() {
        // Given every recorded Bitbucket Cloud delivery, with a request id added as Bitbucket sends it
        Map<String, List<WebhookEvent>> table = expectations();
        assertThat(FixtureDeliveries.bodies(DIR))
                .as("every fixture has an expectation")
                .map(path -> path.substring(DIR.length() + 1, path.length() - ".json".length()))
                .containsExactlyInAnyOrderElementsOf(table.keySet());
        SoftAssertions softly = new SoftAssertions();
        table.forEach((name, expected) -> {
            // When it is parsed
            ParseResult result = parser.parse(
                    FixtureDeliveries.load(DIR + "/" + name + ".json", Map.of("X-Request-UUID", REQUEST_ID)));
            // Then it gives exactly the expected events, or is ignored with a reason naming the event key
            if (expected.isEmpty()) {
                softly.assertThat(result.outcome()).as(name).isEqualTo(Outcome.IGNORED);
                softly.assertThat(result.reason()).as(name)
                        .contains(FixtureDeliveries.headers(DIR + "/" + name + ".json").get("X-Event-Key"));
            } else {
                softly.assertThat(result.outcome()).as(name + ": " + result.reason()).isEqualTo(Outcome.EVENT);
                softly.assertThat(result.events()).as(name).containsExactlyElementsOf(expected);
                softly.assertThat(result.event()).as(name).isEqualTo(expected.get(0));
            }
        });
        softly.assertAll();
    }

    @Test
    public void shouldNotUseTheHookUuidAsDeliveryId() {
        // Given a recorded delivery with X-Hook-UUID (the webhook's id, the same for all its deliveries) only
        WebhookDelivery delivery = FixtureDeliveries.load(DIR + "/repo-push.json");
        assertThat(delivery.header("X-Hook-UUID")).isPresent();

        // When it is parsed
        ParseResult result = parser.parse(delivery);

        // Then it has no delivery id, so it cannot be mistaken for a duplicate of the webhook's previous delivery
        assertThat(result.event().deliveryId()).isNull();
    }

    @Test
    public void shouldRefuseADeliveryWithoutEventKey() {
        WebhookDelivery delivery = WebhookDelivery.post(Map.of("Content-Type", "application/json"),
                Fixtures.bytes(DIR + "/repo-push.json"));

        ParseResult result = parser.parse(delivery);

        assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(result.reason()).contains("X-Event-Key");
    }

    @Test
    public void shouldNameTheFieldOfAnInvalidCommitId() {
        // Given a push whose new commit id is not hexadecimal
        String body = new String(Fixtures.bytes(DIR + "/repo-push.json"), StandardCharsets.UTF_8)
                .replace("709d658dc5b6d6afcd46049c2f332ee3f515a67d", "709d658dc5b6d6afcd46049c2f332ee3f515a67z");

        ParseResult result = parser.parse(delivery("repo:push", body));

        assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(result.reason()).contains("push.changes[0].new.target.hash").contains("40 or 64 hexadecimal");
    }

    @Test
    public void shouldAcceptSha256CommitIds() {
        String sha256 = "a".repeat(64);
        String body = "{\"repository\":{\"full_name\":\"ws/repo\"},\"push\":{\"changes\":[{\"old\":null,"
                + "\"new\":{\"type\":\"branch\",\"name\":\"main\",\"target\":{\"hash\":\"" + sha256 + "\"}}}]}}";

        ParseResult result = parser.parse(delivery("repo:push", body));

        assertThat(result.event().after()).isEqualTo(sha256);
        assertThat(result.event().kind()).isEqualTo(BRANCH_CREATED);
        assertThat(result.event().repository().webUrl()).isNull();
    }

    @Test
    public void shouldKeepAFullPullRequestHeadCommit() {
        // Given a pull request event whose source commit is a full id (the host may send one some day)
        String full = "d3022fc0ca3d65c7b3c2b7f2e4e5a6b7c8d9e0f1";
        String body = new String(Fixtures.bytes(DIR + "/pull-request-created.json"), StandardCharsets.UTF_8)
                .replace("\"d3022fc0ca3d\"", "\"" + full + "\"");

        ParseResult result = parser.parse(delivery("pullrequest:created", body));

        assertThat(result.event().headCommit()).isEqualTo(full);
        assertThat(result.event().after()).isEqualTo(full);
    }

    @Test
    public void shouldIgnoreAPushOfNeitherBranchesNorTags() {
        String body = "{\"repository\":{\"full_name\":\"ws/repo\"},\"push\":{\"changes\":[{\"old\":null,"
                + "\"new\":{\"type\":\"bookmark\",\"name\":\"b\",\"target\":{\"hash\":\"" + "b".repeat(40) + "\"}}}]}}";

        ParseResult result = parser.parse(delivery("repo:push", body));

        assertThat(result.outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(result.reason()).contains("bookmark");
    }

    @Test
    public void shouldRefuseAWrongFullName() {
        String body = "{\"repository\":{\"full_name\":\"no-workspace\"},\"push\":{\"changes\":[]}}";

        ParseResult result = parser.parse(delivery("repo:push", body));

        assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(result.reason()).contains("repository.full_name");
    }

    static WebhookDelivery delivery(String eventKey, String body) {
        return WebhookDelivery.post(Map.of("X-Event-Key", eventKey, "Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
