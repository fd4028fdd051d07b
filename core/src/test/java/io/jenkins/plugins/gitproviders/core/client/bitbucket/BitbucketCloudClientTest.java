package io.jenkins.plugins.gitproviders.core.client.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.CheckId;
import io.jenkins.plugins.gitproviders.core.client.CheckStatus;
import io.jenkins.plugins.gitproviders.core.client.Diagnosis;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.TestResources;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

public class BitbucketCloudClientTest {
    private static final String API_TOKEN = "ATATT3xFfGF0-secret-api-token-value";
    private static final String ACCESS_TOKEN = "ATCTT3xFfGN0-workspace-access-token";

    @Rule
    public LoopbackServer server = new LoopbackServer();

    @Before
    public void serveRecordings() throws IOException {
        server.onFixture("GET /2.0/user", Fixtures.path("bitbucket-cloud/api/2.0-user.json"))
                .onFixture("GET /2.0/user/emails", Fixtures.path("bitbucket-cloud/api/2.0-user-emails.json"))
                .onFixture("GET /2.0/user/workspaces", Fixtures.path("bitbucket-cloud/api/2.0-user-workspaces.json"))
                .onFixture("GET /2.0/workspaces/atlassian", Fixtures.path("bitbucket-cloud/api/2.0-workspaces-atlassian.json"))
                .onFixture("GET /2.0/repositories/atlassian", TestResources.path("bitbucket/cloud-repositories.json"));
    }

    private ProviderSpec.Builder provider(String workspace) {
        return ProviderSpec.builder("bbc", ProviderType.BITBUCKET_CLOUD).apiUrl(server.baseUrl() + "/2.0")
                .scope(workspace);
    }

    private Diagnosis diagnose(ProviderSpec provider, ApiCredential credential) {
        return new BitbucketCloudClient(HttpSettings.DEFAULT, TestResources.CLOCK).diagnose(provider, credential);
    }

    @Test
    public void shouldSendEmailAndApiTokenAsBasicAndPass() {
        Diagnosis diagnosis = diagnose(provider("atlassian").email("test@harness.io").build(),
                ApiCredential.token(API_TOKEN.toCharArray()));

        assertThat(diagnosis.overall()).isEqualTo(CheckStatus.PASS);
        assertThat(diagnosis.owner()).contains("brydzewski");
        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow().message())
                .contains("'atlassian'", "1 repository");
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                ("test@harness.io:" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(server.requests()).allSatisfy(r -> assertThat(r.header("Authorization")).contains(basic));
    }

    @Test
    public void shouldSendTheEmailAndApiTokenOfAUsernameWithPasswordAsBasic() {
        Diagnosis diagnosis = diagnose(provider("atlassian").build(),
                ApiCredential.usernamePassword("test@harness.io", API_TOKEN.toCharArray()));

        assertThat(diagnosis.overall()).isEqualTo(CheckStatus.PASS);
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                ("test@harness.io:" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(server.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("Authorization")).contains(basic));
    }

