package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitproviders.core.delivery.DeliveryJournal;
import io.jenkins.plugins.gitproviders.core.delivery.JournalEntry;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.RepositorySecret;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.routing.DeliveryDeduplicator;
import io.jenkins.plugins.gitproviders.core.routing.ForkPolicy;
import io.jenkins.plugins.gitproviders.core.routing.JobIndex;
import io.jenkins.plugins.gitproviders.core.routing.RefFilter;
import io.jenkins.plugins.gitproviders.core.routing.Subscription;
import io.jenkins.plugins.gitproviders.core.testing.FixtureDeliveries;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.testing.JsonEdit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.Test;

public class WebhookHandlerTest {
    private static final String GITHUB_SECRET = "It's a Secret to Everybody";
    private static final String PUSH = "github/webhook/push-branch-created.drone-go-scm.json";
    private static final RepositoryKey DRONE_TEST = RepositoryKey.parseOrThrow(
            "https://github.com/bradrydzewski/drone-test-go");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Map<String, List<String>> secretsById = new TreeMap<>();
    private final JobIndex index = new JobIndex();
    private final DeliveryDeduplicator deduplicator = new DeliveryDeduplicator();

    private WebhookHandler handler(ProviderSpec... providers) {
        SecretSource secrets = provider -> provider.webhookSecretCredentialsIds().stream()
                .flatMap(id -> secretsById.getOrDefault(id, List.of()).stream())
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .toList();
        return new WebhookHandler(List.of(providers), secrets, index, deduplicator,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private WebhookHandler handler(DispatchSink sink, ProviderSpec... providers) {
        return new WebhookHandler(List.of(providers), provider -> provider.webhookSecretCredentialsIds().stream()
                .flatMap(id -> secretsById.getOrDefault(id, List.of()).stream())
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .toList(), index, deduplicator, Clock.fixed(NOW, ZoneOffset.UTC), sink);
    }

    /** The recorded push, moved to another commit: another change of the same branch. */
    private static WebhookDelivery signedPushOf(String commit, String secret, String deliveryId) {
        byte[] body = JsonEdit.fixture(PUSH, root -> {
            root.put("after", commit);
            JsonEdit.at(root, "/head_commit").put("id", commit);
        });
        return Signed.gitHub(PUSH, body, secret, deliveryId);
    }

    private ProviderSpec github(String name, String... secrets) {
        secretsById.put(name + "-secret", List.of(secrets));
        return ProviderSpec.builder(name, ProviderType.GITHUB).webhookSecretCredentialsIds(List.of(name + "-secret"))
                .build();
    }

    private static Map<String, String> headersOf(String fixture) {
        return FixtureDeliveries.headers(fixture);
    }

    /** A GitHub delivery of the fixture's exact bytes, signed with the secret as GitHub signs. */
    private static WebhookDelivery signedGitHub(String fixture, String secret, String deliveryId) {
        return Signed.gitHub(fixture, secret, deliveryId);
    }

    private static String hmacSha256(String secret, byte[] body) {
        return Signed.hmacSha256(secret, body);
    }

    private static JsonNode json(WebhookResponse response) throws IOException {
        return new ObjectMapper().readTree(response.json());
    }

    @Test
    public void shouldTriggerTheWatchingJobsForASignedPush() throws IOException {
        // Given a job watching the pushed repository, one watching other branches and one watching another repository
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        index.put(new Subscription("drone/main-only", null, DRONE_TEST, RefFilter.of("main", ""), RefFilter.ALL,
                Set.of()));
        index.put(Subscription.all("other", RepositoryKey.parseOrThrow("https://github.com/octo/other")));

        // When GitHub delivers a signed push of branch feature-branch
        WebhookResponse response = handler(github("github", GITHUB_SECRET))
                .handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null);

        // Then Jenkins learns which jobs to trigger and why the other watching job was not
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.triggered()).containsExactly("drone/ci");
        assertThat(response.skipped()).extracting(skip -> skip.job()).containsExactly("drone/main-only");
        assertThat(response.receivedAt()).isEqualTo(NOW);
        // And the host learns what happened, how many jobs were triggered and why others were not, but no job names
        JsonNode body = json(response);
        assertThat(body.get("provider").asText()).isEqualTo("github");
        assertThat(body.get("event").asText()).isEqualTo("BRANCH_CREATED");
        assertThat(body.get("repository").asText()).isEqualTo("github.com/bradrydzewski/drone-test-go");
        assertThat(body.get("ref").asText()).isEqualTo("refs/heads/feature-branch");
        assertThat(body.get("commit").asText()).matches("[0-9a-f]{40}");
        assertThat(body.get("triggered").asInt()).isEqualTo(1);
        assertThat(body.get("skipped").get(0).get("reason").asText())
                .isEqualTo("branch 'feature-branch' is not included (included: main)");
        assertThat(body.get("skipped").get(0).get("jobs").asInt()).isEqualTo(1);
        assertThat(body.get("duplicate").asBoolean()).isFalse();
        assertThat(body.get("message").asText()).isEqualTo("Triggered 1 job");
        assertThat(response.json()).doesNotContain(GITHUB_SECRET).doesNotContain("drone/ci")
                .doesNotContain("drone/main-only");
    }

