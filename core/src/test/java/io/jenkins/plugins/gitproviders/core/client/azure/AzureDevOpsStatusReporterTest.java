package io.jenkins.plugins.gitproviders.core.client.azure;

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
import java.util.Base64;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

/**
 * Sends Azure DevOps commit and pull request statuses to a loopback server. Answers are the documented shapes in
 * {@code client/azure} (README): Microsoft's REST reference, not recordings.
 */
public class AzureDevOpsStatusReporterTest {
    private static final String PAT = "azdo-pat-0123456789abcdefghijklmnopqrstuvwxyz0123";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String BUILD = "https://ci.example.com/job/app/12/";
    private static final String REPOSITORY = "/fabrikam/Fabrikam%20Fiber/_apis/git/repositories/app";
    private static final String COMMIT = REPOSITORY + "/commits/" + SHA + "/statuses?api-version=7.1";
    private static final String PULL_REQUEST = REPOSITORY + "/pullRequests/42/statuses?api-version=7.1";

    @Rule
    public LoopbackServer server = new LoopbackServer();

    @Test
    public void shouldPostABranchBuildsStatusToTheCommit() throws Exception {
        // Given
        serve(COMMIT, 201, "azure/status.201.json");

        // When
        report(target(), new CommitStatus(BuildState.SUCCESS, "jenkins/app", "Succeeded in 2 min 5 s", BUILD));

        // Then the context splits into genre and name, and the PAT goes as Basic with an empty user name
        assertThat(server.requests()).hasSize(1);
        Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo(COMMIT);
        assertThat(request.header("Authorization")).contains("Basic "
                + Base64.getEncoder().encodeToString((":" + PAT).getBytes(StandardCharsets.UTF_8)));
        assertThat(Json.of(request.body())).isEqualTo(Json.parse("{'state': 'succeeded', 'description':"
                + " 'Succeeded in 2 min 5 s', 'targetUrl': '" + BUILD + "', 'context': {'name': 'app', 'genre':"
                + " 'jenkins'}}"));
    }

    @Test
    public void shouldPostAPullRequestBuildsStatusToThePullRequestOnly() throws Exception {
        serve(PULL_REQUEST, 201, "azure/status.201.json");

        report(target().withPullRequest(42), new CommitStatus(BuildState.RUNNING, "app", "Running in Jenkins", BUILD));

        assertThat(server.requests()).extracting(Request::pathAndQuery).containsExactly(PULL_REQUEST);
        assertThat(Json.of(server.requests().get(0).body())).isEqualTo(Json.parse("{'state': 'pending',"
                + " 'description': 'Running in Jenkins', 'targetUrl': '" + BUILD + "', 'context': {'name': 'app'}}"));
    }

    @Test
    public void shouldReportAnUnknownProjectWithAzureDevOpsWords() throws Exception {
        serve(COMMIT, 404, "azure/error.404.project.json");

        assertThatThrownBy(() -> report(target(), new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.NOT_FOUND);
                    assertThat(failure.message()).contains("TF200016");
                    assertThat(failure.fix()).contains("organization/project/repository");
                });
    }

    @Test
    public void shouldTakeASignInPageForARejectedToken() throws Exception {
        // Given the 203 with a sign-in page Azure DevOps sends for a PAT it does not accept
        server.on("POST " + COMMIT, 203, Map.of("Content-Type", "text/html; charset=utf-8"),
                "<html><title>Azure DevOps Services | Sign In</title></html>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> report(target(), new CommitStatus(BuildState.PENDING, "jenkins/app", "", BUILD)))
                .satisfies(e -> assertThat(((StatusException) e).failure().kind())
                        .isEqualTo(StatusFailure.Kind.UNAUTHORIZED))
                .hasMessageContaining("created for another organization");
    }

    private void report(StatusTarget target, CommitStatus status) throws StatusException {
        new AzureDevOpsStatusReporter(HttpSettings.DEFAULT, TestResources.CLOCK)
                .report(provider(), ApiCredential.token(PAT.toCharArray()), target, status);
    }

    private ProviderSpec provider() {
        return ProviderSpec.builder("azure", ProviderType.AZURE_DEVOPS).serverUrl(server.baseUrl())
                .scope("fabrikam").build();
    }

    private StatusTarget target() {
        return StatusTarget.of(provider(), "Fabrikam Fiber/app", SHA);
    }

    private void serve(String pathAndQuery, int status, String resource) throws IOException {
        server.on("POST " + pathAndQuery, status, Map.of("Content-Type", "application/json"),
                Files.readAllBytes(TestResources.path(resource)));
    }
}
