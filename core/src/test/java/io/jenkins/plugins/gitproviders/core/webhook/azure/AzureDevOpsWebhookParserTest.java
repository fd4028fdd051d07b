package io.jenkins.plugins.gitproviders.core.webhook.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.Test;

public class AzureDevOpsWebhookParserTest {
    private static final String DIR = "azure-devops/webhook";
    private static final String PUSHER = "Windows Live ID\\fabrikamfiber4@hotmail.com";
    private static final String PR_CREATOR = "fabrikamfiber4@hotmail.com";

    private final AzureDevOpsWebhookParser parser = new AzureDevOpsWebhookParser();

    private static final RepositoryInfo FABRIKAM = new RepositoryInfo("dev.azure.com", "fabrikam/Fabrikam/Fabrikam",
            "https://dev.azure.com/fabrikam/DefaultCollection/_git/Fabrikam", null,
            "https://dev.azure.com/fabrikam/DefaultCollection/_git/Fabrikam");
    private static final RepositoryInfo FIBER = new RepositoryInfo("dev.azure.com",
            "fabrikam-fiber-inc/Fabrikam-Fiber-Git/Fabrikam-Fiber-Git",
            "https://dev.azure.com/fabrikam-fiber-inc/DefaultCollection/_git/Fabrikam-Fiber-Git", null,
            "https://dev.azure.com/fabrikam-fiber-inc/DefaultCollection/_git/Fabrikam-Fiber-Git");
    private static final RepositoryInfo FIBER_LEGACY = new RepositoryInfo("fabrikam-fiber-inc.visualstudio.com",
            "fabrikam-fiber-inc/Fabrikam-Fiber-Git/Fabrikam-Fiber-Git",
            "https://fabrikam-fiber-inc.visualstudio.com/_git/Fabrikam-Fiber-Git", null,
            "https://fabrikam-fiber-inc.visualstudio.com/_git/Fabrikam-Fiber-Git");

    private static WebhookEvent pr(EventKind kind, String deliveryId) {
        String head = "53d54ac915144006c2c9e90d2c7d3880920db49c";
        return new WebhookEvent(ProviderType.AZURE_DEVOPS, kind, FABRIKAM, "refs/pull/1/merge", null, head, 1,
                "mytopic", "master", head, PR_CREATOR, deliveryId,
                PullRequestSource.sameRepository(FABRIKAM.fullPath()));
    }

    private static WebhookEvent push(RepositoryInfo repository, String branch) {
        String after = "33b55f7cb7e7e245323987634f960cf4a6e6bc74";
        return new WebhookEvent(ProviderType.AZURE_DEVOPS, EventKind.BRANCH_PUSH, repository, "refs/heads/" + branch,
                "aad331d8d3b131fa9ae03cf5e53965b51942618a", after, null, null, null, after, PUSHER,
                "03c164c2-8912-4d5e-8009-3707d5f83734");
    }

    /** Every fixture with what it must parse to; an empty list means IGNORED. */
    private static Map<String, List<WebhookEvent>> expectations() {
        Map<String, List<WebhookEvent>> table = new LinkedHashMap<>();
        table.put("build.complete", List.of());
        table.put("git.pullrequest.created",
                List.of(pr(EventKind.PULL_REQUEST_OPENED, "2ab4e3d3-b7a6-425e-92b1-5a9982c1269e")));
        table.put("git.pullrequest.merged",
                List.of(pr(EventKind.PULL_REQUEST_MERGED, "6872ee8c-b333-4eff-bfb9-0d5274943566")));
        // "marked the pull request as completed": an update whose status is completed is the merge.
        table.put("git.pullrequest.updated",
                List.of(pr(EventKind.PULL_REQUEST_MERGED, "af07be1b-f3ad-44c8-a7f1-c4835f2df06b")));
        table.put("git.push", List.of(push(FIBER, "main")));
        table.put("git.push.tfs-plugin", List.of(push(FIBER_LEGACY, "master")));
        return table;
    }

    @Test
    public void shouldParseEveryRecordedDeliveryToTheExpectedEvents() {
        Map<String, List<WebhookEvent>> table = expectations();
        assertThat(FixtureDeliveries.bodies(DIR))
                .as("every fixture has an expectation")
                .map(path -> path.substring(DIR.length() + 1, path.length() - ".json".length()))
                .containsExactlyInAnyOrderElementsOf(table.keySet());
        SoftAssertions softly = new SoftAssertions();
        table.forEach((name, expected) -> {
            ParseResult result = parser.parse(FixtureDeliveries.load(DIR + "/" + name + ".json"));
            if (expected.isEmpty()) {
                softly.assertThat(result.outcome()).as(name).isEqualTo(Outcome.IGNORED);
                softly.assertThat(result.reason()).as(name).contains("build.complete");
            } else {
                softly.assertThat(result.outcome()).as(name + ": " + result.reason()).isEqualTo(Outcome.EVENT);
                softly.assertThat(result.events()).as(name).containsExactlyElementsOf(expected);
            }
        });
        softly.assertAll();
    }

    private static String fixture(String name) {
        return new String(Fixtures.bytes(DIR + "/" + name + ".json"), StandardCharsets.UTF_8);
    }

    @Test
    public void shouldTellAPullRequestFromAForkByItsForkSource() {
        byte[] fromFork = JsonEdit.fixture(DIR + "/git.pullrequest.created.json", root -> {
            ObjectNode repository = JsonEdit.at(root, "/resource").putObject("forkSource").putObject("repository");
            repository.put("name", "Fabrikam-fork");
            repository.putObject("project").put("name", "Sandbox");
        });

        WebhookEvent fork = parse(new String(fromFork, StandardCharsets.UTF_8)).event();

        assertThat(fork.pullRequestSource())
                .isEqualTo(new PullRequestSource("fabrikam/Sandbox/Fabrikam-fork", true, false, null));
        assertThat(fork.ref()).as("Azure DevOps publishes only the merge ref").isEqualTo("refs/pull/1/merge");
        assertThat(fork.sourceBranch()).isEqualTo("mytopic");
    }

