package io.jenkins.plugins.gitproviders.core.webhook.bitbucket;

import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.BRANCH_CREATED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.BRANCH_DELETED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.BRANCH_PUSH;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.PING;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.PULL_REQUEST_CLOSED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.PULL_REQUEST_MERGED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.PULL_REQUEST_OPENED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.PULL_REQUEST_UPDATED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.TAG_DELETED;
import static io.jenkins.plugins.gitproviders.core.webhook.EventKind.TAG_PUSH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.testing.FixtureDeliveries;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.testing.JsonEdit;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.ParseResult;
import io.jenkins.plugins.gitproviders.core.webhook.ParseResult.Outcome;
import io.jenkins.plugins.gitproviders.core.webhook.PullRequestSource;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookDelivery;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.Test;

public class BitbucketDataCenterWebhookParserTest {
    private static final String DIR = "bitbucket-server/webhook";
    private static final String REQUEST_ID = "8c4b2f0e-3a1d-4e6f-9b7a-5d2c1e0f3a4b";
    /** The server the parser falls back to for recorded deliveries without repository links. */
    private static final String SERVER = "https://bitbucket.example.com/bitbucket";

    private final BitbucketDataCenterWebhookParser parser = new BitbucketDataCenterWebhookParser();
    private final BitbucketDataCenterWebhookParser parserForServer = BitbucketDataCenterWebhookParser.forServer(SERVER);

    private static final RepositoryInfo LOCAL = new RepositoryInfo("localhost", "AMUNIZ/test-repos",
            "http://localhost:7990/bitbucket/scm/amuniz/test-repos.git", "ssh://git@localhost:7999/amuniz/test-repos.git",
            "http://localhost:7990/bitbucket/projects/AMUNIZ/repos/test-repos/browse");
    private static final RepositoryInfo LOCAL_ROOT = new RepositoryInfo("localhost", "AMUNIZ/test-repos",
            "http://localhost:7990/scm/amuniz/test-repos.git", "ssh://git@localhost:7999/amuniz/test-repos.git",
            "http://localhost:7990/projects/AMUNIZ/repos/test-repos/browse");
    private static final RepositoryInfo LOCAL_UPPER = new RepositoryInfo("localhost", "AMUNIZ/test-repos",
            "http://localhost:7990/bitbucket/scm/AMUNIZ/test-repos.git", "ssh://git@localhost:7999/AMUNIZ/test-repos.git",
            "http://localhost:7990/bitbucket/projects/AMUNIZ/repos/test-repos/browse");
    private static final RepositoryInfo EXAMPLE = new RepositoryInfo("example.com", "PRJ/my-repo",
            "http://example.com:7990/scm/prj/my-repo.git", "ssh://git@example.com:7999/prj/my-repo.git",
            "http://example.com:7990/projects/PRJ/repos/my-repo/browse");
    /** Built from the configured server: the delivery carries no links. */
    private static final RepositoryInfo NO_LINKS = new RepositoryInfo("bitbucket.example.com", "PRJ/my-repo",
            SERVER + "/scm/prj/my-repo.git", null, SERVER + "/projects/PRJ/repos/my-repo/browse");
    private static final RepositoryInfo GOPHER = gopher("server.bitbucket.local");

    private static RepositoryInfo gopher(String host) {
        return new RepositoryInfo(host, "~gopher/webhook-test", "https://" + host + "/scm/~gopher/webhook-test.git",
                "ssh://git@" + host + ":7999/~gopher/webhook-test.git",
                "https://" + host + "/users/gopher/repos/webhook-test/browse");
    }

    private static WebhookEvent ref(RepositoryInfo repository, EventKind kind, String ref, @CheckForNull String before,
            @CheckForNull String after, String sender) {
        return new WebhookEvent(ProviderType.BITBUCKET_DATA_CENTER, kind, repository, ref, before, after, null, null,
                null, after, sender, REQUEST_ID);
    }

    /** A pull request from the repository itself, known by the server's pull request ref. */
    private static WebhookEvent pr(RepositoryInfo repository, EventKind kind, int number, String source,
            String target, String head, @CheckForNull String before, String sender) {
        return new WebhookEvent(ProviderType.BITBUCKET_DATA_CENTER, kind, repository,
                "refs/pull-requests/" + number + "/from", before, head, number, source, target, head, sender,
                REQUEST_ID, PullRequestSource.sameRepository(repository.fullPath()));
    }

