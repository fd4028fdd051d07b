package io.jenkins.plugins.gitproviders.core.testing;

import io.jenkins.plugins.gitproviders.core.client.TestResources;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * Serves, for each host type, the recorded answers of a healthy host on which every check of a diagnosis passes,
 * and returns the provider configured for that server: what a whole connection test needs without the host.
 */
public final class RecordedHosts {
    private RecordedHosts() {}

    /** Serves a healthy host of the type on the server and returns a provider pointing at it. */
    public static ProviderSpec serve(ProviderType type, LoopbackServer server) throws IOException {
        String base = server.baseUrl();
        ProviderSpec.Builder provider = ProviderSpec.builder("recorded-" + type.id(), type).credentialsId("token");
        switch (type) {
            case GITHUB, GITHUB_ENTERPRISE -> {
                server.onFixture("GET /user", Fixtures.path("github/api/user.200.classic-token.many-scopes.json"))
                        .onFixture("GET /orgs/hub4j-test-org", Fixtures.path("github/api/orgs.200.json"))
                        .onFixture("GET /orgs/hub4j-test-org/repos",
                                TestResources.path("github/orgs-hub4j-test-org-repos.json"));
                provider.serverUrl(type == ProviderType.GITHUB ? null : "https://ghe.example.invalid").apiUrl(base)
                        .scope("hub4j-test-org");
            }
            case GITLAB, GITLAB_SELF_MANAGED -> {
                String api = "/api/v4";
                String group = "platform%2Finfra";
                Map<String, String> onePage = Map.of("Content-Type", "application/json", "X-Page", "1",
                        "X-Per-Page", "100", "X-Total", "3", "X-Total-Pages", "1");
                byte[] projects = Files.readAllBytes(TestResources.path("gitlab/groups-projects.json"));
                server.on("GET " + api + "/version", 200, Map.of("Content-Type", "application/json",
                                "RateLimit-Limit", "600", "RateLimit-Remaining", "599", "RateLimit-Reset", "1512454441"),
                                Files.readAllBytes(TestResources.path("gitlab/version.json")))
                        .onFixture("GET " + api + "/user", Fixtures.path("gitlab/api/user.drone-go-scm.json"))
                        .onFixture("GET " + api + "/personal_access_tokens/self",
                                Fixtures.path("gitlab/api/personal_access_tokens_self.go-gitlab.json"))
                        .onFixture("GET " + api + "/groups/" + group,
                                TestResources.path("gitlab/groups.platform-infra.json"))
                        .on("GET " + api + "/groups/" + group + "/projects", 200, onePage, projects);
                provider.serverUrl(type == ProviderType.GITLAB ? null : "https://gitlab.example.invalid")
                        .apiUrl(base + api).scope("platform/infra");
            }
            case BITBUCKET_CLOUD -> {
                server.onFixture("GET /2.0/user", Fixtures.path("bitbucket-cloud/api/2.0-user.json"))
                        .onFixture("GET /2.0/user/emails", Fixtures.path("bitbucket-cloud/api/2.0-user-emails.json"))
                        .onFixture("GET /2.0/workspaces/atlassian",
                                Fixtures.path("bitbucket-cloud/api/2.0-workspaces-atlassian.json"))
                        .onFixture("GET /2.0/repositories/atlassian",
                                TestResources.path("bitbucket/cloud-repositories.json"));
                provider.apiUrl(base + "/2.0").scope("atlassian").email("test@harness.io");
            }
            case BITBUCKET_DATA_CENTER -> {
                server.onFixture("GET /rest/api/1.0/application-properties",
                                TestResources.path("bitbucket/application-properties.json"))
                        .on("GET /plugins/servlet/applinks/whoami", 200, Map.of("Content-Type", "text/plain"),
                                "jcitizen".getBytes(StandardCharsets.UTF_8))
                        .onFixture("GET /rest/api/1.0/users/jcitizen",
                                Fixtures.path("bitbucket-server/api/rest-api-1.0-users-slug.json"))
                        .onFixture("GET /rest/api/1.0/projects/PROJ", TestResources.path("bitbucket/project-proj.json"))
                        .onFixture("GET /rest/api/1.0/projects/PROJ/repos",
                                TestResources.path("bitbucket/project-repos.json"));
                provider.serverUrl(base).scope("PROJ");
            }
            case AZURE_DEVOPS -> {
                server.onFixture("GET /fabrikam/_apis/connectionData", TestResources.path("azure/connectionData.json"))
                        .onFixture("GET /fabrikam/_apis/projects/Fabrikam-Fiber",
                                TestResources.path("azure/project-fabrikam-fiber.json"))
                        .onFixture("GET /fabrikam/Fabrikam-Fiber/_apis/git/repositories",
                                TestResources.path("azure/repositories.json"));
                provider.serverUrl(base).scope("fabrikam/Fabrikam-Fiber");
            }
            case GITEA -> {
                server.onFixture("GET /api/v1/version", TestResources.path("gitea/version.json"))
                        .onFixture("GET /api/v1/user", Fixtures.path("gitea/api/user.json"))
                        .onFixture("GET /api/v1/orgs/Infra", TestResources.path("gitea/org-infra.json"))
                        .onFixture("GET /api/v1/orgs/Infra/repos", TestResources.path("gitea/org-repos.json"));
                provider.serverUrl(base).scope("Infra");
            }
            default -> throw new IllegalArgumentException(type.toString());
        }
        return provider.build();
    }
}