    private ParseResult parse(String body) {
        return parser.parse(WebhookDelivery.post(Map.of("Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    public void shouldTellAbandonedFromActivePullRequests() {
        String updated = fixture("git.pullrequest.updated");

        assertThat(parse(updated.replace("\"completed\"", "\"abandoned\"")).event().kind())
                .isEqualTo(EventKind.PULL_REQUEST_CLOSED);
        assertThat(parse(updated.replace("\"completed\"", "\"active\"")).event().kind())
                .isEqualTo(EventKind.PULL_REQUEST_UPDATED);
        assertThat(parse(fixture("git.pullrequest.merged").replace("\"completed\"", "\"active\"")).event().kind())
                .as("a merge attempt on an active pull request")
                .isEqualTo(EventKind.PULL_REQUEST_UPDATED);
    }

    @Test
    public void shouldTurnEachRefUpdateIntoOneEvent() {
        // Given a push that creates a branch, deletes another and creates a tag; and a note ref Jenkins does not watch
        String zero = "0".repeat(40);
        String a = "a".repeat(40);
        String b = "b".repeat(40);
        String body = fixture("git.push").replace("""
                "refUpdates": [
                        {
                          "name": "refs/heads/main",
                          "oldObjectId": "aad331d8d3b131fa9ae03cf5e53965b51942618a",
                          "newObjectId": "33b55f7cb7e7e245323987634f960cf4a6e6bc74"
                        }
                      ]""", """
                "refUpdates": [
                  {"name": "refs/heads/new", "oldObjectId": "%s", "newObjectId": "%s"},
                  {"name": "refs/heads/old", "oldObjectId": "%s", "newObjectId": "%s"},
                  {"name": "refs/notes/commits", "oldObjectId": "%s", "newObjectId": "%s"},
                  {"name": "refs/tags/v1", "oldObjectId": "%s", "newObjectId": "%s"}
                ]""".formatted(zero, a, b, zero, zero, a, zero, a));

        ParseResult result = parse(body);

        assertThat(result.events()).extracting(WebhookEvent::kind, WebhookEvent::ref, WebhookEvent::before,
                        WebhookEvent::after)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EventKind.BRANCH_CREATED, "refs/heads/new", null, a),
                        org.assertj.core.groups.Tuple.tuple(EventKind.BRANCH_DELETED, "refs/heads/old", b, null),
                        org.assertj.core.groups.Tuple.tuple(EventKind.TAG_PUSH, "refs/tags/v1", null, a));
        assertThat(result.events()).extracting(WebhookEvent::deliveryId).containsOnly(result.event().deliveryId());
    }

    @Test
    public void shouldReadOrganizationUrlsAndSshAddresses() {
        String body = fixture("git.pullrequest.created")
                .replace("\"remoteUrl\": \"https://dev.azure.com/fabrikam/DefaultCollection/_git/Fabrikam\"",
                        "\"remoteUrl\": \"https://fabrikam@dev.azure.com/fabrikam/Fabrikam/_git/Fabrikam\","
                                + " \"sshUrl\": \"git@ssh.dev.azure.com:v3/fabrikam/Fabrikam/Fabrikam\"");

        RepositoryInfo repository = parse(body).event().repository();

        assertThat(repository.fullPath()).isEqualTo("fabrikam/Fabrikam/Fabrikam");
        assertThat(repository.httpsCloneUrl()).isEqualTo("https://dev.azure.com/fabrikam/Fabrikam/_git/Fabrikam");
        assertThat(repository.sshCloneUrl()).isEqualTo("git@ssh.dev.azure.com:v3/fabrikam/Fabrikam/Fabrikam");
    }

    @Test
    public void shouldReadAzureDevOpsServerCollections() {
        String body = fixture("git.push").replace(
                "\"remoteUrl\": \"https://dev.azure.com/fabrikam-fiber-inc/DefaultCollection/_git/Fabrikam-Fiber-Git\"",
                "\"remoteUrl\": \"https://TFS.example.com/tfs/Fabrikam/Fabrikam-Fiber-Git/_git/Fabrikam-Fiber-Git\"");

        RepositoryInfo repository = parse(body).event().repository();

        assertThat(repository.host()).isEqualTo("tfs.example.com");
        assertThat(repository.fullPath()).isEqualTo("Fabrikam/Fabrikam-Fiber-Git/Fabrikam-Fiber-Git");
    }

    @Test
    public void shouldExplainAMissingResource() {
        ParseResult result = parse("{\"id\":\"x\",\"eventType\":\"git.push\",\"publisherId\":\"tfs\"}");

        assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(result.reason()).contains("'resource' is missing").contains("Resource details to send");
    }

    @Test
    public void shouldUseTheNotificationIdWhenTheEventHasNoId() {
        String body = fixture("git.push").replace("\"id\": \"03c164c2-8912-4d5e-8009-3707d5f83734\",",
                "\"notificationId\": 42,");

        assertThat(parse(body).event().deliveryId()).isEqualTo("42");
    }

    @Test
    public void shouldNameTheFieldOfAnInvalidCommitId() {
        String body = fixture("git.push").replace("\"33b55f7cb7e7e245323987634f960cf4a6e6bc74\"", "42");

        ParseResult result = parse(body);

        assertThat(result.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(result.reason()).contains("resource.refUpdates[0].newObjectId").contains("must be a string");
    }
}
