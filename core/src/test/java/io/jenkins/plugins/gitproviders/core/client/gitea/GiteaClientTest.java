package io.jenkins.plugins.gitproviders.core.client.gitea;

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
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

public class GiteaClientTest {
    private static final String TOKEN = "gitea-token-0123456789abcdef";

    @Rule
    public LoopbackServer server = new LoopbackServer();

    @Rule
    public LoopbackServer elsewhere = new LoopbackServer();

    @Before
    public void serveVersionAndUser() throws IOException {
        server.onFixture("GET /api/v1/version", TestResources.path("gitea/version.json"))
                .onFixture("GET /api/v1/user", Fixtures.path("gitea/api/user.json"));
    }

    private ProviderSpec provider(String scope) {
        return ProviderSpec.builder("gitea", ProviderType.GITEA).serverUrl(server.baseUrl()).scope(scope).build();
    }

    private Diagnosis diagnose(String scope, HttpSettings settings) {
        return new GiteaClient(settings, TestResources.CLOCK)
                .diagnose(provider(scope), ApiCredential.token(TOKEN.toCharArray()));
    }

    @Test
    public void shouldPassEveryCheckForAValidTokenAndOrganization() throws IOException {
        server.onFixture("GET /api/v1/orgs/Infra", TestResources.path("gitea/org-infra.json"))
                .onFixture("GET /api/v1/orgs/Infra/repos", TestResources.path("gitea/org-repos.json"));

        Diagnosis diagnosis = diagnose("Infra", HttpSettings.DEFAULT);

        assertThat(diagnosis.checks()).extracting(c -> c.id()).containsExactly(CheckId.values());
        assertThat(diagnosis.overall()).isEqualTo(CheckStatus.PASS);
        assertThat(diagnosis.check(CheckId.REACHABILITY).orElseThrow().message()).contains("Gitea 1.21.11");
        assertThat(diagnosis.owner()).contains("jcitizen");
        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow().message()).contains("Jane Citizen");
        assertThat(diagnosis.check(CheckId.SCOPES).orElseThrow().message())
                .contains("read:user", "read:organization", "read:repository")
                .contains("Cannot be known: write:repository (optional, for build status");
        assertThat(diagnosis.check(CheckId.EXPIRY).orElseThrow().message()).isEqualTo("Unknown: Gitea does not report it for this kind of token.");
        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow().message()).contains("2 repositories");
        assertThat(server.requests()).allSatisfy(request ->
                assertThat(request.header("Authorization")).contains("token " + TOKEN));
    }

    @Test
    public void shouldReportTheHostsSpellingWhenTheCaseDiffers() throws IOException {
        server.onFixture("GET /api/v1/orgs/infra", TestResources.path("gitea/org-infra.json"))
                .onFixture("GET /api/v1/orgs/Infra/repos", TestResources.path("gitea/org-repos.json"));

        Diagnosis diagnosis = diagnose("infra", HttpSettings.DEFAULT);

        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.WARN))
                .satisfies(check -> assertThat(check.message()).contains("spells the organization 'Infra'"));
    }

    @Test
    public void shouldFailAuthenticationForARejectedToken() throws IOException {
        server.on("GET /api/v1/user", 401, Map.of("Content-Type", "application/json"),
                readResource("gitea/error.401.json"));

        Diagnosis diagnosis = diagnose(null, HttpSettings.DEFAULT);

        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow().status()).isEqualTo(CheckStatus.FAIL);
        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow().message()).contains("rejected the token");
        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow().status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(diagnosis.failed()).isTrue();
    }

    private static byte[] readResource(String name) throws IOException {
        return java.nio.file.Files.readAllBytes(TestResources.path(name));
    }

    @Test
    public void shouldNameTheMissingScope() throws IOException {
        server.on("GET /api/v1/orgs/Infra", 403, Map.of("Content-Type", "application/json"),
                readResource("gitea/error.403.missing-scope.json"));

        Diagnosis diagnosis = diagnose("Infra", HttpSettings.DEFAULT);

        assertThat(diagnosis.check(CheckId.SCOPES).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.FAIL))
                .satisfies(check -> assertThat(check.message()).contains("read:organization"));
        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow().status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    public void shouldReportAnUnknownOrganization() {
        Diagnosis diagnosis = diagnose("Infar", HttpSettings.DEFAULT);

        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.FAIL))
                .satisfies(check -> assertThat(check.message()).contains("no organization or user 'Infar'",
                        "misspelled"));
    }

    @Test
    public void shouldReportARateLimitWithItsResetTimeWithoutRetrying() {
        server.on("GET /api/v1/user", 429, Map.of("Retry-After", "120"), new byte[0]);

        Diagnosis diagnosis = diagnose(null, HttpSettings.DEFAULT);

        assertThat(diagnosis.check(CheckId.RATE_LIMIT).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.FAIL))
                .satisfies(check -> assertThat(check.message()).contains("HTTP 429", "2026-03-01 12:02:00 UTC"));
        assertThat(server.requests()).filteredOn(r -> r.pathAndQuery().equals("/api/v1/user")).hasSize(1);
    }

    @Test
    public void shouldStopWaitingForAServerThatNeverAnswersWithinTheBudget() {
        server.never("GET /api/v1/user");

        Diagnosis diagnosis = diagnose(null, TestResources.shortBudget());

        assertThat(diagnosis.check(CheckId.REACHABILITY).orElseThrow().status()).isEqualTo(CheckStatus.PASS);
        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.FAIL))
                .satisfies(check -> assertThat(check.message()).contains("did not answer", "budget"));
    }

    @Test
    public void shouldNotForwardTheTokenToAnotherOrigin() {
        server.on("GET /api/v1/user", 302, Map.of("Location", elsewhere.baseUrl() + "/api/v1/user"), new byte[0]);

        Diagnosis diagnosis = diagnose(null, HttpSettings.DEFAULT);

        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow().message())
                .contains("redirected", elsewhere.baseUrl(), "credentials not forwarded");
        assertThat(elsewhere.requests()).noneMatch(request -> request.header("Authorization").isPresent());
    }

    @Test
    public void shouldListRepositoriesMatchingTheQuery() throws Exception {
        server.onFixture("GET /api/v1/orgs/Infra/repos", TestResources.path("gitea/org-repos.json"));

        List<RepositorySummary> repositories = new GiteaClient(HttpSettings.DEFAULT, TestResources.CLOCK)
                .listRepositories(provider("Infra"), ApiCredential.token(TOKEN.toCharArray()), "terra", 10);

        assertThat(repositories).singleElement().satisfies(repo -> {
            assertThat(repo.fullName()).isEqualTo("Infra/terraform");
            assertThat(repo.httpsCloneUrl()).isEqualTo("https://gitea.example.com/Infra/terraform.git");
            assertThat(repo.defaultBranch()).isEqualTo("trunk");
            assertThat(repo.privateRepository()).isFalse();
        });
    }
}
