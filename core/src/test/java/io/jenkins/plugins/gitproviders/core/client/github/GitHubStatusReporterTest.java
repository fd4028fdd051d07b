package io.jenkins.plugins.gitproviders.core.client.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.StatusReporters;
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
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

/**
 * Sends GitHub commit statuses and check runs through GitHub API for Java to a loopback server. Success answers are
 * documented shapes ({@code client/github}, README); the 401 and the exhausted rate limit are recorded answers from
 * the shared fixtures, served with their recorded headers.
 */
public class GitHubStatusReporterTest {
    private static final String TOKEN = "ghp_S3cretT0kenValue0123456789abcdefXYZ";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String BUILD = "https://ci.example.com/job/app/12/";
    private static final String STATUSES = "/repos/octo-org/app/statuses/" + SHA;
    private static final String CHECK_RUNS = "/repos/octo-org/app/check-runs";

    @Rule
    public LoopbackServer github = new LoopbackServer();

    @Test
    public void shouldCreateTheCommitStatusWithOneRequest() throws Exception {
        // Given
        serve(STATUSES, 201, TestResources.path("github/status.201.json"));

        // When
        report(statuses(), new CommitStatus(BuildState.SUCCESS, "jenkins/app", "Succeeded in 2 min 5 s", BUILD));

        // Then one request, no GET of the repository first
        assertThat(github.requests()).hasSize(1);
        Request request = github.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo(STATUSES);
        assertThat(request.header("Authorization")).contains("token " + TOKEN);
        assertThat(request.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        assertThat(Json.of(request.body())).isEqualTo(Json.parse("{'state': 'success', 'target_url': '" + BUILD
                + "', 'description': 'Succeeded in 2 min 5 s', 'context': 'jenkins/app'}"));
    }

    @Test
    public void shouldReportAnAbortedBuildAsAnErrorOnGitHubEnterprise() throws Exception {
        serve(STATUSES, 201, TestResources.path("github/status.201.json"));
        ProviderSpec enterprise = ProviderSpec.builder("ghe", ProviderType.GITHUB_ENTERPRISE)
                .serverUrl("https://ghe.example.invalid").apiUrl(github.baseUrl()).build();

        StatusReporters.create(ProviderType.GITHUB_ENTERPRISE, HttpSettings.DEFAULT, TestResources.CLOCK)
                .report(enterprise, token(), StatusTarget.of(enterprise, "octo-org/app", SHA),
                        new CommitStatus(BuildState.ABORTED, "jenkins/app", "Aborted", BUILD));

        assertThat(Json.of(github.requests().get(0).body()).path("state").asText()).isEqualTo("error");
    }

    @Test
    public void shouldReportTheRecordedBadCredentialsAnswerOnceAndWithoutTheToken() throws Exception {
        // Given GitHub's recorded answer to a revoked token
        github.onFixture("POST " + STATUSES, Fixtures.path("github/api/user.401.bad-credentials.json"));

        // When / Then
        assertThatThrownBy(() -> report(statuses(), new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .isInstanceOf(StatusException.class)
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.UNAUTHORIZED);
                    assertThat(failure.message()).contains("HTTP 401: Bad credentials").doesNotContain(TOKEN);
                    assertThat(failure.fix()).contains("repo:status");
                });
        assertThat(github.requests()).hasSize(1);
    }

