package io.jenkins.plugins.gitproviders.core.client.gitlab;

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
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer.Request;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

/**
 * Sends GitLab commit statuses through GitLab4J to a loopback server. GitLab4J posts form parameters, which GitLab's
 * API takes like JSON. Success and refusal bodies are documented shapes ({@code client/gitlab}, README); the 401 is
 * the recorded answer from the shared fixtures.
 */
public class GitLabStatusReporterTest {
    private static final String TOKEN = "glpat-S3cretT0kenValue0123";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String BUILD = "https://ci.example.com/job/app/12/";
    private static final String STATUSES = "/api/v4/projects/platform%2Finfra%2Fapp/statuses/" + SHA;
    private static final String FORK_STATUSES = "/api/v4/projects/contributor%2Fapp/statuses/" + SHA;

    @Rule
    public LoopbackServer gitlab = new LoopbackServer();

    @Test
    public void shouldSetTheCommitStatusWithoutAPipeline() throws Exception {
        // Given
        serve(STATUSES, 201, TestResources.path("gitlab/status.201.json"));

        // When a branch build succeeds
        report(target().withRef("main"), new CommitStatus(BuildState.SUCCESS, "jenkins/app",
                "Succeeded in 2 min 5 s", BUILD));

        // Then
        assertThat(gitlab.requests()).hasSize(1);
        Request request = gitlab.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo(STATUSES);
        assertThat(request.header("PRIVATE-TOKEN")).contains(TOKEN);
        assertThat(request.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/x-www-form-urlencoded"));
        assertThat(form(request)).containsExactly(Map.entry("state", "success"), Map.entry("ref", "main"),
                Map.entry("name", "jenkins/app"), Map.entry("target_url", BUILD),
                Map.entry("description", "Succeeded in 2 min 5 s"));
    }

    @Test
    public void shouldReportARunningBuildAsRunningAndAnAbortedOneAsCanceled() throws Exception {
        serve(STATUSES, 201, TestResources.path("gitlab/status.201.json"));

        report(target(), new CommitStatus(BuildState.RUNNING, "jenkins/app", "Running in Jenkins", BUILD));
        report(target(), new CommitStatus(BuildState.ABORTED, "jenkins/app", "Aborted", BUILD));

        assertThat(gitlab.requests()).extracting(request -> form(request).get("state"))
                .containsExactly("running", "canceled");
        assertThat(form(gitlab.requests().get(0))).doesNotContainKeys("ref", "pipeline_id", "coverage");
    }

    @Test
    public void shouldReportAForkMergeRequestToItsSourceProject() throws Exception {
        serve(FORK_STATUSES, 201, TestResources.path("gitlab/status.201.json"));

        report(target().withPullRequest(7).withSourceRepository(provider(), "contributor/app"),
                new CommitStatus(BuildState.PENDING, "jenkins/app", "Waiting in the Jenkins queue", BUILD));

        assertThat(gitlab.requests()).extracting(Request::pathAndQuery).containsExactly(FORK_STATUSES);
    }

    @Test
    public void shouldCountAStateTheStatusIsAlreadyInAsReported() throws Exception {
        // Given GitLab's refusal to set pending again (a retried request had arrived after all)
        serve(STATUSES, 400, TestResources.path("gitlab/error.400.cannot-transition.json"));

        // When / Then no exception
        report(target(), new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD));
        assertThat(gitlab.requests()).hasSize(1);
    }

    @Test
    public void shouldReportTheRecordedRejectionOfTheToken() throws Exception {
        serve(STATUSES, 401, Fixtures.path("gitlab/api/user.401.json"));

        assertThatThrownBy(() -> report(target(), new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.UNAUTHORIZED);
                    assertThat(failure.message()).contains("HTTP 401").doesNotContain(TOKEN);
                    assertThat(failure.fix()).contains("api scope");
                });
        assertThat(gitlab.requests()).hasSize(1);
    }

    @Test
    public void shouldSayTheTokenLacksTheApiScope() throws Exception {
        serve(STATUSES, 403, TestResources.path("gitlab/error.403.insufficient-scope.json"));

        assertThatThrownBy(() -> report(target(), new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .satisfies(e -> assertThat(((StatusException) e).failure().kind())
                        .isEqualTo(StatusFailure.Kind.MISSING_PERMISSION))
                .hasMessageContaining("the token lacks the api scope");
    }

    @Test
    public void shouldKeepGitLabsRetryTimeWhenRateLimited() throws Exception {
        gitlab.on("POST " + STATUSES, 429, Map.of("Content-Type", "application/json", "Retry-After", "60",
                "RateLimit-Remaining", "0"), "{\"message\":\"Retry later\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> report(target(), new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.RATE_LIMITED);
                    assertThat(failure.retryAt()).isEqualTo(TestResources.CLOCK.instant().plusSeconds(60));
                });
    }

    @Test
    public void shouldKeepTheTokenOutOfAFailureWhenGitLabRepeatsIt() throws Exception {
        // Given an error answer that echoes the token (a proxy or a misbehaving server)
        gitlab.on("POST " + STATUSES, 401, Map.of("Content-Type", "application/json"),
                ("{\"message\":\"401 Unauthorized " + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> report(target(), new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .isInstanceOf(StatusException.class)
                .satisfies(e -> {
                    assertThat(((StatusException) e).failure().message()).doesNotContain(TOKEN);
                    assertThat(e.getMessage()).doesNotContain(TOKEN);
                });
    }

    @Test
    public void shouldNeverSendTheTokenInADescription() throws Exception {
        serve(STATUSES, 201, TestResources.path("gitlab/status.201.json"));

        report(target(), new CommitStatus(BuildState.FAILURE, "jenkins/app", "curl -H 'PRIVATE-TOKEN: " + TOKEN
                + "' failed", BUILD));

        assertThat(form(gitlab.requests().get(0)).get("description")).doesNotContain(TOKEN);
    }

    private void report(StatusTarget target, CommitStatus status) throws StatusException {
        new GitLabStatusReporter(HttpSettings.DEFAULT, TestResources.CLOCK)
                .report(provider(), ApiCredential.token(TOKEN.toCharArray()), target, status);
    }

    private ProviderSpec provider() {
        return ProviderSpec.builder("gitlab", ProviderType.GITLAB_SELF_MANAGED).serverUrl("https://gitlab.example.com")
                .apiUrl(gitlab.baseUrl() + "/api/v4").credentialsId("gl-token").build();
    }

    private StatusTarget target() {
        return StatusTarget.of(provider(), "platform/infra/app", SHA);
    }

    private void serve(String path, int status, Path body) throws IOException {
        gitlab.on("POST " + path, status, Map.of("Content-Type", "application/json"), Files.readAllBytes(body));
    }

    /** Reads a form body in order. */
    private static Map<String, String> form(Request request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(request.body(), StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
