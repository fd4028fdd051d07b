package io.jenkins.plugins.gitproviders.core.client.bitbucket;

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
import io.jenkins.plugins.gitproviders.core.testing.Json;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer.Request;
import java.nio.file.Files;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

/**
 * Sends Bitbucket Data Center build statuses to a loopback server: the builds resource, and the fallback to the old
 * build-status resource. Both answer 204 without a body as documented; the 404 of an old server is a
 * {@code {"errors":[...]}} envelope without an exception name (the shape Bitbucket's REST layer gives an unknown
 * resource, assumed, not recorded); the NoSuchProjectException 404 is recorded (shared fixtures).
 */
public class BitbucketDataCenterStatusReporterTest {
    private static final String TOKEN = "BBDC-http-access-token-0123456789";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String BUILD = "https://ci.example.com/job/app/12/";
    private static final String BUILDS = "/rest/api/latest/projects/PROJ/repos/app/commits/" + SHA + "/builds";
    private static final String LEGACY = "/rest/build-status/1.0/commits/" + SHA;
    private static final String NO_RESOURCE = "{\"errors\":[{\"context\":null,\"message\":\"null for uri: "
            + BUILDS + "\",\"exceptionName\":null}]}";

    @Rule
    public LoopbackServer server = new LoopbackServer();

    @Test
    public void shouldPostToTheRepositorysBuildsResource() throws Exception {
        // Given
        server.on("POST " + BUILDS, 204, Map.of(), new byte[0]);

        // When an aborted build reports
        report(new BitbucketDataCenterStatusReporter(HttpSettings.DEFAULT, TestResources.CLOCK), provider("bbdc"),
                BuildState.ABORTED);

        // Then
        assertThat(server.requests()).hasSize(1);
        Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo(BUILDS);
        assertThat(request.header("Authorization")).contains("Bearer " + TOKEN);
        assertThat(Json.of(request.body())).isEqualTo(Json.parse("{'key': 'jenkins/app', 'state': 'CANCELLED',"
                + " 'name': 'jenkins/app', 'url': '" + BUILD + "', 'description': 'Aborted'}"));
    }

    @Test
    public void shouldFallBackToTheOldResourceOnceAndRememberIt() throws Exception {
        // Given an old server without the builds resource
        server.onJson("POST " + BUILDS, 404, NO_RESOURCE);
        server.on("POST " + LEGACY, 204, Map.of(), new byte[0]);
        BitbucketDataCenterStatusReporter reporter = new BitbucketDataCenterStatusReporter(HttpSettings.DEFAULT,
                TestResources.CLOCK);

        // When the build reports pending, then aborted
        report(reporter, provider("bbdc"), BuildState.PENDING);
        report(reporter, provider("bbdc"), BuildState.ABORTED);

        // Then the first state cost the probe and the old resource, the second one request; aborted is FAILED there
        assertThat(server.requests()).extracting(Request::pathAndQuery).containsExactly(BUILDS, LEGACY, LEGACY);
        assertThat(Json.of(server.requests().get(1).body())).isEqualTo(Json.parse("{'key': 'jenkins/app',"
                + " 'state': 'INPROGRESS', 'name': 'jenkins/app', 'url': '" + BUILD + "', 'description': ''}"));
        assertThat(Json.of(server.requests().get(2).body()).path("state").asText()).isEqualTo("FAILED");
    }

    @Test
    public void shouldRememberTheFallbackPerProvider() throws Exception {
        server.onJson("POST " + BUILDS, 404, NO_RESOURCE);
        server.on("POST " + LEGACY, 204, Map.of(), new byte[0]);
        BitbucketDataCenterStatusReporter reporter = new BitbucketDataCenterStatusReporter(HttpSettings.DEFAULT,
                TestResources.CLOCK);

        report(reporter, provider("bbdc"), BuildState.PENDING);
        report(reporter, provider("other"), BuildState.PENDING);

        assertThat(server.requests()).extracting(Request::pathAndQuery).containsExactly(BUILDS, LEGACY, BUILDS,
                LEGACY);
    }

    @Test
    public void shouldNotFallBackWhenTheProjectDoesNotExist() throws Exception {
        // Given the recorded NoSuchProjectException answer
        server.on("POST " + BUILDS, 404, Map.of("Content-Type", "application/json"),
                Files.readAllBytes(Fixtures.path("bitbucket-server/api/error.404.no-such-project.json")));

        // When / Then
        assertThatThrownBy(() -> report(new BitbucketDataCenterStatusReporter(HttpSettings.DEFAULT,
                TestResources.CLOCK), provider("bbdc"), BuildState.PENDING))
                .satisfies(e -> {
                    StatusFailure failure = ((StatusException) e).failure();
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.NOT_FOUND);
                    assertThat(failure.message()).contains("HTTP 404: Project dev does not exist.");
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    public void shouldTellAMissingRepositoryPermission() throws Exception {
        // Given Bitbucket's answer to a user without REPO_READ (documented error envelope)
        server.onJson("POST " + BUILDS, 401, "{\"errors\":[{\"context\":null,\"message\":\"You are not permitted to"
                + " access this resource\",\"exceptionName\":\"com.atlassian.bitbucket.AuthorisationException\"}]}");

        assertThatThrownBy(() -> report(new BitbucketDataCenterStatusReporter(HttpSettings.DEFAULT,
                TestResources.CLOCK), provider("bbdc"), BuildState.PENDING))
                .satisfies(e -> assertThat(((StatusException) e).failure().kind())
                        .isEqualTo(StatusFailure.Kind.MISSING_PERMISSION))
                .hasMessageContaining("REPO_READ");
    }

    private void report(BitbucketDataCenterStatusReporter reporter, ProviderSpec provider, BuildState state)
            throws StatusException {
        reporter.report(provider, ApiCredential.token(TOKEN.toCharArray()),
                StatusTarget.of(provider, "PROJ/app", SHA),
                new CommitStatus(state, "jenkins/app", state == BuildState.PENDING ? "" : "Aborted", BUILD));
    }

    private ProviderSpec provider(String name) {
        return ProviderSpec.builder(name, ProviderType.BITBUCKET_DATA_CENTER).serverUrl(server.baseUrl()).build();
    }
}
