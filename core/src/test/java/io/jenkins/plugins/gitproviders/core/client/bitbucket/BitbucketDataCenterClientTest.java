package io.jenkins.plugins.gitproviders.core.client.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.CheckId;
import io.jenkins.plugins.gitproviders.core.client.CheckStatus;
import io.jenkins.plugins.gitproviders.core.client.Diagnosis;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.RepositorySummary;
import io.jenkins.plugins.gitproviders.core.client.TestResources;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

public class BitbucketDataCenterClientTest {
    private static final String TOKEN = "BBDC-token-abcdefghijklmnop";

    @Rule
    public LoopbackServer server = new LoopbackServer();

    @Before
    public void serveServer() throws IOException {
        server.onFixture("GET /rest/api/1.0/application-properties",
                        TestResources.path("bitbucket/application-properties.json"))
                .on("GET /plugins/servlet/applinks/whoami", 200, Map.of("Content-Type", "text/plain"),
                        "jcitizen".getBytes(StandardCharsets.UTF_8))
                .onFixture("GET /rest/api/1.0/users/jcitizen", Fixtures.path("bitbucket-server/api/rest-api-1.0-users-slug.json"))
                .onFixture("GET /rest/api/1.0/projects/PROJ", TestResources.path("bitbucket/project-proj.json"))
                .onFixture("GET /rest/api/1.0/projects/PROJ/repos", TestResources.path("bitbucket/project-repos.json"));
    }

    private Diagnosis diagnose(String scope, ApiCredential credential) {
        ProviderSpec provider = ProviderSpec.builder("bbdc", ProviderType.BITBUCKET_DATA_CENTER)
                .serverUrl(server.baseUrl()).scope(scope).build();
        return new BitbucketDataCenterClient(HttpSettings.DEFAULT, TestResources.CLOCK).diagnose(provider, credential);
    }

    @Test
    public void shouldPassWithVersionOwnerAndProject() {
        Diagnosis diagnosis = diagnose("PROJ", ApiCredential.token(TOKEN.toCharArray()));

        assertThat(diagnosis.overall()).isEqualTo(CheckStatus.PASS);
        assertThat(diagnosis.check(CheckId.REACHABILITY).orElseThrow().message()).contains("Bitbucket 8.9.4");
        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow().message()).contains("Jane Citizen (jcitizen)");
        assertThat(diagnosis.check(CheckId.SCOPES).orElseThrow().message()).contains("Confirmed by the calls: REPO_READ")
                .doesNotContain("REPO_ADMIN").doesNotContain("Cannot be known");
        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow().message()).contains("'PROJ'", "1 repository");
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + TOKEN));
    }

    @Test
    public void shouldWarnAboutAWrongUsername() {
        Diagnosis diagnosis = diagnose("PROJ", ApiCredential.usernamePassword("jdoe", TOKEN.toCharArray()));

        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.WARN))
                .satisfies(check -> assertThat(check.message()).contains("wrong username", "'jdoe'"));
    }

    @Test
    public void shouldFailForARejectedToken() {
        server.onJson("GET /plugins/servlet/applinks/whoami", 401,
                "{\"errors\":[{\"message\":\"Authentication failed. Please check your credentials and try again.\"}]}");

        Diagnosis diagnosis = diagnose("PROJ", ApiCredential.token(TOKEN.toCharArray()));

        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow().status()).isEqualTo(CheckStatus.FAIL);
        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow().message()).contains("did not accept");
    }

    @Test
    public void shouldReportAnUnknownProjectInFixedWordsWithoutTheHostsMessage() throws IOException {
        server.on("GET /rest/api/1.0/projects/DEV", 404, Map.of("Content-Type", "application/json"),
                Fixtures.bytes("bitbucket-server/api/error.404.no-such-project.json"));

        Diagnosis diagnosis = diagnose("DEV", ApiCredential.token(TOKEN.toCharArray()));

        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.FAIL))
                .satisfies(check -> assertThat(check.message())
                        .isEqualTo("Bitbucket has no project 'DEV' the credential can see (HTTP 404).")
                        .doesNotContain("does not exist"));
    }

    @Test
    public void shouldReportARateLimit() {
        server.on("GET /rest/api/1.0/projects/PROJ", 429,
                Map.of("X-RateLimit-Limit", "60", "X-RateLimit-Remaining", "0", "Retry-After", "30"), new byte[0]);

        Diagnosis diagnosis = diagnose("PROJ", ApiCredential.token(TOKEN.toCharArray()));

        assertThat(diagnosis.check(CheckId.RATE_LIMIT).orElseThrow().message()).contains("0 of 60", "12:00:30");
        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow().status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    public void shouldListRepositoriesWithCloneLinks() throws Exception {
        ProviderSpec provider = ProviderSpec.builder("bbdc", ProviderType.BITBUCKET_DATA_CENTER)
                .serverUrl(server.baseUrl()).scope("PROJ").build();

        List<RepositorySummary> repositories = new BitbucketDataCenterClient(HttpSettings.DEFAULT, TestResources.CLOCK)
                .listRepositories(provider, ApiCredential.token(TOKEN.toCharArray()), "", 10);

        assertThat(repositories).singleElement().satisfies(repo -> {
            assertThat(repo.fullName()).isEqualTo("PROJ/my-repo");
            assertThat(repo.httpsCloneUrl()).isEqualTo("https://bitbucket.example.com/scm/proj/my-repo.git");
            assertThat(repo.sshCloneUrl()).startsWith("ssh://");
            assertThat(repo.privateRepository()).isTrue();
        });
    }
}