    /** Every fixture, including {@code signed/}, with what it must parse to; an empty list means IGNORED. */
    private static Map<String, List<WebhookEvent>> expectations() {
        Map<String, List<WebhookEvent>> table = new LinkedHashMap<>();
        for (String ignored : List.of("mirror-repo_synchronized", "signed/pr-comment-deleted",
                "signed/pr-comment-edited", "signed/pr-reviewer-approved", "signed/pr-reviewer-needs-work",
                "signed/pr-reviewer-unapproved", "signed/pr-reviewer-updated", "signed/repo-comment-added",
                "signed/repo-comment-deleted", "signed/repo-comment-edited", "signed/repo-forked",
                "signed/repo-modified", "signed/pr-modified")) {
            table.put(ignored, List.of());
        }
        table.put("diagnostics-ping", List.of(new WebhookEvent(ProviderType.BITBUCKET_DATA_CENTER, PING, null, null,
                null, null, null, null, null, null, null, REQUEST_ID)));
        String diffstat = "251fce291f086cdde68ae2a896148abb5b58033e";
        table.put("pr-deleted", List.of(pr(LOCAL, PULL_REQUEST_CLOSED, 1, "feature/diffstat", "master", diffstat,
                null, "admin")));
        table.put("pr-opened", List.of(pr(LOCAL, PULL_REQUEST_OPENED, 1, "feature/diffstat", "master", diffstat,
                null, "admin")));
        table.put("pr-from_ref_updated", List.of(pr(EXAMPLE, PULL_REQUEST_UPDATED, 2, "feature-2", "master",
                "c00d0f269a9844dd168f72f6a9d78a9cff49a318", "caf52ccb18c039cd9b930ed1f7b3edfb34cb92dd", "jcitizen")));
        // The target moved from 'wrong' to 'master': an update (signed/pr-modified, a description edit, is ignored).
        table.put("pr-modified-toref", List.of(pr(EXAMPLE, PULL_REQUEST_UPDATED, 2, "feature-2", "master",
                "c00d0f269a9844dd168f72f6a9d78a9cff49a318", null, "jcitizen")));
        WebhookEvent merged = pr(NO_LINKS, PULL_REQUEST_MERGED, 3, "develop", "master",
                "b9eaed50a03c073b20dfa82e5e753d295e7f0e56", null, "jcitizen");
        table.put("pr-merged", List.of(merged));
        table.put("pr-merged.iso-dates", List.of(merged));
        table.put("pr-opened-from-tag", List.of(pr(LOCAL_UPPER, PULL_REQUEST_OPENED, 1, "v1.0", "master",
                "f0d122cd8b8bc393eb1953f4127a4addeae8fe97", null, "amuniz")));
        table.put("pr-opened.drone-go-scm", List.of(pr(NO_LINKS, PULL_REQUEST_OPENED, 2, "develop", "master",
                "208b0a5c05eddadad01f2aed8802fe0c3b3eaf5e", null, "jcitizen")));
        table.put("repo-refs_changed-annotated-tag-added", List.of(ref(LOCAL, TAG_PUSH, "refs/tags/annotated-tag",
                null, "118cc36527dd376b94de5b0e6424b1dfbd4717ff", "admin")));
        table.put("repo-refs_changed-branch-added", List.of(ref(NO_LINKS, BRANCH_CREATED, "refs/heads/develop",
                null, "208b0a5c05eddadad01f2aed8802fe0c3b3eaf5e", "jcitizen")));
        table.put("repo-refs_changed-branch-added.v10", List.of(ref(LOCAL, BRANCH_CREATED,
                "refs/heads/feature/BB-1", null, "fb522a6f08c7c7df337312e4e65ec1b57710672e", "admin")));
        table.put("repo-refs_changed-branch-deleted.drone-go-scm", List.of(ref(NO_LINKS, BRANCH_DELETED,
                "refs/heads/develop", "208b0a5c05eddadad01f2aed8802fe0c3b3eaf5e", null, "jcitizen")));
        table.put("repo-refs_changed-branch-deleted", List.of(ref(LOCAL, BRANCH_DELETED, "refs/heads/feature/BB-1",
                "fb522a6f08c7c7df337312e4e65ec1b57710672e", null, "admin")));
        table.put("repo-refs_changed-branch-updated", List.of(ref(LOCAL_ROOT, BRANCH_PUSH, "refs/heads/main",
                "a8c13e8850dc60300be720019d1ffc1aa2fded87", "9fdd7b96d3f5c276d0b9e0bf38c879eb112d889a", "amuniz")));
        table.put("repo-refs_changed-tag-added.drone-go-scm", List.of(ref(NO_LINKS, TAG_PUSH, "refs/tags/v1.1.0",
                null, "823b2230a56056231c9425d63758fa87078a66b4", "jcitizen")));
        table.put("repo-refs_changed-tag-added", List.of(ref(LOCAL, TAG_PUSH, "refs/tags/simple-tag", null,
                "fb522a6f08c7c7df337312e4e65ec1b57710672e", "admin")));
        table.put("repo-refs_changed-tag-deleted", List.of(ref(LOCAL, TAG_DELETED, "refs/tags/simple-tag",
                "fb522a6f08c7c7df337312e4e65ec1b57710672e", null, "admin")));
        table.put("signed/pr-declined", List.of(pr(GOPHER, PULL_REQUEST_CLOSED, 2, "feature/wip", "master",
                "50a8ee1fae3abf75738a85f9039b4b2de4947174", null, "gopher")));
        table.put("signed/pr-deleted", List.of(pr(GOPHER, PULL_REQUEST_CLOSED, 2, "feature/wip", "master",
                "50a8ee1fae3abf75738a85f9039b4b2de4947174", null, "gopher")));
        table.put("signed/pr-opened", List.of(pr(GOPHER, PULL_REQUEST_OPENED, 5, "feature/wip", "master",
                "32a0b8a740c2963c6f56bd8baf3dc05683d299e0", null, "gopher")));
        table.put("signed/repo-refs-changed", List.of(ref(GOPHER, BRANCH_DELETED, "refs/heads/feature/wip",
                "32a0b8a740c2963c6f56bd8baf3dc05683d299e0", null, "gopher")));
        return table;
    }

