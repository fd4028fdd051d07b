package io.jenkins.plugins.gitproviders.core.client.gitea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.jenkins.plugins.gitproviders.core.testing.Json;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

/**
 * Sends Gitea commit statuses to a loopback server. Answers are the documented shapes in {@code client/gitea}
 * (see its README): Gitea's API reference, not recordings.
 */
public class GiteaStatusReporterTest {
    private static final String TOKEN = "gitea-token-0123456789abcdef";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String BUILD = "https://ci.example.com/job/app/12/";
    private static final String PATH = "/api/v1/repos/infra/app/statuses/" + SHA;

    @Rule
    public LoopbackServer server = new LoopbackServer();

    @Test
    public void shouldPostTheCommitStatusAsGiteaDocumentsIt() throws Exception {
        // Given
        serve(201, "gitea/status.201.json");

        // When
        report(new CommitStatus(BuildState.SUCCESS, "jenkins/app", "Succeeded in 2 min 5 s", BUILD));

        // Then
        assertThat(server.requests()).hasSize(1);
        Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo(PATH);
        assertThat(request.header("Authorization")).contains("token " + TOKEN);
        assertThat(request.header("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(Json.of(request.body())).isEqualTo(Json.parse("{'state': 'success', 'target_url': '" + BUILD
                + "', 'description': 'Succeeded in 2 min 5 s', 'context': 'jenkins/app'}"));
    }

    @Test
    public void shouldSpellAnAbortedBuildAsError() throws Exception {
        serve(201, "gitea/status.201.json");

        report(new CommitStatus(BuildState.ABORTED, "jenkins/app", "Aborted", BUILD));

        assertThat(Json.of(server.requests().get(0).body()).path("state").asText()).isEqualTo("error");
    }

    @Test
    public void shouldNeverSendTheTokenInADescription() throws Exception {
        // Given a Pipeline description that happens to hold the token
        serve(201, "gitea/status.201.json");

        // When
        report(new CommitStatus(BuildState.FAILURE, "jenkins/app", "curl -H 'token " + TOKEN + "' failed", BUILD));

        // Then
        assertThat(new String(server.requests().get(0).body(), StandardCharsets.UTF_8))
                .doesNotContain(TOKEN).contains("curl -H 'token ****' failed");
    }

    @Test
    public void shouldNameTheScopeGiteaSaysIsMissing() throws Exception {
        // Given Gitea's refusal of a token without write:repository (documented shape)
        serve(403, "gitea/error.403.missing-write-scope.json");

        // When / Then
        assertThatThrownBy(() -> report(new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .isInstanceOf(StatusException.class)
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.MISSING_PERMISSION);
                    assertThat(failure.httpStatus()).isEqualTo(403);
                    assertThat(failure.message()).endsWith("the token lacks write:repository.");
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    public void shouldReportARejectedToken() throws Exception {
        serve(401, "gitea/error.401.json");

        assertThatThrownBy(() -> report(new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .satisfies(e -> assertThat(((StatusException) e).failure().kind())
                        .isEqualTo(StatusFailure.Kind.UNAUTHORIZED))
                .hasMessageContaining("HTTP 401: user does not exist");
    }

    @Test
    public void shouldKeepTheResetOfARateLimit() throws Exception {
        // Given Gitea's 429 with Retry-After (documented by Gitea's rate limiter)
        server.on("POST " + PATH, 429, Map.of("Content-Type", "application/json", "Retry-After", "30"),
                "{\"message\":\"Too Many Requests\"}".getBytes(StandardCharsets.UTF_8));

        // When / Then
        assertThatThrownBy(() -> report(new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.RATE_LIMITED);
                    assertThat(failure.retryAt()).isEqualTo(TestResources.CLOCK.instant().plusSeconds(30));
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    public void shouldBlankTheTokenOutOfAnAnswerThatRepeatsIt() throws Exception {
        // Given a host (or a proxy) that echoes the credential it received
        server.onJson("POST " + PATH, 400, "{\"message\":\"invalid header: token " + TOKEN + "\"}");

        // When / Then
        assertThatThrownBy(() -> report(new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.REJECTED);
                    assertThat(failure.describe()).doesNotContain(TOKEN).contains("invalid header: token ****");
                })
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    public void shouldGiveUpWithinTheBudgetWhenGiteaNeverAnswers() {
        server.never("POST " + PATH);

        assertThatThrownBy(() -> new GiteaStatusReporter(TestResources.shortBudget(), TestResources.CLOCK)
                .report(provider(), ApiCredential.token(TOKEN.toCharArray()), target(),
                        new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.TIMEOUT);
                    assertThat(failure.kind().retryable()).isTrue();
                });
    }

    private void report(CommitStatus status) throws StatusException {
        new GiteaStatusReporter(HttpSettings.DEFAULT, TestResources.CLOCK)
                .report(provider(), ApiCredential.token(TOKEN.toCharArray()), target(), status);
    }

    private ProviderSpec provider() {
        return ProviderSpec.builder("gitea", ProviderType.GITEA).serverUrl(server.baseUrl()).credentialsId("gt")
                .build();
    }

    private StatusTarget target() {
        return StatusTarget.of(provider(), "infra/app", SHA);
    }

    private void serve(int status, String resource) throws IOException {
        server.on("POST " + PATH, status, Map.of("Content-Type", "application/json"),
                Files.readAllBytes(TestResources.path(resource)));
    }
}
