package io.jenkins.plugins.gitproviders.core.client.azure;

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
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

public class AzureDevOpsClientTest {
    private static final String PAT = "azure-pat-0123456789abcdefghijklmnopqrstuvwxyz";

    @Rule
    public LoopbackServer server = new LoopbackServer();

    @Before
    public void serveOrganization() throws IOException {
        server.onFixture("GET /fabrikam/_apis/connectionData", TestResources.path("azure/connectionData.json"))
                .onFixture("GET /fabrikam/_apis/projects/Fabrikam-Fiber", TestResources.path("azure/project-fabrikam-fiber.json"))
                .onFixture("GET /fabrikam/_apis/projects/fabrikam-fiber", TestResources.path("azure/project-fabrikam-fiber.json"))
                .onFixture("GET /fabrikam/Fabrikam-Fiber/_apis/git/repositories", TestResources.path("azure/repositories.json"));
    }

    private ProviderSpec provider(String scope) {
        return ProviderSpec.builder("azure", ProviderType.AZURE_DEVOPS).serverUrl(server.baseUrl()).scope(scope).build();
    }

    private Diagnosis diagnose(String scope, HttpSettings settings) {
        return new AzureDevOpsClient(settings, TestResources.CLOCK).diagnose(provider(scope),
                ApiCredential.token(PAT.toCharArray()));
    }

    @Test
    public void shouldPassForAPatWithAccessToTheProject() {
        Diagnosis diagnosis = diagnose("fabrikam/Fabrikam-Fiber", HttpSettings.DEFAULT);

        assertThat(diagnosis.overall()).isEqualTo(CheckStatus.PASS);
        assertThat(diagnosis.owner()).contains("jamal@fabrikam.com");
        assertThat(diagnosis.check(CheckId.REACHABILITY).orElseThrow().message()).contains("hosted");
        // Code (Read) is all the plugin needs, and listing the repositories proved it; the optional status scope of
        // build status (on by default) cannot be known without writing one
        assertThat(diagnosis.check(CheckId.SCOPES).orElseThrow().message()).contains("Confirmed by the calls: vso.code.")
                .contains("Cannot be known: vso.code_status (optional, for build status").doesNotContain("hooks");
        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow().message()).contains("2 repositories");
        String basic = "Basic " + Base64.getEncoder().encodeToString((":" + PAT).getBytes(StandardCharsets.UTF_8));
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).contains(basic));
    }

    @Test
    public void shouldReportTheHostsSpellingOfTheProject() {
        Diagnosis diagnosis = diagnose("fabrikam/fabrikam-fiber", HttpSettings.DEFAULT);

        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.WARN))
                .satisfies(check -> assertThat(check.message()).contains("'Fabrikam-Fiber'"));
    }

    @Test
    public void shouldFailForARejectedPat() {
        server.on("GET /fabrikam/_apis/connectionData", 401, Map.of(), new byte[0]);

        Diagnosis diagnosis = diagnose("fabrikam", HttpSettings.DEFAULT);

        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.FAIL))
                .satisfies(check -> assertThat(check.message()).contains("another organization"));
    }

    @Test
    public void shouldReportAnUnknownOrganization() {
        Diagnosis diagnosis = diagnose("fabrikan", HttpSettings.DEFAULT);

        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow().message())
                .contains("no organization 'fabrikan'", "misspelled");
        assertThat(diagnosis.failed()).isTrue();
    }

    @Test
    public void shouldReportAnUnknownProjectInFixedWordsWithoutTheHostsMessage() throws IOException {
        server.on("GET /fabrikam/_apis/projects/Fabrikam-Fibre", 404, Map.of("Content-Type", "application/json"),
                Files.readAllBytes(TestResources.path("azure/error.404.project.json")));

        Diagnosis diagnosis = diagnose("fabrikam/Fabrikam-Fibre", HttpSettings.DEFAULT);

        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow().message())
                .isEqualTo("The organization 'fabrikam' has no project 'Fabrikam-Fibre' the token can see (HTTP 404):"
                        + " misspelled project?")
                .doesNotContain("TF200016");
    }

    @Test
    public void shouldHoldTheBudgetAgainstAServerThatNeverAnswers() {
        server.never("GET /fabrikam/_apis/connectionData");

        Diagnosis diagnosis = diagnose("fabrikam", TestResources.shortBudget());

        assertThat(diagnosis.check(CheckId.REACHABILITY).orElseThrow().message()).contains("did not answer");
        assertThat(diagnosis.failed()).isTrue();
    }

    @Test
    public void shouldListRepositoriesOfTheProject() throws Exception {
        List<RepositorySummary> repositories = new AzureDevOpsClient(HttpSettings.DEFAULT, TestResources.CLOCK)
                .listRepositories(provider("fabrikam/Fabrikam-Fiber"), ApiCredential.token(PAT.toCharArray()), "", 1);

        assertThat(repositories).singleElement().satisfies(repo -> {
            assertThat(repo.fullName()).isEqualTo("fabrikam/Fabrikam-Fiber/AnotherRepository");
            assertThat(repo.defaultBranch()).isEqualTo("main");
            assertThat(repo.sshCloneUrl()).startsWith("git@ssh.dev.azure.com");
        });
    }
}