    private static final Set<String> WITHOUT_LINKS = Set.of("pr-merged", "pr-merged.iso-dates",
            "pr-opened.drone-go-scm", "repo-refs_changed-branch-added", "repo-refs_changed-branch-deleted.drone-go-scm",
            "repo-refs_changed-tag-added.drone-go-scm");

    @Test
    public void shouldParseEveryRecordedDeliveryToTheExpectedEvents() {
        // Given every recorded delivery, signed ones included, with a request id added as Bitbucket sends it
        Map<String, List<WebhookEvent>> table = expectations();
        List<String> fixtures = new ArrayList<>(FixtureDeliveries.bodies(DIR));
        fixtures.addAll(FixtureDeliveries.bodies(DIR + "/signed"));
        assertThat(fixtures)
                .as("every fixture has an expectation")
                .map(path -> path.substring(DIR.length() + 1, path.length() - ".json".length()))
                .containsExactlyInAnyOrderElementsOf(table.keySet());
        SoftAssertions softly = new SoftAssertions();
        table.forEach((name, expected) -> {
            // When the parser that knows the server parses it
            ParseResult result = parserForServer.parse(
                    FixtureDeliveries.load(DIR + "/" + name + ".json", Map.of("X-Request-Id", REQUEST_ID)));
            // Then it gives exactly the expected events, or is ignored with a reason naming the event key
            if (expected.isEmpty()) {
                softly.assertThat(result.outcome()).as(name).isEqualTo(Outcome.IGNORED);
                softly.assertThat(result.reason()).as(name)
                        .contains(FixtureDeliveries.headers(DIR + "/" + name + ".json").get("X-Event-Key"));
            } else {
                softly.assertThat(result.outcome()).as(name + ": " + result.reason()).isEqualTo(Outcome.EVENT);
                softly.assertThat(result.events()).as(name).containsExactlyElementsOf(expected);
            }
        });
        softly.assertAll();
    }

    @Test
    public void shouldTakeTheRepositoryFromTheLinksWhateverServerIsConfigured() {
        // Given deliveries that carry repository links
        SoftAssertions softly = new SoftAssertions();
        expectations().forEach((name, expected) -> {
            if (WITHOUT_LINKS.contains(name)) {
                return;
            }
            WebhookDelivery delivery =
                    FixtureDeliveries.load(DIR + "/" + name + ".json", Map.of("X-Request-Id", REQUEST_ID));
            // When the parser without a server parses them, Then they give the same result as with one
            softly.assertThat(parser.parse(delivery)).as(name).isEqualTo(parserForServer.parse(delivery));
        });
        softly.assertAll();
    }

