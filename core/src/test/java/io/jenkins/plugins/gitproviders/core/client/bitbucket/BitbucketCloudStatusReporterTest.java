package io.jenkins.plugins.gitproviders.core.client.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.TestResources;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.status.BuildState;
import io.jenkins.plugins.gitproviders.core.status.CommitStatus;
import io.jenkins.plugins.gitproviders.core.status.StatusException;
import io.jenkins.plugins.gitproviders.core.status.StatusFailure;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.testing.Json;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

/**
 * Sends Bitbucket Cloud build statuses to a loopback server. The success answer is the documented shape in
 * {@code client/bitbucket} (README); the 404 is the recorded error envelope from the shared fixtures, and the short
 * commit id comes from a recorded pull request event.
 */
public class BitbucketCloudStatusReporterTest {
    private static final String ACCESS_TOKEN = "ATCTT3xFfGN0-workspace-access-token";
    private static final String API_TOKEN = "ATATT3xFfGF0-secret-api-token-value";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String BUILD = "https://ci.example.com/job/app/12/";
    private static final String PATH = "/2.0/repositories/acme/app/commit/" + SHA + "/statuses/build";

    @Rule
    public LoopbackServer server = new LoopbackServer();

    @Test
    public void shouldPostTheBuildStatusAsBitbucketDocumentsIt() throws Exception {
        // Given
        serve(PATH, 201, TestResources.path("bitbucket/cloud-status.201.json"));

        // When a branch build succeeds
        report(provider(), ApiCredential.token(ACCESS_TOKEN.toCharArray()), target().withRef("main"),
                new CommitStatus(BuildState.SUCCESS, "jenkins/app", "Succeeded in 2 min 5 s", BUILD));

        // Then
        assertThat(server.requests()).hasSize(1);
        Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo(PATH);
        assertThat(request.header("Authorization")).contains("Bearer " + ACCESS_TOKEN);
        assertThat(request.header("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(Json.of(request.body())).isEqualTo(Json.parse("{'key': 'jenkins/app', 'state': 'SUCCESSFUL',"
                + " 'name': 'jenkins/app', 'url': '" + BUILD + "', 'description': 'Succeeded in 2 min 5 s',"
                + " 'refname': 'main'}"));
    }

    @Test
    public void shouldSendAnApiTokenWithTheAccountEmailAndStopAnAbortedBuild() throws Exception {
        serve(PATH, 201, TestResources.path("bitbucket/cloud-status.201.json"));

        report(provider().toBuilder().email("jenkins@acme.com").build(), ApiCredential.token(API_TOKEN.toCharArray()),
                target(), new CommitStatus(BuildState.ABORTED, "jenkins/app", "Aborted", BUILD));

        Request request = server.requests().get(0);
        assertThat(request.header("Authorization")).contains("Basic " + Base64.getEncoder().encodeToString(
                ("jenkins@acme.com:" + API_TOKEN).getBytes(StandardCharsets.UTF_8)));
        JsonNode body = Json.of(request.body());
        assertThat(body.path("state").asText()).isEqualTo("STOPPED");
        assertThat(body.has("refname")).isFalse();
    }

    @Test
    public void shouldShortenALongContextToBitbucketsFortyCharacterKey() throws Exception {
        // Given a context longer than 40 characters
        serve(PATH, 201, TestResources.path("bitbucket/cloud-status.201.json"));
        String context = "jenkins/platform/payments/service-gateway/main";

        // When
        report(provider(), ApiCredential.token(ACCESS_TOKEN.toCharArray()), target(),
                new CommitStatus(BuildState.PENDING, context, "Waiting in the Jenkins queue", BUILD));

        // Then the key fits and the name keeps the whole context
        JsonNode body = Json.of(server.requests().get(0).body());
        assertThat(body.path("key").asText()).hasSize(40).startsWith("jenkins/platform/payments/servi")
                .matches(".*~[0-9a-f]{8}");
        assertThat(body.path("name").asText()).isEqualTo(context);
        assertThat(body.path("state").asText()).isEqualTo("INPROGRESS");
    }

    @Test
    public void shouldRefuseTheShortIdOfAPullRequestEventWithoutSendingAnything() throws Exception {
        // Given the 12-character id of a recorded pull request event
        String shortId = Json.of(Fixtures.bytes("bitbucket-cloud/webhook/pullrequest-created.json"))
                .path("pullrequest").path("source").path("commit").path("hash").asText();

        // When / Then
        assertThatThrownBy(() -> report(provider(), ApiCredential.token(ACCESS_TOKEN.toCharArray()),
                StatusTarget.of(provider(), "acme/app", shortId),
                new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .isInstanceOf(StatusException.class)
                .hasMessageContaining("12-character commit ids");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    public void shouldReportAnUnknownRepositoryWithBitbucketsWords() throws Exception {
        // Given the recorded error envelope Bitbucket sends with 404
        serve(PATH, 404, Fixtures.path("bitbucket-cloud/api/error.404.repository-not-found.json"));

        // When / Then
        assertThatThrownBy(() -> report(provider(), ApiCredential.token(ACCESS_TOKEN.toCharArray()), target(),
                new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.NOT_FOUND);
                    assertThat(failure.message()).contains("HTTP 404: Repository dev/null not found")
                            .doesNotContain(ACCESS_TOKEN);
                });
    }

    @Test
    public void shouldKeepTheTokenOutOfAFailureWhenBitbucketRepeatsIt() throws Exception {
        // Given an error answer that echoes the token (a proxy or a misbehaving server)
        server.on("POST " + PATH, 401, Map.of("Content-Type", "application/json"),
                ("{\"type\":\"error\",\"error\":{\"message\":\"Bad token " + ACCESS_TOKEN + "\"}}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> report(provider(), ApiCredential.token(ACCESS_TOKEN.toCharArray()), target(),
                new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .isInstanceOf(StatusException.class)
                .satisfies(e -> {
                    assertThat(((StatusException) e).failure().message()).doesNotContain(ACCESS_TOKEN);
                    assertThat(e.getMessage()).doesNotContain(ACCESS_TOKEN);
                });
    }

    private void report(ProviderSpec provider, ApiCredential credential, StatusTarget target, CommitStatus status)
            throws StatusException {
        new BitbucketCloudStatusReporter(HttpSettings.DEFAULT, TestResources.CLOCK)
                .report(provider, credential, target, status);
    }

    private ProviderSpec provider() {
        return ProviderSpec.builder("bbc", ProviderType.BITBUCKET_CLOUD).apiUrl(server.baseUrl() + "/2.0").build();
    }

    private StatusTarget target() {
        return StatusTarget.of(provider(), "acme/app", SHA);
    }

    private void serve(String path, int status, java.nio.file.Path body) throws IOException {
        server.on("POST " + path, status, Map.of("Content-Type", "application/json"), Files.readAllBytes(body));
    }
}