    @Test
    public void shouldAnswer2xxWhenNoJobWatchesTheRepository() throws IOException {
        WebhookResponse response = handler(github("github", GITHUB_SECRET))
                .handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), "github");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.triggered()).isEmpty();
        assertThat(json(response).get("message").asText())
                .startsWith("No job watches github.com/bradrydzewski/drone-test-go");
    }

    @Test
    public void shouldProcessARepeatedDeliveryOnce() throws IOException {
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        WebhookHandler handler = handler(github("github", GITHUB_SECRET));

        WebhookResponse first = handler.handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null);
        WebhookResponse again = handler.handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null);
        WebhookResponse otherHook = handler.handle(signedGitHub(PUSH, GITHUB_SECRET, "d-2"), null);

        assertThat(first.triggered()).containsExactly("drone/ci");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.triggered()).isEmpty();
        assertThat(json(again).get("duplicate").asBoolean()).isTrue();
        assertThat(otherHook.duplicate()).as("same change through another webhook").isTrue();
    }

    @Test
    public void shouldAnswerPingWith200() throws IOException {
        // The ping fixture was signed by GitHub with the secret '123'
        ProviderSpec provider = github("github", "123");
        String fixture = "github/webhook/signed/ping.secret-123.json";
        WebhookDelivery ping = WebhookDelivery.post(headersOf(fixture), Fixtures.bytes(fixture));

        WebhookResponse response = handler(provider).handle(ping, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.message()).contains("Ping received").contains("'github'");
        assertThat(json(response).get("event").asText()).isEqualTo("PING");
    }

    @Test
    public void shouldAcceptEitherSecretDuringARotation() {
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        WebhookHandler handler = handler(github("github", "old secret", GITHUB_SECRET));

        assertThat(handler.handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null).status()).isEqualTo(202);
        assertThat(handler.handle(signedGitHub(PUSH, "old secret", "d-2"), null).status())
                .as("old secret, new delivery id, same change: a duplicate").isEqualTo(200);
    }

    @Test
    public void shouldAttributeTheDeliveryToTheProviderWhoseSecretMatches() {
        WebhookHandler handler = handler(github("team-a", "secret a"), github("team-b", GITHUB_SECRET));

        WebhookResponse response = handler.handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.provider()).isEqualTo("team-b");
    }

    @Test
    public void shouldRefuseAnUnsignedDeliveryWith401() {
        byte[] body = Fixtures.bytes(PUSH);

        WebhookResponse response = handler(github("github", GITHUB_SECRET))
                .handle(WebhookDelivery.post(headersOf(PUSH), body), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.triggered()).isEmpty();
        assertThat(response.message()).doesNotContain(GITHUB_SECRET);
    }

    @Test
    public void shouldRefuseADeliveryWithAFlippedByteWith401() {
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        WebhookDelivery signed = signedGitHub(PUSH, GITHUB_SECRET, "d-1");
        byte[] tampered = signed.body();
        tampered[tampered.length / 2] ^= 1;
        Map<String, String> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> headers.put(name, values.get(0)));

        WebhookResponse response = handler(github("github", GITHUB_SECRET))
                .handle(WebhookDelivery.post(headers, tampered), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.triggered()).isEmpty();
    }

    @Test
    public void shouldRefuseEverythingForAProviderWithoutSecretWith401() {
        ProviderSpec noSecret = ProviderSpec.builder("github", ProviderType.GITHUB).build();

        WebhookResponse response = handler(noSecret).handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.message()).isEqualTo(WebhookResponse.UNVERIFIED_MESSAGE);
        assertThat(response.detail()).contains("'github' has no webhook secret");
    }

    @Test
    public void shouldRefuseADeliveryForAnInactiveProviderBeforeVerifyingIt() {
        ProviderSpec inactive = github("github", GITHUB_SECRET).toBuilder().active(false).build();

        WebhookResponse response = handler(inactive).handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null);

        // Before this issue 409 (after verifying); now the uniform refusal, the reason kept for Jenkins.
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.message()).isEqualTo(WebhookResponse.UNVERIFIED_MESSAGE);
        assertThat(response.detail()).contains("'github' is inactive");
    }

    @Test
    public void shouldAnswer405ToAnythingButPost() throws IOException {
        WebhookHandler handler = handler(github("github", GITHUB_SECRET));
        WebhookDelivery get = new WebhookDelivery("GET", Map.of(), Map.of(), new byte[0]);
        InputStream untouched = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body of a GET must not be read");
            }
        };

        assertThat(handler.handle(get, null).status()).isEqualTo(405);
        assertThat(handler.handle("PUT", Map.of(), Map.of(), untouched, null).status()).isEqualTo(405);
    }

    @Test
    public void shouldRefuseADeliveryOfNoKnownHostWith401() {
        WebhookDelivery unknown = WebhookDelivery.post(Map.of("Content-Type", "application/json"),
                "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8));

        WebhookResponse response = handler(github("github", GITHUB_SECRET)).handle(unknown, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.detail()).contains("none of the headers of a supported host").contains("X-GitHub-Event")
                .contains("X-Gitlab-Event").contains("X-Event-Key").contains("X-Gitea-Event")
                .contains(SignatureVerifier.AZURE_TOKEN_HEADER);
    }

    @Test
    public void shouldAnswer400ToAMalformedSignedDelivery() {
        byte[] truncated = Arrays.copyOf(Fixtures.bytes(PUSH), 4000);
        Map<String, String> headers = headersOf(PUSH);
        headers.put("X-Hub-Signature-256", "sha256=" + hmacSha256(GITHUB_SECRET, truncated));

        WebhookResponse response = handler(github("github", GITHUB_SECRET))
                .handle(WebhookDelivery.post(headers, truncated), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).startsWith("The delivery is malformed: ");
    }

    @Test
    public void shouldAcceptAndIgnoreAnEventTypeThatTriggersNothing() throws IOException {
        byte[] body = Fixtures.bytes(PUSH);
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json",
                "X-GitHub-Event", "star", "X-Hub-Signature-256", "sha256=" + hmacSha256(GITHUB_SECRET, body)));

        WebhookResponse response = handler(github("github", GITHUB_SECRET))
                .handle(WebhookDelivery.post(headers, body), null);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.message()).startsWith("Ignored: ").contains("'star'");
        assertThat(json(response).get("triggered")).isEmpty();
    }

    @Test
    public void shouldRefuseAnUnknownProviderNameWith401() {
        WebhookResponse response = handler(github("github", GITHUB_SECRET))
                .handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), "nope");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.detail()).contains("No provider named 'nope'");
    }

    @Test
    public void shouldRefuseWith401WhenTheNamedProviderIsOfAnotherHost() {
        secretsById.put("gl", List.of(GITHUB_SECRET));
        ProviderSpec gitlab = ProviderSpec.builder("gitlab", ProviderType.GITLAB)
                .webhookSecretCredentialsIds(List.of("gl")).build();

        WebhookResponse response = handler(github("github", GITHUB_SECRET), gitlab)
                .handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), "gitlab");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.detail()).contains("'gitlab' is a GitLab.com provider").contains("from GitHub");
    }

    @Test
    public void shouldAnswer404WithoutProviderNamesWhenNoProviderServesTheRepositorysHost() {
        secretsById.put("ghe", List.of(GITHUB_SECRET));
        ProviderSpec enterprise = ProviderSpec.builder("ghe", ProviderType.GITHUB_ENTERPRISE)
                .serverUrl("https://ghe.example.com").webhookSecretCredentialsIds(List.of("ghe")).build();

        WebhookResponse response = handler(enterprise).handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.message()).contains("serves host github.com");
        assertThat(response.json()).doesNotContain("ghe");
        assertThat(response.detail()).contains("No provider for host github.com")
                .contains("'ghe' serves ghe.example.com");
    }

    @Test
    public void shouldRefuseWith401WhenNoProviderOfTheHostTypeIsConfigured() {
        secretsById.put("gl", List.of("x"));
        ProviderSpec gitlab = ProviderSpec.builder("gitlab", ProviderType.GITLAB)
                .webhookSecretCredentialsIds(List.of("gl")).build();

        WebhookResponse response = handler(gitlab).handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.detail()).contains("No GitHub provider is configured");
    }

    @Test
    public void shouldRouteASignedGiteaPushWithItsRecordedSignature() {
        String fixture = "gitea/webhook/signed/push-event.json";
        secretsById.put("gitea", List.of("IsWishesWereHorsesWedAllBeEatingSteak!"));
        ProviderSpec gitea = ProviderSpec.builder("gitea", ProviderType.GITEA).serverUrl("http://localhost:3000")
                .webhookSecretCredentialsIds(List.of("gitea")).build();
        index.put(Subscription.all("example", RepositoryKey.parseOrThrow("http://localhost:3000/example/example.git")));

        WebhookResponse response = handler(gitea)
                .handle(WebhookDelivery.post(headersOf(fixture), Fixtures.bytes(fixture)), "gitea");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.triggered()).containsExactly("example");
    }

    @Test
    public void shouldRouteAGitLabPushWithItsSecretToken() {
        String fixture = "gitlab/webhook/signed/push.token-topsecret.json";
        secretsById.put("gl", List.of("topsecret"));
        ProviderSpec gitlab = ProviderSpec.builder("gitlab", ProviderType.GITLAB)
                .webhookSecretCredentialsIds(List.of("gl")).build();
        index.put(Subscription.all("hello", RepositoryKey.parseOrThrow("git@gitlab.com:gitlab-org/hello-world.git")));

        WebhookResponse response = handler(gitlab)
                .handle(WebhookDelivery.post(headersOf(fixture), Fixtures.bytes(fixture)), null);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.triggered()).containsExactly("hello");
        assertThat(response.json()).doesNotContain("topsecret");
    }

    @Test
    public void shouldTriggerOnceWhenTheSameDeliveryArrives100TimesFrom16Threads() throws Exception {
        // Given a watching job and one signed delivery
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        WebhookHandler handler = handler(github("github", GITHUB_SECRET));
        WebhookDelivery delivery = signedGitHub(PUSH, GITHUB_SECRET, "d-1");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<WebhookResponse>> answers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return handler.handle(delivery, null);
                }));
            }
            // When all 100 are handled at once
            start.countDown();
            int triggering = 0;
            for (java.util.concurrent.Future<WebhookResponse> answer : answers) {
                WebhookResponse response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                // Then every answer is a success, and exactly one triggered the job
                assertThat(response.successful()).isTrue();
                triggering += response.triggered().size();
            }
            assertThat(triggering).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void shouldRouteEveryChangeOfAPushOfSeveralRefsWithItsOwnEvent() {
        // Given jobs watching a branch, a new branch and tags of the pushed Bitbucket Cloud repository
        RepositoryKey temp = RepositoryKey.parseOrThrow("https://bitbucket.org/cloudbeers/temp");
        index.put(new Subscription("main-job", null, temp, RefFilter.of("main", ""), RefFilter.of("-", ""), Set.of()));
        index.put(new Subscription("manchu-job", null, temp, RefFilter.of("manchu", ""), RefFilter.of("-", ""),
                Set.of()));
        index.put(new Subscription("release-job", null, temp, RefFilter.of("-", ""), RefFilter.ALL, Set.of()));
        secretsById.put("bb-secret", List.of("bb"));
        ProviderSpec bitbucket = ProviderSpec.builder("Bitbucket", ProviderType.BITBUCKET_CLOUD)
                .webhookSecretCredentialsIds(List.of("bb-secret")).build();
        String fixture = "bitbucket-cloud/webhook/repo-push-multiple-changes.json";
        byte[] body = Fixtures.bytes(fixture);
        Map<String, String> headers = headersOf(fixture);
        headers.put("X-Request-UUID", "bb-1");
        headers.put("X-Hub-Signature", "sha256=" + hmacSha256("bb", body));

        // When the push of one branch update, one new branch and one new tag arrives
        WebhookResponse response = handler(bitbucket).handle(WebhookDelivery.post(headers, body), null);

        // Then each job is scheduled with the change it watches
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.triggered()).containsExactly("main-job", "manchu-job", "release-job");
        assertThat(response.dispatches()).extracting(d -> d.job() + " " + d.event().kind() + " " + d.event().ref())
                .containsExactlyInAnyOrder(
                        "main-job BRANCH_PUSH refs/heads/main",
                        "manchu-job BRANCH_CREATED refs/heads/manchu",
                        "release-job TAG_PUSH refs/tags/v0.1");

        // And the same delivery again triggers nothing
        WebhookResponse again = handler(bitbucket).handle(WebhookDelivery.post(headers, body), null);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.triggered()).isEmpty();
    }

    @Test
    public void shouldRefuseAHugeRefWith400AndKeepNothingOfIt() {
        // Given a signed push naming a ref of four million characters
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        String huge = "refs/heads/" + "a".repeat(4 * 1024 * 1024 - 100);
        byte[] body = JsonEdit.fixture(PUSH, root -> root.put("ref", huge));

        // When it arrives
        WebhookResponse response = handler(github("github", GITHUB_SECRET))
                .handle(Signed.gitHub(PUSH, body, GITHUB_SECRET, "d-1"), null);

        // Then it is malformed, triggers nothing, and neither the answer nor the de-duplication memory keeps the ref
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("'$.ref' is not a valid Git ref: it is longer than 1024 characters");
        assertThat(response.triggered()).isEmpty();
        assertThat(response.json().length()).isLessThan(1000);
        assertThat(deduplicator.size()).isZero();
    }

    @Test
    public void shouldRefuseAHugeDeliveryIdWith400() {
        index.put(Subscription.all("drone/ci", DRONE_TEST));

        WebhookResponse response = handler(github("github", GITHUB_SECRET))
                .handle(signedGitHub(PUSH, GITHUB_SECRET, "d".repeat(4 * 1024 * 1024)), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.message()).contains("'delivery id' is longer than 1024 characters");
        assertThat(deduplicator.size()).isZero();
    }

    @Test
    public void shouldNotTriggerAgainWhenABranchDeletionIsReplayedWithAFreshDeliveryId() {
        // Given a job that builds on branch deletions
        index.put(new Subscription("cleanup", null, DRONE_TEST, RefFilter.ALL, RefFilter.ALL,
                Set.of(EventKind.BRANCH_DELETED)));
        WebhookHandler handler = handler(github("github", GITHUB_SECRET));
        String deletion = "github/webhook/push-branch-deleted.drone-go-scm.json";

        // When the deletion arrives, then again under another delivery id (a replay, or a second webhook)
        WebhookResponse first = handler.handle(signedGitHub(deletion, GITHUB_SECRET, "d-1"), null);
        WebhookResponse replay = handler.handle(signedGitHub(deletion, GITHUB_SECRET, "d-2"), null);

        // Then the job is triggered once: the change is known by its ref, kind and the commit it deleted
        assertThat(first.triggered()).containsExactly("cleanup");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.duplicate()).isTrue();
        assertThat(replay.triggered()).isEmpty();
    }

    @Test
    public void shouldRefuseSha1SignaturesUnlessTheProviderAllowsThem() {
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        byte[] body = Fixtures.bytes(PUSH);
        Map<String, String> headers = headersOf(PUSH);
        headers.put("X-GitHub-Delivery", "d-1");
        headers.put("X-Hub-Signature", "sha1=" + Signed.hmac("HmacSHA1", GITHUB_SECRET, body));
        ProviderSpec provider = github("github", GITHUB_SECRET);

        WebhookResponse byDefault = handler(provider).handle(WebhookDelivery.post(headers, body), null);
        WebhookResponse allowed = handler(provider.toBuilder().allowSha1Signatures(true).build())
                .handle(WebhookDelivery.post(headers, body), null);

        assertThat(byDefault.status()).isEqualTo(401);
        assertThat(byDefault.detail()).contains("HMAC-SHA1");
        assertThat(allowed.status()).isEqualTo(202);
        assertThat(allowed.triggered()).containsExactly("drone/ci");
    }

    @Test
    public void shouldIgnoreARepositoryOutsideTheProvidersScopeUnlessAllowed() throws IOException {
        // Given a provider limited to another organization, and a job watching the pushed repository
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        ProviderSpec scoped = github("github", GITHUB_SECRET).toBuilder().scope("octo-org").build();

        WebhookResponse outside = handler(scoped).handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null);
        WebhookResponse allowed = handler(scoped.toBuilder().allowOutsideScope(true).build())
                .handle(signedGitHub(PUSH, GITHUB_SECRET, "d-2"), null);

        // Then the delivery is answered 2xx and ignored, with the reason; allowed, it is routed
        assertThat(outside.status()).isEqualTo(202);
        assertThat(outside.triggered()).isEmpty();
        assertThat(json(outside).get("message").asText()).contains("outside the scope of provider 'github'");
        assertThat(outside.detail()).contains("'octo-org'").contains("allow repositories outside the scope");
        assertThat(allowed.triggered()).containsExactly("drone/ci");
    }

    @Test
    public void shouldNotBuildAPullRequestFromAForkUnlessTheTriggerSaysSo() throws IOException {
        // Given a pull request from a fork, opened by someone GitHub does not vouch for, or by a member
        RepositoryKey hello = RepositoryKey.parseOrThrow("https://github.com/Codertocat/Hello-World");
        Set<EventKind> opened = Set.of(EventKind.PULL_REQUEST_OPENED);
        index.put(new Subscription("prs", null, hello, RefFilter.ALL, RefFilter.ALL, opened));
        index.put(new Subscription("trusted-prs", null, hello, RefFilter.ALL, RefFilter.ALL, opened,
                ForkPolicy.TRUSTED));
        String fixture = "github/webhook/pull_request-opened.json";
        byte[] stranger = JsonEdit.fixture(fixture, root -> {
            JsonEdit.at(root, "/pull_request/head/repo").put("full_name", "mallory/Hello-World");
            JsonEdit.at(root, "/pull_request").put("author_association", "CONTRIBUTOR");
        });
        byte[] member = JsonEdit.fixture(fixture, root -> {
            JsonEdit.at(root, "/pull_request/head/repo").put("full_name", "alice/Hello-World");
            JsonEdit.at(root, "/pull_request").put("author_association", "MEMBER");
            JsonEdit.at(root, "/pull_request/head").put("sha", "0123456789abcdef0123456789abcdef01234567");
        });
        WebhookHandler handler = handler(github("github", GITHUB_SECRET));

        WebhookResponse fromStranger = handler.handle(Signed.gitHub(fixture, stranger, GITHUB_SECRET, "d-1"), null);
        WebhookResponse fromMember = handler.handle(Signed.gitHub(fixture, member, GITHUB_SECRET, "d-2"), null);

        // Then the default trigger builds neither, and the host is told why
        assertThat(fromStranger.triggered()).isEmpty();
        assertThat(json(fromStranger).get("skipped").get(0).get("reason").asText())
                .contains("comes from the fork mallory/Hello-World");
        assertThat(fromMember.triggered()).containsExactly("trusted-prs");
        assertThat(fromMember.dispatches()).singleElement().satisfies(dispatch ->
                assertThat(EventEnvironment.variables("github", dispatch.event()))
                        .containsEntry("GIT_PROVIDER_PR_FROM_FORK", "true")
                        .containsEntry("GIT_PROVIDER_REF", "refs/pull/2/head"));
    }

    private ProviderSpec gitHubWithRepositorySecret(String pattern, String repositorySecret) {
        secretsById.put("payments-secret", List.of(repositorySecret));
        return github("github", GITHUB_SECRET).toBuilder()
                .repositorySecrets(List.of(new RepositorySecret(pattern, "payments-secret")))
                .build();
    }

    @Test
    public void shouldAcceptADeliverySignedWithTheSecretOfItsRepository() {
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        ProviderSpec provider = gitHubWithRepositorySecret("bradrydzewski/drone-test-go", "repository secret");

        WebhookResponse response = handler(provider).handle(signedGitHub(PUSH, "repository secret", "d-1"), null);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.triggered()).containsExactly("drone/ci");
    }

    @Test
    public void shouldRefuseTheSharedSecretForARepositoryWithASecretOfItsOwn() {
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        ProviderSpec provider = gitHubWithRepositorySecret("bradrydzewski/*", "owner secret");

        WebhookResponse response = handler(provider).handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json()).contains(WebhookResponse.UNVERIFIED_MESSAGE);
        assertThat(response.triggered()).isEmpty();
    }

    @Test
    public void shouldRefuseARepositorySecretForAnotherRepository() {
        // The secret of acme/payments signs a delivery that names bradrydzewski/drone-test-go
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        ProviderSpec provider = gitHubWithRepositorySecret("acme/payments", "payments only");

        WebhookResponse response = handler(provider).handle(signedGitHub(PUSH, "payments only", "d-1"), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.triggered()).isEmpty();
    }

    @Test
    public void shouldCheckAGitLabTokenOfARepositoryAgainstTheRepositoryItNames() {
        // GitLab's token travels in a header, before the repository is known: every level is tried, then checked
        String fixture = "gitlab/webhook/signed/push.token-topsecret.json";
        secretsById.put("gl", List.of("shared"));
        secretsById.put("hello-token", List.of("topsecret"));
        index.put(Subscription.all("hello", RepositoryKey.parseOrThrow("git@gitlab.com:gitlab-org/hello-world.git")));
        ProviderSpec helloOnly = ProviderSpec.builder("gitlab", ProviderType.GITLAB)
                .webhookSecretCredentialsIds(List.of("gl"))
                .repositorySecrets(List.of(new RepositorySecret("gitlab-org/hello-world", "hello-token")))
                .build();
        ProviderSpec otherOnly = helloOnly.toBuilder()
                .repositorySecrets(List.of(new RepositorySecret("gitlab-org/other", "hello-token")))
                .build();

        WebhookResponse accepted = handler(helloOnly)
                .handle(WebhookDelivery.post(headersOf(fixture), Fixtures.bytes(fixture)), null);
        WebhookResponse refused = new WebhookHandler(List.of(otherOnly), provider -> provider
                .webhookSecretCredentialsIds().stream().flatMap(id -> secretsById.get(id).stream())
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8)).toList(), new JobIndex(),
                new DeliveryDeduplicator(), Clock.fixed(NOW, ZoneOffset.UTC))
                .handle(WebhookDelivery.post(headersOf(fixture), Fixtures.bytes(fixture)), null);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.triggered()).containsExactly("hello");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.detail()).contains("do not cover that repository");
    }

    @Test
    public void shouldLetTheSinkKeepTheDispatchesBeforeTheDeliveryCountsAsProcessed() {
        // Given a sink that cannot keep anything at first (a full or broken journal)
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        List<String> kept = new ArrayList<>();
        boolean[] broken = {true};
        DispatchSink sink = (provider, repository, deliveryId, dispatches) -> {
            // Called while the delivery still counts as in progress: nothing is recorded as processed yet
            assertThat(deduplicator.isProcessed(DeliveryDeduplicator.deliveryKey(provider, "d-1"))).isFalse();
            if (broken[0]) {
                throw new IOException("Could not write to the delivery journal /var/jenkins_home/journal.log (No"
                        + " space left on device)");
            }
            kept.add(provider + " " + repository + " " + deliveryId + " "
                    + dispatches.stream().map(WebhookResponse.Dispatch::job).toList());
        };
        WebhookHandler handler = handler(sink, github("github", GITHUB_SECRET));

        // When the signed push arrives, Jenkins answers 503 with Retry-After and triggers nothing
        WebhookResponse refused = handler.handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers()).containsEntry("Retry-After", "60");
        assertThat(refused.triggered()).isEmpty();
        assertThat(refused.dispatches()).isEmpty();
        assertThat(refused.json()).doesNotContain("/var/jenkins_home").doesNotContain("drone/ci");
        assertThat(refused.fullMessage()).contains("No space left on device");

        // Then the host's retry of the same delivery is processed, not taken for a duplicate
        broken[0] = false;
        WebhookResponse retried = handler.handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.triggered()).containsExactly("drone/ci");
        assertThat(kept).containsExactly("github github.com/bradrydzewski/drone-test-go d-1 [drone/ci]");

        // And once kept, the same delivery, or the same change under another id, reaches the sink no more
        assertThat(handler.handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null).duplicate()).isTrue();
        assertThat(handler.handle(signedGitHub(PUSH, GITHUB_SECRET, "d-2"), null).duplicate()).isTrue();
        assertThat(kept).hasSize(1);
    }

    @Test
    public void shouldAnswer503WhenTheJournalIsFullAndAcceptTheRetryOnceItHasRoom() throws IOException {
        // Given a real journal with room for one delivery
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        Path file = Files.createTempDirectory("journal").resolve(DeliveryJournal.FILE_NAME);
        try (DeliveryJournal journal = DeliveryJournal.open(file, new DeliveryJournal.Limits(1, 64 * 1024),
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            WebhookHandler handler = handler((provider, repository, deliveryId, dispatches) ->
                    journal.append(provider, repository, deliveryId, dispatches), github("github", GITHUB_SECRET));
            String second = "e".repeat(40);

            // When a first push is journaled and a second one arrives while the first one's builds wait
            WebhookResponse first = handler.handle(signedGitHub(PUSH, GITHUB_SECRET, "d-1"), null);
            WebhookResponse full = handler.handle(signedPushOf(second, GITHUB_SECRET, "d-2"), null);

            // Then the second is refused for now, with Retry-After, and is not journaled
            assertThat(first.status()).isEqualTo(202);
            assertThat(full.status()).isEqualTo(503);
            assertThat(full.headers()).containsEntry("Retry-After", "60");
            assertThat(full.fullMessage()).contains("The delivery journal holds 1 deliveries");
            assertThat(journal.pending()).singleElement().extracting(JournalEntry::deliveryId).isEqualTo("d-1");

            // And once the first one's builds are queued, the host's retry of the second is accepted
            journal.complete(journal.pending().get(0).id());
            WebhookResponse retried = handler.handle(signedPushOf(second, GITHUB_SECRET, "d-2"), null);
            assertThat(retried.status()).isEqualTo(202);
            assertThat(retried.triggered()).containsExactly("drone/ci");
            assertThat(journal.pending()).singleElement().satisfies(entry -> {
                assertThat(entry.deliveryId()).isEqualTo("d-2");
                assertThat(entry.dispatches()).singleElement().satisfies(d -> assertThat(d.event().after())
                        .isEqualTo(second));
            });
        }
    }

    @Test
    public void shouldRouteACaughtUpPushOnceAndNotAgainWhenItIsDeliveredLate() {
        // Given a job watching the repository, and the push that catching up found missing
        index.put(Subscription.all("drone/ci", DRONE_TEST));
        List<String> kept = new ArrayList<>();
        WebhookHandler handler = handler((provider, repository, deliveryId, dispatches) -> kept.add(deliveryId),
                github("github", GITHUB_SECRET));
        String commit = "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd";
        WebhookEvent caughtUp = new WebhookEvent(ProviderType.GITHUB, EventKind.BRANCH_CREATED,
                new RepositoryInfo("github.com", "bradrydzewski/drone-test-go", null, null, null),
                "refs/heads/feature-branch", null, commit, null, null, null, commit, null, "catch-up-0123456789abcdef");

        // When it is routed, and routed again by the next catch-up
        WebhookResponse routed = handler.routeSynthesised("GitHub", DRONE_TEST, caughtUp);
        WebhookResponse again = handler.routeSynthesised("github", DRONE_TEST, caughtUp);

        // Then the job is triggered once, through the sink
        assertThat(routed.status()).isEqualTo(202);
        assertThat(routed.triggered()).containsExactly("drone/ci");
        assertThat(again.duplicate()).isTrue();
        assertThat(kept).containsExactly("catch-up-0123456789abcdef");

        // And the host's late delivery of the same change triggers nothing more
        WebhookResponse late = handler.handle(signedGitHub(PUSH, GITHUB_SECRET, "d-late"), null);
        assertThat(late.duplicate()).isTrue();
        assertThat(kept).hasSize(1);
        // A provider that is not configured routes nothing
        assertThat(handler.routeSynthesised("gitlab", DRONE_TEST, caughtUp).status()).isEqualTo(404);
    }

    @Test
    public void shouldTellTheReceiverWhichHeadersGoWithEachAnswer() throws IOException {
        Instant now = NOW;
        assertThat(WebhookResponse.unverified("no secret", now).headers())
                .containsExactly(Map.entry("Connection", "close"));
        assertThat(handler().handle("GET", Map.of(), Map.of(), InputStream.nullInputStream(), null).headers())
                .containsExactly(Map.entry("Allow", "POST"), Map.entry("Connection", "close"));
        assertThat(WebhookResponse.of(413, "too large", now).headers())
                .containsExactly(Map.entry("Connection", "close"));
        assertThat(WebhookResponse.of(503, "not recorded", now).headers())
                .containsExactly(Map.entry("Retry-After", "60"));
        assertThat(WebhookResponse.of(202, "Triggered 1 job", now).headers()).isEmpty();
    }
}