    @Test
    public void shouldTellAPullRequestFromAForkByItsSourceRepository() {
        byte[] fromFork = JsonEdit.fixture(DIR + "/pr-opened.json", root -> {
            JsonEdit.at(root, "/pullRequest/fromRef/repository").put("slug", "test-repos-fork");
            JsonEdit.at(root, "/pullRequest/fromRef/repository/project").put("key", "~MALLORY");
        });

        WebhookEvent fork = parser.parse(WebhookDelivery.post(Map.of("X-Event-Key", "pr:opened"), fromFork)).event();

        assertThat(fork.pullRequestSource())
                .isEqualTo(new PullRequestSource("~MALLORY/test-repos-fork", true, false, null));
        assertThat(fork.ref()).isEqualTo("refs/pull-requests/1/from");
    }

    @Test
    public void shouldCountPrModifiedAsAnUpdateOnlyWhenTheTargetChanged() {
        // A description edit (previousTarget is the target) is ignored; a new target branch is an update
        ParseResult edit = parser.parse(FixtureDeliveries.load(DIR + "/signed/pr-modified.json"));
        ParseResult retarget = parser.parse(FixtureDeliveries.load(DIR + "/pr-modified-toref.json"));
        byte[] newTargetCommit = JsonEdit.fixture(DIR + "/signed/pr-modified.json", root -> JsonEdit.at(root,
                "/previousTarget").put("latestCommit", "0123456789abcdef0123456789abcdef01234567"));

        assertThat(edit.outcome()).isEqualTo(Outcome.IGNORED);
        assertThat(edit.reason()).contains("pr:modified").contains("description");
        assertThat(retarget.event().kind()).isEqualTo(PULL_REQUEST_UPDATED);
        assertThat(parser.parse(WebhookDelivery.post(Map.of("X-Event-Key", "pr:modified"), newTargetCommit)).event()
                .kind()).isEqualTo(PULL_REQUEST_UPDATED);
    }

    @Test
    public void shouldExplainThatADeliveryWithoutLinksNeedsTheServer() {
        // Given an older server's delivery, whose repository has no links
        for (String name : WITHOUT_LINKS) {
            // When the parser knows no server
            ParseResult result = parser.parse(FixtureDeliveries.load(DIR + "/" + name + ".json"));

            // Then the delivery is malformed, and the reason says what to do
            assertThat(result.outcome()).as(name).isEqualTo(Outcome.MALFORMED);
            assertThat(result.reason()).as(name).contains("repository.links").contains("server URL");
        }
    }

    @Test
    public void shouldParseEpochMillisecondAndIsoDatesAlike() {
        ParseResult millis = parser.parse(FixtureDeliveries.load(DIR + "/pr-merged.json"));
        ParseResult iso = parser.parse(FixtureDeliveries.load(DIR + "/pr-merged.iso-dates.json"));

        assertThat(iso).isEqualTo(millis);
        assertThat(parserForServer.parse(FixtureDeliveries.load(DIR + "/pr-merged.iso-dates.json")).outcome())
                .isEqualTo(Outcome.EVENT);
    }

    @Test
    public void shouldNameTheFieldOfAnInvalidCommitId() {
        String body = new String(Fixtures.bytes(DIR + "/repo-refs_changed-branch-updated.json"), StandardCharsets.UTF_8)
                .replace("9fdd7b96d3f5c276d0b9e0bf38c879eb112d889a", "9fdd7b96");

        ParseResult result = parser.parse(delivery("repo:refs_changed", body));

        assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(result.reason()).contains("changes[0].toHash");
    }

    @Test
    public void shouldNameAnUnknownChangeType() {
        String body = new String(Fixtures.bytes(DIR + "/repo-refs_changed-branch-updated.json"), StandardCharsets.UTF_8)
                .replace("\"UPDATE\"", "\"MOVE\"");

        ParseResult result = parser.parse(delivery("repo:refs_changed", body));

        assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(result.reason()).contains("changes[0].type").contains("ADD, UPDATE or DELETE");
    }

    @Test
    public void shouldRefuseAServerAddressThatIsNotHttp() {
        assertThatThrownBy(() -> BitbucketDataCenterWebhookParser.forServer("ftp://bitbucket.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> BitbucketDataCenterWebhookParser.forServer("bitbucket.example.com"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static WebhookDelivery delivery(String eventKey, String body) {
        return WebhookDelivery.post(Map.of("X-Event-Key", eventKey, "Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
