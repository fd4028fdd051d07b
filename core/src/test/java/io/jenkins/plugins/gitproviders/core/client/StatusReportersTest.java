package io.jenkins.plugins.gitproviders.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.status.BuildState;
import io.jenkins.plugins.gitproviders.core.status.CommitStatus;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer.Request;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

/**
 * Proves, for every provider type, that a build's life (queued, running, finished) costs one request per state
 * change and nothing else: no lookup of the repository, no retry. Answers are the documented success shapes of each
 * host's folder (see the READMEs there).
 */
public class StatusReportersTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String BUILD = "https://ci.example.com/job/app/12/";
    private static final char[] TOKEN = "status-token-0123456789".toCharArray();

    @Rule
    public LoopbackServer host = new LoopbackServer();

    @Test
    public void shouldSendOneRequestPerStateChangeToEveryHost() throws Exception {
        serveSuccessForEveryHost();
        for (ProviderType type : ProviderType.values()) {
            // Given a fresh server log and the type's reporter
            int before = host.requests().size();
            ProviderSpec provider = provider(type);
            StatusReporter reporter = StatusReporters.create(type, HttpSettings.DEFAULT, TestResources.CLOCK);
            StatusTarget target = StatusTarget.of(provider, repository(type), SHA);

            // When the build is queued, runs and succeeds
            for (BuildState state : List.of(BuildState.PENDING, BuildState.RUNNING, BuildState.SUCCESS)) {
                reporter.report(provider, ApiCredential.token(TOKEN), target,
                        new CommitStatus(state, "jenkins/app", "", BUILD));
            }

            // Then exactly three requests, all writes
            List<Request> sent = host.requests().subList(before, host.requests().size());
            assertThat(sent).as(type.name()).hasSize(3).allMatch(request -> request.method().equals("POST"));
        }
    }

    private void serveSuccessForEveryHost() throws Exception {
        serve("/repos/acme/app/statuses/" + SHA, 201, "github/status.201.json");
        serve("/api/v4/projects/acme%2Fapp/statuses/" + SHA, 201, "gitlab/status.201.json");
        serve("/2.0/repositories/acme/app/commit/" + SHA + "/statuses/build", 201, "bitbucket/cloud-status.201.json");
        host.on("POST /rest/api/latest/projects/PROJ/repos/app/commits/" + SHA + "/builds", 204, Map.of(),
                new byte[0]);
        serve("/acme/web/_apis/git/repositories/app/commits/" + SHA + "/statuses?api-version=7.1", 201,
                "azure/status.201.json");
        serve("/api/v1/repos/acme/app/statuses/" + SHA, 201, "gitea/status.201.json");
    }

    private void serve(String pathAndQuery, int status, String resource) throws Exception {
        host.on("POST " + pathAndQuery, status, Map.of("Content-Type", "application/json"),
                Files.readAllBytes(TestResources.path(resource)));
    }

    private ProviderSpec provider(ProviderType type) {
        ProviderSpec.Builder builder = ProviderSpec.builder(type.id(), type);
        return switch (type) {
            case GITHUB -> builder.apiUrl(host.baseUrl()).build();
            case GITHUB_ENTERPRISE -> builder.serverUrl("https://ghe.example.invalid").apiUrl(host.baseUrl()).build();
            case GITLAB, GITLAB_SELF_MANAGED -> builder.serverUrl(type == ProviderType.GITLAB ? null
                    : "https://gitlab.example.invalid").apiUrl(host.baseUrl() + "/api/v4").build();
            case BITBUCKET_CLOUD -> builder.apiUrl(host.baseUrl() + "/2.0").build();
            case BITBUCKET_DATA_CENTER, GITEA -> builder.serverUrl(host.baseUrl()).build();
            case AZURE_DEVOPS -> builder.serverUrl(host.baseUrl()).scope("acme").build();
        };
    }

    private static String repository(ProviderType type) {
        return switch (type) {
            case BITBUCKET_DATA_CENTER -> "PROJ/app";
            case AZURE_DEVOPS -> "acme/web/app";
            default -> "acme/app";
        };
    }
}
