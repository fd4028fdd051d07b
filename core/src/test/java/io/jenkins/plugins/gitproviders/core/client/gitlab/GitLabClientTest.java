package io.jenkins.plugins.gitproviders.core.client.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.Check;
import io.jenkins.plugins.gitproviders.core.client.CheckId;
import io.jenkins.plugins.gitproviders.core.client.CheckStatus;
import io.jenkins.plugins.gitproviders.core.client.Diagnosis;
import io.jenkins.plugins.gitproviders.core.client.HostClientException;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.RepositorySummary;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

/**
 * Runs the GitLab client against a real HTTP server on loopback serving recorded and documented GitLab answers.
 */
public class GitLabClientTest {
    private static final String TOKEN = "glpat-S3cretT0kenValue0123456789";
    private static final String API = "/api/v4";
    private static final String GROUP = "platform/infra";
    private static final String ENCODED_GROUP = "platform%2Finfra";
    private static final HttpSettings FAST = HttpSettings.DEFAULT.withTimeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(8));

    /** GitLab's pagination headers for a list that fits on one page ("Pagination" in the REST API docs). */
    private static final Map<String, String> ONE_PAGE = Map.of("Content-Type", "application/json", "X-Page", "1",
            "X-Per-Page", "100", "X-Total", "3", "X-Total-Pages", "1", "X-Next-Page", "", "X-Prev-Page", "");

    @Rule
    public LoopbackServer gitlab = new LoopbackServer();

    @Rule
    public LoopbackServer elsewhere = new LoopbackServer();

    @Test
    public void shouldPassEveryCheckForATokenWithTheApiScope() throws Exception {
        // Given a GitLab with a version, a user, an api token without expiry and a subgroup with projects
        healthyGitLab();

        // When
        Diagnosis diagnosis = diagnose(selfManaged(GROUP), at("2026-01-10T00:00:00Z"));

        // Then
        assertThat(diagnosis.overall()).as(describe(diagnosis)).isEqualTo(CheckStatus.PASS);
        assertThat(diagnosis.checks()).extracting(Check::id).containsExactly(CheckId.values());
        assertThat(message(diagnosis, CheckId.REACHABILITY)).contains("GitLab 17.1.0-ee (revision 4e963fe)");
        assertThat(message(diagnosis, CheckId.AUTHENTICATION)).contains("john_smith (John Smith)");
        assertThat(diagnosis.owner()).contains("john_smith");
        assertThat(message(diagnosis, CheckId.SCOPES)).contains("can do what the plugin needs")
                // Build status is on by default, and writing commit statuses needs api: no "more than needed" note.
                .contains("granted: api").doesNotContain("are enough");
        assertThat(message(diagnosis, CheckId.EXPIRY)).contains("no expiry date");
        assertThat(message(diagnosis, CheckId.SCOPE_ACCESS)).contains("group platform/infra exists")
                .contains("sees 3 of its projects");
        assertThat(message(diagnosis, CheckId.RATE_LIMIT)).contains("599 of 600").contains("2017-12-05 06:14 UTC");
        assertThat(gitlab.requests()).allSatisfy(request ->
                assertThat(request.header("PRIVATE-TOKEN")).contains(TOKEN));
        assertThat(gitlab.requests()).extracting(LoopbackServer.Request::pathAndQuery)
                .anyMatch(path -> path.startsWith(API + "/groups/" + ENCODED_GROUP + "/projects?"));
    }

    @Test
    public void shouldFailAuthenticationForARejectedToken() throws Exception {
        // Given a GitLab answering 401 to everything
        byte[] unauthorized = Fixtures.bytes("gitlab/api/user.401.json");
        gitlab.on("GET " + API + "/version", 401, Map.of("Content-Type", "application/json"), unauthorized)
                .on("GET " + API + "/user", 401, Map.of("Content-Type", "application/json"), unauthorized);

        // When
        Diagnosis diagnosis = diagnose(selfManaged(GROUP), at("2026-01-10T00:00:00Z"));

        // Then
        assertThat(diagnosis.check(CheckId.REACHABILITY).orElseThrow().status()).isEqualTo(CheckStatus.PASS);
        Check authentication = diagnosis.check(CheckId.AUTHENTICATION).orElseThrow();
        assertThat(authentication.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(authentication.message()).isEqualTo("GitLab rejected the token (HTTP 401 Unauthorized).");
        assertThat(authentication.fix()).contains("https://gitlab.example.com/-/user_settings/personal_access_tokens")
                .contains("scopes read_api and read_repository").contains("'gl-token'");
        assertThat(diagnosis.check(CheckId.SCOPES).orElseThrow().status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    public void shouldFailForAnExpiredToken() throws Exception {
        // Given a token that expired on 2023-08-15 (the GitLab4J test recording)
        healthyGitLab();
        gitlab.onFixture("GET " + API + "/personal_access_tokens/self",
                Fixtures.path("gitlab/api/personal_access_token.with-expiry.gitlab4j.json"));

        // When
        Diagnosis diagnosis = diagnose(selfManaged(GROUP), at("2023-09-01T00:00:00Z"));

        // Then
        Check expiry = diagnosis.check(CheckId.EXPIRY).orElseThrow();
        assertThat(expiry.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(expiry.message()).contains("expired on 2023-08-15");
        assertThat(diagnosis.expiry()).contains(Instant.parse("2023-08-15T00:00:00Z"));
    }

    @Test
    public void shouldWarnForATokenExpiringWithinTwoWeeks() throws Exception {
        // Given the same token ten days before it expires
        healthyGitLab();
        gitlab.onFixture("GET " + API + "/personal_access_tokens/self",
                Fixtures.path("gitlab/api/personal_access_token.with-expiry.gitlab4j.json"));

        // When
        Diagnosis diagnosis = diagnose(selfManaged(GROUP), at("2023-08-05T00:00:00Z"));

        // Then
        Check expiry = diagnosis.check(CheckId.EXPIRY).orElseThrow();
        assertThat(expiry.status()).isEqualTo(CheckStatus.WARN);
        assertThat(expiry.message()).contains("2023-08-15").contains("10 days left");
    }

    @Test
    public void shouldFailForARevokedToken() throws Exception {
        // Given a revoked token that GitLab still describes
        healthyGitLab();
        gitlab.onFixture("GET " + API + "/personal_access_tokens/self",
                resource("personal_access_tokens_self.revoked.json"));

        // When
        Diagnosis diagnosis = diagnose(selfManaged(GROUP), at("2026-01-10T00:00:00Z"));

        // Then
        Check expiry = diagnosis.check(CheckId.EXPIRY).orElseThrow();
        assertThat(expiry.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(expiry.message()).isEqualTo("The token was revoked.");
    }

    @Test
    public void shouldPassATokenWithTheReadScopesOnly() throws Exception {
        // Given a token with read_api and read_repository: exactly what the plugin needs without build status
        healthyGitLab();
        gitlab.onFixture("GET " + API + "/personal_access_tokens/self",
                resource("personal_access_tokens_self.read-only.json"));

        // When
        Diagnosis diagnosis = diagnose(selfManaged(GROUP).toBuilder().statusReporting(false).build(),
                at("2026-01-10T00:00:00Z"));

        // Then
        Check scopes = diagnosis.check(CheckId.SCOPES).orElseThrow();
        assertThat(scopes.status()).isEqualTo(CheckStatus.PASS);
        assertThat(scopes.message()).isEqualTo("The token can do what the plugin needs, read the API and clone"
                + " (granted: read_api, read_repository).");
        assertThat(diagnosis.check(CheckId.EXPIRY).orElseThrow().message()).contains("2026-06-30");
    }

    @Test
    public void shouldMentionBuildStatusesOfAReadOnlyTokenOnlyWhenTheProviderReportsThem() throws Exception {
        // Given a read-only token, and providers that do and do not report build status
        healthyGitLab();
        gitlab.onFixture("GET " + API + "/personal_access_tokens/self",
                resource("personal_access_tokens_self.read-only.json"));

        // When
        Diagnosis reporting = diagnose(selfManaged(GROUP), at("2026-01-10T00:00:00Z"));
        Diagnosis silent = diagnose(selfManaged(GROUP).toBuilder().statusReporting(false).build(),
                at("2026-01-10T00:00:00Z"));

        // Then
        Check withStatus = reporting.check(CheckId.SCOPES).orElseThrow();
        assertThat(withStatus.status()).isEqualTo(CheckStatus.WARN);
        assertThat(withStatus.message()).endsWith("but cannot report build status: that needs the api scope.");
        assertThat(withStatus.fix()).startsWith("For build status, create a token with the api scope")
                .endsWith("or turn build status reporting off for this provider.");
        Check withoutStatus = silent.check(CheckId.SCOPES).orElseThrow();
        assertThat(withoutStatus.status()).isEqualTo(CheckStatus.PASS);
        assertThat(withoutStatus.message()).doesNotContain("status");
    }

    @Test
    public void shouldNameTheMissingScope() throws Exception {
        // Given a token with read_user and read_repository only
        healthyGitLab();
        gitlab.onFixture("GET " + API + "/personal_access_tokens/self",
                resource("personal_access_tokens_self.no-api.json"));

        // When
        Diagnosis diagnosis = diagnose(selfManaged(GROUP), at("2026-01-10T00:00:00Z"));

        // Then read_user, unknown to GitLab4J, is counted, not lost
        Check scopes = diagnosis.check(CheckId.SCOPES).orElseThrow();
        assertThat(scopes.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(scopes.message()).isEqualTo("The token lacks the scope read_api (granted: read_repository and 1"
                + " other scope).");
        assertThat(scopes.fix()).contains("read_api and read_repository").contains("cannot add scopes");
    }

    @Test
    public void shouldFailForAnUnknownGroup() throws Exception {
        // Given a group GitLab does not show this token
        healthyGitLab();
        gitlab.on("GET " + API + "/groups/platform%2Finfro", 404, Map.of("Content-Type", "application/json"),
                Files.readAllBytes(resource("groups.404.json")));

        // When
        Diagnosis diagnosis = diagnose(selfManaged("platform/infro"), at("2026-01-10T00:00:00Z"));

        // Then
        Check access = diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow();
        assertThat(access.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(access.message()).isEqualTo("GitLab has no group 'platform/infro' that this token can see"
                + " (HTTP 404).");
        assertThat(access.fix()).contains("https://gitlab.example.com/<group>").contains("not a member");
    }

    @Test
    public void shouldReportTheHostsSpellingOfTheGroup() throws Exception {
        // Given a group GitLab spells with a capital
        healthyGitLab();
        gitlab.onFixture("GET " + API + "/groups/" + ENCODED_GROUP, resource("groups.platform-Infra-spelling.json"));

        // When
        Diagnosis diagnosis = diagnose(selfManaged(GROUP), at("2026-01-10T00:00:00Z"));

        // Then
        Check access = diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow();
        assertThat(access.status()).isEqualTo(CheckStatus.WARN);
        assertThat(access.message()).contains("spells the group 'platform/Infra' (configured: 'platform/infra')");
    }

    @Test
    public void shouldWarnWhenTheTokenSeesNoProjectOfTheGroup() throws Exception {
        // Given a group without any project visible to the token
        healthyGitLab();
        gitlab.onJson("GET " + API + "/groups/" + ENCODED_GROUP + "/projects", 200, "[]");

        // When
        Diagnosis diagnosis = diagnose(selfManaged(GROUP), at("2026-01-10T00:00:00Z"));

        // Then
        Check access = diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow();
        assertThat(access.status()).isEqualTo(CheckStatus.WARN);
        assertThat(access.message()).contains("exists, but the token sees none of its projects");
        assertThat(access.fix()).contains("Reporter role");
    }

    @Test
    public void shouldReportARateLimitWithoutRetrying() throws Exception {
        // Given a GitLab answering 429 with RateLimit headers
        gitlab.on("GET " + API + "/version", 429, Map.of("Content-Type", "text/plain", "RateLimit-Limit", "600",
                "RateLimit-Remaining", "0", "RateLimit-Reset", "1512454441", "Retry-After", "60"),
                "Retry later\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // When
        Diagnosis diagnosis = diagnose(selfManaged(GROUP), at("2026-01-10T00:00:00Z"));

        // Then
        Check rateLimit = diagnosis.check(CheckId.RATE_LIMIT).orElseThrow();
        assertThat(rateLimit.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(rateLimit.message()).contains("0 of 600 requests left").contains("2017-12-05 06:14 UTC");
        assertThat(rateLimit.fix()).contains("does not retry");
        assertThat(gitlab.requests()).hasSize(1);
    }

    @Test
    public void shouldListProjectsOfTheGroup() throws Exception {
        // Given a group with three projects
        healthyGitLab();
        GitLabClient client = new GitLabClient(FAST, at("2026-01-10T00:00:00Z"));

        // When
        List<RepositorySummary> all = client.listRepositories(selfManaged(GROUP), token(), "", 10);
        List<RepositorySummary> agents = client.listRepositories(selfManaged(GROUP), token(), "AGENT", 10);

        // Then
        assertThat(all).extracting(RepositorySummary::fullName).containsExactly(
                "platform/infra/terraform-modules", "platform/infra/jenkins-agents", "platform/infra/docs");
        assertThat(all).extracting(RepositorySummary::privateRepository).containsExactly(true, true, false);
        assertThat(agents).singleElement().satisfies(project -> {
            assertThat(project.httpsCloneUrl()).isEqualTo("https://gitlab.example.com/platform/infra/jenkins-agents.git");
            assertThat(project.defaultBranch()).isEqualTo("develop");
        });
        assertThat(gitlab.requests()).extracting(LoopbackServer.Request::pathAndQuery)
                .anyMatch(path -> path.contains("search=AGENT"));
    }

    @Test
    public void shouldExplainAFailedListing() throws Exception {
        // Given an unknown group
        gitlab.on("GET " + API + "/groups/" + ENCODED_GROUP + "/projects", 404,
                Map.of("Content-Type", "application/json"), Files.readAllBytes(resource("groups.404.json")));

        // When / Then
        assertThatThrownBy(() -> new GitLabClient(FAST, at("2026-01-10T00:00:00Z"))
                .listRepositories(selfManaged(GROUP), token(), "", 10))
                .isInstanceOf(HostClientException.class)
                .hasMessage("GitLab has no group 'platform/infra' that this token can see (HTTP 404).")
                .hasNoCause();
    }

    @Test(timeout = 30_000)
    public void shouldFailWithinTheBudgetWhenTheServerNeverAnswers() {
        // Given a GitLab that accepts connections and never answers, and a budget of one second
        gitlab.never("GET " + API + "/version");
        GitLabClient client = new GitLabClient(HttpSettings.DEFAULT.withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(1)), at("2026-01-10T00:00:00Z"));

        // When
        Diagnosis diagnosis = client.diagnose(selfManaged(GROUP), token());

        // Then
        Check reachability = diagnosis.check(CheckId.REACHABILITY).orElseThrow();
        assertThat(reachability.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(reachability.message()).contains("did not answer within 1 s");
        assertThat(diagnosis.check(CheckId.RATE_LIMIT).orElseThrow().status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    public void shouldNotSendTheTokenAlongARedirectToAnotherHost() throws Exception {
        // Given a GitLab that redirects the API to another origin
        elsewhere.onFixture("GET " + API + "/version", resource("version.json"));
        gitlab.on("GET " + API + "/version", 302, Map.of("Location", elsewhere.baseUrl() + API + "/version"),
                new byte[0]);

        // When
        Diagnosis diagnosis = diagnose(selfManaged(GROUP), at("2026-01-10T00:00:00Z"));

        // Then
        Check reachability = diagnosis.check(CheckId.REACHABILITY).orElseThrow();
        assertThat(reachability.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(reachability.message()).contains("redirect (HTTP 3xx) to " + elsewhere.baseUrl())
                .contains("token was not sent there");
        assertThat(elsewhere.requests()).noneMatch(request -> request.header("PRIVATE-TOKEN").isPresent());
        assertThat(elsewhere.requests()).isEmpty();
    }

    @Test
    public void shouldNotSendTheTokenAlongARedirectOfALaterLibraryCall() throws Exception {
        // Given a GitLab whose version answers directly but whose user API redirects to another origin
        healthyGitLab();
        gitlab.on("GET " + API + "/user", 302, Map.of("Location", elsewhere.baseUrl() + API + "/user"), new byte[0]);
        elsewhere.onFixture("GET " + API + "/user", Fixtures.path("gitlab/api/user.gitlab4j.json"));

        // When
        Diagnosis diagnosis = diagnose(selfManaged(GROUP), at("2026-01-10T00:00:00Z"));

        // Then authentication fails and the other origin received nothing at all
        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow().status())
                .as(describe(diagnosis)).isEqualTo(CheckStatus.FAIL);
        assertThat(elsewhere.requests()).isEmpty();
        assertThat(describe(diagnosis)).doesNotContain(TOKEN);
    }

    @Test
    public void shouldExplainAnApiAddressGivenAsServerUrl() throws Exception {
        // Given a self-managed provider whose server URL already ends in /api/v4
        ProviderSpec provider = ProviderSpec.builder("gitlab", ProviderType.GITLAB_SELF_MANAGED)
                .serverUrl(gitlab.baseUrl() + API).credentialsId("gl-token").build();

        // When
        Diagnosis diagnosis = diagnose(provider, at("2026-01-10T00:00:00Z"));

        // Then
        Check reachability = diagnosis.check(CheckId.REACHABILITY).orElseThrow();
        assertThat(reachability.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(reachability.message()).contains("does not answer like a GitLab API").contains("HTTP 404");
        assertThat(reachability.fix()).contains("already ends in /api/v4");
    }

    @Test(timeout = 60_000)
    public void shouldNeverPutTheTokenIntoAnyText() throws Exception {
        // Given answers of every kind, some echoing the token back
        List<String> texts = new ArrayList<>();
        healthyGitLab();
        String echo = "{\"message\":\"403 Forbidden - token " + TOKEN + "\"}";
        gitlab.onJson("GET " + API + "/groups/other", 403, echo)
                .onJson("GET " + API + "/groups/other/projects", 403, echo);
        List<ProviderSpec> providers = List.of(selfManaged(GROUP), selfManaged("other"), selfManaged(null),
                selfManaged(null).toBuilder().apiUrl(gitlab.baseUrl() + "/" + TOKEN + API).build(),
                selfManaged(null).toBuilder().apiUrl("http://" + TOKEN + ".invalid" + API).build());
        for (ProviderSpec provider : providers) {
            Diagnosis diagnosis = diagnose(provider, at("2026-01-10T00:00:00Z"));
            for (Check check : diagnosis.checks()) {
                texts.add(check.message());
                check.fixValue().ifPresent(texts::add);
            }
            try {
                new GitLabClient(FAST, at("2026-01-10T00:00:00Z")).listRepositories(provider, token(), "", 5);
            } catch (HostClientException e) {
                texts.add(e.getMessage());
                texts.add(e.toString());
            }
        }

        // Then
        assertThat(texts).noneMatch(text -> text.contains(TOKEN));
        // Neither does the host's own message: diagnoses use fixed words
        assertThat(String.join("\n", texts)).contains("(HTTP 403)").doesNotContain("403 Forbidden - token");
    }

    private void healthyGitLab() throws IOException, URISyntaxException {
        gitlab.onFixture("GET " + API + "/version", resource("version.json"))
                .onFixture("GET " + API + "/user", Fixtures.path("gitlab/api/user.drone-go-scm.json"))
                .onFixture("GET " + API + "/personal_access_tokens/self",
                        Fixtures.path("gitlab/api/personal_access_tokens_self.go-gitlab.json"))
                .onFixture("GET " + API + "/groups/" + ENCODED_GROUP, resource("groups.platform-infra.json"))
                .on("GET " + API + "/groups/" + ENCODED_GROUP + "/projects", 200, ONE_PAGE,
                        Files.readAllBytes(resource("groups-projects.json")))
                .on("GET " + API + "/projects", 200, ONE_PAGE, Files.readAllBytes(resource("groups-projects.json")));
        // The raw rate-limit request reads /version's headers: serve them as GitLab.com does (recorded on /user).
        gitlab.on("GET " + API + "/version", 200, Map.of("Content-Type", "application/json",
                "RateLimit-Limit", "600", "RateLimit-Observed", "1", "RateLimit-Remaining", "599",
                "RateLimit-Reset", "1512454441"), Files.readAllBytes(resource("version.json")));
    }

    private Diagnosis diagnose(ProviderSpec provider, Clock clock) {
        return new GitLabClient(FAST, clock).diagnose(provider, token());
    }

    private static ApiCredential token() {
        return ApiCredential.token(TOKEN.toCharArray());
    }

    private ProviderSpec selfManaged(String group) {
        return ProviderSpec.builder("gitlab", ProviderType.GITLAB_SELF_MANAGED).serverUrl("https://gitlab.example.com")
                .apiUrl(gitlab.baseUrl() + API).scope(group).credentialsId("gl-token").build();
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Paths.get(GitLabClientTest.class.getResource(name).toURI());
    }

    private static String message(Diagnosis diagnosis, CheckId id) {
        return diagnosis.check(id).orElseThrow().message();
    }

    private static String describe(Diagnosis diagnosis) {
        StringBuilder text = new StringBuilder();
        diagnosis.checks().forEach(check -> text.append(check).append('\n'));
        return text.toString();
    }
}