    @Test
    public void shouldSendAnAccessTokenAsBearerWhateverTheUsername() {
        // Given an access token: no email, and a username that only the diagnosis compares with the owner
        Diagnosis diagnosis = diagnose(provider("atlassian").username("brydzewski").build(),
                ApiCredential.token(ACCESS_TOKEN.toCharArray()));

        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow().status()).isEqualTo(CheckStatus.PASS);
        assertThat(server.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + ACCESS_TOKEN));
    }

    @Test
    public void shouldReportAMissingEmailForAnApiTokenWithoutSendingIt() {
        Diagnosis diagnosis = diagnose(provider("atlassian").build(), ApiCredential.token(API_TOKEN.toCharArray()));

        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.FAIL))
                .satisfies(check -> assertThat(check.message()).contains("Missing Bitbucket email"));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    public void shouldWarnWhenTheEmailIsNotTheAccounts() {
        Diagnosis diagnosis = diagnose(provider("atlassian").email("someone@else.org").build(),
                ApiCredential.token(API_TOKEN.toCharArray()));

        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.WARN))
                .satisfies(check -> assertThat(check.message()).contains("someone@else.org", "does not match"));
    }

    @Test
    public void shouldExplainAWrongUsernameWithAnAppPassword() {
        server.onJson("GET /2.0/user", 401, "{\"type\":\"error\",\"error\":{\"message\":\"Unauthorized\"}}");

        Diagnosis diagnosis = diagnose(provider("atlassian").build(),
                ApiCredential.usernamePassword("brad@example.com-not", "app-password-123".toCharArray()));

        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.FAIL))
                .satisfies(check -> assertThat(check.message()).contains("HTTP 401"));
    }

    @Test
    public void shouldPassAnAccessTokenWithAccountAndRepositoriesRead() {
        // Given a workspace access token with the two permissions the plugin needs, and no webhook permission
        server.on("GET /2.0/user", 200, Map.of("Content-Type", "application/json", "X-OAuth-Scopes",
                "account, repository", "X-Credential-Type", "workspace_access_token"),
                Fixtures.bytes("bitbucket-cloud/api/2.0-user.json"));

        Diagnosis diagnosis = diagnose(provider("atlassian").build(), ApiCredential.token(ACCESS_TOKEN.toCharArray()));

        assertThat(diagnosis.check(CheckId.SCOPES).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.PASS))
                .satisfies(check -> assertThat(check.message()).doesNotContain("webhook"));
        assertThat(server.requests().get(0).header("Authorization")).contains("Bearer " + ACCESS_TOKEN);
    }

    @Test
    public void shouldFailForAnAccessTokenWithoutRepositoriesRead() {
        server.on("GET /2.0/user", 200, Map.of("Content-Type", "application/json", "X-OAuth-Scopes",
                "account, webhook", "X-Credential-Type", "workspace_access_token"),
                Fixtures.bytes("bitbucket-cloud/api/2.0-user.json"));

        Diagnosis diagnosis = diagnose(provider("atlassian").build(), ApiCredential.token(ACCESS_TOKEN.toCharArray()));

        assertThat(diagnosis.check(CheckId.SCOPES).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.FAIL))
                .satisfies(check -> assertThat(check.message()).contains("lacks read:repository:bitbucket")
                        .doesNotContain("read:user"));
    }

    @Test
    public void shouldReportAnUnknownWorkspace() {
        Diagnosis diagnosis = diagnose(provider("atlasian").email("test@harness.io").build(),
                ApiCredential.token(API_TOKEN.toCharArray()));

        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.FAIL))
                .satisfies(check -> assertThat(check.message()).contains("no workspace 'atlasian'", "misspelled"));
    }

    @Test
    public void shouldCountTheMembersRepositoriesWhenNoWorkspaceIsConfigured() throws IOException {
        server.onFixture("GET /2.0/repositories?role=member&pagelen=100",
                TestResources.path("bitbucket/cloud-repositories.json"));

        Diagnosis diagnosis = diagnose(provider(null).email("test@harness.io").build(),
                ApiCredential.token(API_TOKEN.toCharArray()));

        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow().message())
                .isEqualTo("No workspace configured; the token sees 1 repository in all, 1 on the first page.");
    }

    @Test
    public void shouldReportRateLimiting() {
        server.on("GET /2.0/repositories/atlassian", 429, Map.of("Retry-After", "60"), new byte[0]);

        Diagnosis diagnosis = diagnose(provider("atlassian").email("test@harness.io").build(),
                ApiCredential.token(API_TOKEN.toCharArray()));

        assertThat(diagnosis.check(CheckId.RATE_LIMIT).orElseThrow())
                .satisfies(check -> assertThat(check.status()).isEqualTo(CheckStatus.FAIL))
                .satisfies(check -> assertThat(check.message()).contains("12:01:00"));
    }
}