    @Test
    public void shouldEndARateLimitedRequestInsteadOfWaiting() throws Exception {
        // Given GitHub's recorded 403 with an exhausted rate limit
        github.onFixture("POST " + STATUSES, Fixtures.path("github/api/repos.403.rate-limit-remaining-0.json"));

        // When / Then
        assertThatThrownBy(() -> report(statuses(), new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.RATE_LIMITED);
                    assertThat(failure.kind().retryable()).isTrue();
                });
        assertThat(github.requests()).hasSize(1);
    }

    @Test
    public void shouldNameTheMissingScopeWhenGitHubHidesTheRepository() throws Exception {
        // Given a classic token without repo:status, answered with 404 as GitHub does for private repositories
        github.on("POST " + STATUSES, 404, Map.of("Content-Type", "application/json; charset=utf-8",
                "X-OAuth-Scopes", "read:org, admin:repo_hook", "X-Accepted-OAuth-Scopes", "repo, repo:status"),
                Files.readAllBytes(Fixtures.path("github/api/orgs.404.not-found.json")));

        // When / Then
        assertThatThrownBy(() -> report(statuses(), new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.MISSING_PERMISSION);
                    assertThat(failure.message()).contains("the token lacks `repo:status`");
                    assertThat(failure.fix()).contains("Commit statuses: write");
                });
    }

    @Test
    public void shouldCreateACheckRunForEachStateWithAGitHubAppToken() throws Exception {
        // Given
        serve(CHECK_RUNS, 201, TestResources.path("github/check-run.201.json"));

        // When the build is queued, then succeeds
        report(checkRuns(), new CommitStatus(BuildState.PENDING, "jenkins/app", "Waiting in the Jenkins queue",
                BUILD));
        report(checkRuns(), new CommitStatus(BuildState.SUCCESS, "jenkins/app", "Succeeded in 2 min 5 s", BUILD));

        // Then two requests, one per state
        assertThat(github.requests()).extracting(Request::pathAndQuery).containsExactly(CHECK_RUNS, CHECK_RUNS);
        assertThat(Json.of(github.requests().get(0).body())).isEqualTo(Json.parse("{'name': 'jenkins/app',"
                + " 'head_sha': '" + SHA + "', 'details_url': '" + BUILD + "', 'external_id': 'jenkins/app',"
                + " 'status': 'queued', 'output': {'title': 'Waiting in the Jenkins queue',"
                + " 'summary': 'Waiting in the Jenkins queue'}}"));
        assertThat(Json.of(github.requests().get(1).body()).path("conclusion").asText()).isEqualTo("success");
        assertThat(Json.of(github.requests().get(1).body()).has("status")).isFalse();
    }

    @Test
    public void shouldSayThatOnlyAGitHubAppMayCreateCheckRuns() throws Exception {
        github.onJson("POST " + CHECK_RUNS, 403, "{\"message\":\"You must authenticate via a GitHub App.\","
                + "\"documentation_url\":\"https://docs.github.com/rest/checks/runs#create-a-check-run\"}");

        assertThatThrownBy(() -> report(checkRuns(), new CommitStatus(BuildState.PENDING, "jenkins/app", "",
                BUILD)))
                .satisfies(e -> assertThat(((StatusException) e).failure().kind())
                        .isEqualTo(StatusFailure.Kind.MISSING_PERMISSION))
                .hasMessageContaining("only from a GitHub App");
    }

    @Test
    public void shouldGiveUpWithinTheBudgetWhenGitHubNeverAnswers() {
        github.never("POST " + STATUSES);

        assertThatThrownBy(() -> new GitHubStatusReporter(TestResources.shortBudget(), TestResources.CLOCK,
                GitHubStatusReporter.Form.COMMIT_STATUS).report(provider(), token(), target(),
                        new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .satisfies(e -> assertThat(((StatusException) e).failure().kind())
                        .isEqualTo(StatusFailure.Kind.TIMEOUT));
    }

    @Test
    public void shouldKeepTheTokenOutOfAFailureWhenGitHubRepeatsIt() throws Exception {
        // Given an error answer that echoes the token (a proxy or a misbehaving server)
        github.on("POST " + STATUSES, 401, Map.of("Content-Type", "application/json"),
                ("{\"message\":\"Bad credentials: " + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8));

        // When / Then
        assertThatThrownBy(() -> report(statuses(), new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .isInstanceOf(StatusException.class)
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.message()).contains("Bad credentials").doesNotContain(TOKEN);
                    assertThat(e.getMessage()).doesNotContain(TOKEN);
                });
    }

    @Test
    public void shouldNeverSendTheTokenInADescription() throws Exception {
        serve(STATUSES, 201, TestResources.path("github/status.201.json"));

        report(statuses(), new CommitStatus(BuildState.FAILURE, "jenkins/app", "curl -u x:" + TOKEN + " failed",
                BUILD));

        assertThat(new String(github.requests().get(0).body(), StandardCharsets.UTF_8)).doesNotContain(TOKEN);
    }

    private GitHubStatusReporter statuses() {
        return new GitHubStatusReporter(HttpSettings.DEFAULT, TestResources.CLOCK,
                GitHubStatusReporter.Form.COMMIT_STATUS);
    }

    private GitHubStatusReporter checkRuns() {
        return new GitHubStatusReporter(HttpSettings.DEFAULT, TestResources.CLOCK, GitHubStatusReporter.Form.CHECK_RUN);
    }

    private void report(GitHubStatusReporter reporter, CommitStatus status) throws StatusException {
        reporter.report(provider(), token(), target(), status);
    }

    private ProviderSpec provider() {
        return ProviderSpec.builder("github", ProviderType.GITHUB).apiUrl(github.baseUrl()).credentialsId("gh")
                .build();
    }

    private StatusTarget target() {
        return StatusTarget.of(provider(), "octo-org/app", SHA);
    }

    private static ApiCredential token() {
        return ApiCredential.token(TOKEN.toCharArray());
    }

    private void serve(String path, int status, java.nio.file.Path body) throws IOException {
        github.on("POST " + path, status, Map.of("Content-Type", "application/json; charset=utf-8"),
                Files.readAllBytes(body));
    }
}
