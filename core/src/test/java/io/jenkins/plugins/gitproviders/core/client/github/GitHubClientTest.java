package io.jenkins.plugins.gitproviders.core.client.github;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

/**
 * Runs the GitHub client against a real HTTP server on loopback serving recorded GitHub answers.
 */
public class GitHubClientTest {
    private static final String TOKEN = "ghp_S3cretT0kenValue0123456789abcdefXYZ";
    private static final String ORG = "hub4j-test-org";
    private static final HttpSettings FAST = HttpSettings.DEFAULT.withTimeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(8));

    @Rule
    public LoopbackServer github = new LoopbackServer();

    @Rule
    public LoopbackServer elsewhere = new LoopbackServer();

    @Test
    public void shouldPassEveryCheckForAClassicTokenWithAllScopes() throws Exception {
        // Given a classic token with repo, admin:repo_hook and admin:org, and an organization it sees
        github.onFixture("GET /user", fixture("user.200.classic-token.many-scopes.json"))
                .onFixture("GET /orgs/" + ORG, fixture("orgs.200.json"))
                .onFixture("GET /orgs/" + ORG + "/repos", resource("orgs-hub4j-test-org-repos.json"));

        // When
        Diagnosis diagnosis = diagnose(gitHubCom(ORG), at("2026-01-10T00:00:00Z"));

        // Then
        assertThat(diagnosis.overall()).as(describe(diagnosis)).isEqualTo(CheckStatus.PASS);
        assertThat(diagnosis.checks()).extracting(Check::id).containsExactly(CheckId.values());
        assertThat(diagnosis.owner()).contains("bitwiseman");
        assertThat(message(diagnosis, CheckId.AUTHENTICATION)).contains("bitwiseman (Liam Newman)");
        assertThat(message(diagnosis, CheckId.SCOPES)).contains("every scope").contains("admin:org");
        assertThat(message(diagnosis, CheckId.EXPIRY)).contains("no expiry date");
        assertThat(message(diagnosis, CheckId.SCOPE_ACCESS)).contains("organization " + ORG + " exists")
                .contains("sees 3 of its repositories");
        assertThat(message(diagnosis, CheckId.RATE_LIMIT)).contains("4957 of 5000").contains("2026-06-25");
        assertThat(github.requests().get(0).header("Authorization")).contains("token " + TOKEN);
    }

    @Test
    public void shouldReportTheEnterpriseServerVersion() throws Exception {
        // Given a GitHub Enterprise Server that names its version in a header
        Map<String, String> headers = new LinkedHashMap<>(headersOf("user.200.classic-token.many-scopes.headers"));
        headers.put("X-GitHub-Enterprise-Version", "3.14.2");
        github.on("GET /user", 200, headers, Fixtures.bytes("github/api/user.200.classic-token.many-scopes.json"))
                .onFixture("GET /user/repos", resource("orgs-hub4j-test-org-repos.json"));

        // When
        Diagnosis diagnosis = diagnose(enterprise(null), at("2026-01-10T00:00:00Z"));

        // Then
        assertThat(diagnosis.check(CheckId.REACHABILITY).orElseThrow().status()).isEqualTo(CheckStatus.PASS);
        assertThat(message(diagnosis, CheckId.REACHABILITY)).contains("GitHub Enterprise Server 3.14.2 answered");
        assertThat(message(diagnosis, CheckId.SCOPE_ACCESS)).contains("No organization is set")
                .contains("sees 3");
        assertThat(message(diagnosis, CheckId.EXPIRY)).isEqualTo("Unknown: GitHub does not report it for this kind of token.");
    }

    @Test
    public void shouldFailAuthenticationWithBadCredentials() throws Exception {
        // Given a rejected token
        github.onFixture("GET /user", fixture("user.401.bad-credentials.json"));

        // When
        Diagnosis diagnosis = diagnose(gitHubCom(ORG), at("2026-01-10T00:00:00Z"));

        // Then
        Check authentication = diagnosis.check(CheckId.AUTHENTICATION).orElseThrow();
        assertThat(authentication.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(authentication.message()).contains("Bad credentials").contains("401");
        assertThat(authentication.fix()).contains("https://github.com/settings/tokens")
                .contains("(classic token scopes: repo)").contains("'gh-token'");
        assertThat(diagnosis.check(CheckId.REACHABILITY).orElseThrow().status()).isEqualTo(CheckStatus.PASS);
        assertThat(diagnosis.check(CheckId.SCOPES).orElseThrow().status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(diagnosis.failed()).isTrue();
        assertThat(diagnosis.owner()).isEmpty();
    }

    @Test
    public void shouldFailWhenTheTokenHasExpired() throws Exception {
        // Given a token whose expiration header lies before the clock
        github.onFixture("GET /user", fixture("user.200.classic-token.repo-scope.json"))
                .onFixture("GET /user/repos", resource("orgs-hub4j-test-org-repos.json"));

        // When
        Diagnosis diagnosis = diagnose(gitHubCom(null), at("2026-03-01T00:00:00Z"));

        // Then
        Check expiry = diagnosis.check(CheckId.EXPIRY).orElseThrow();
        assertThat(expiry.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(expiry.message()).contains("expired on 2026-02-19");
        assertThat(diagnosis.expiry()).contains(Instant.parse("2026-02-19T19:55:13Z"));
    }

    @Test
    public void shouldWarnWhenTheTokenExpiresWithinTwoWeeks() throws Exception {
        // Given a token expiring on 2025-09-04 and a clock nine days earlier
        github.onFixture("GET /user", fixture("user.200.classic-token.expiring.json"))
                .onFixture("GET /user/repos", resource("orgs-hub4j-test-org-repos.json"));

        // When
        Diagnosis diagnosis = diagnose(gitHubCom(null), at("2025-08-26T00:00:00Z"));

        // Then
        Check expiry = diagnosis.check(CheckId.EXPIRY).orElseThrow();
        assertThat(expiry.status()).isEqualTo(CheckStatus.WARN);
        assertThat(expiry.message()).contains("2025-09-04").contains("9 days left");
        assertThat(diagnosis.check(CheckId.SCOPES).orElseThrow().status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    public void shouldPassAClassicTokenWithOnlyTheRepoScope() throws Exception {
        // Given a classic token with only the repo scope: all the plugin needs
        github.onFixture("GET /user", fixture("user.200.classic-token.repo-scope.json"))
                .onFixture("GET /user/repos", resource("orgs-hub4j-test-org-repos.json"));

        // When
        Diagnosis diagnosis = diagnose(gitHubCom(null), at("2026-01-10T00:00:00Z"));

        // Then
        Check scopes = diagnosis.check(CheckId.SCOPES).orElseThrow();
        assertThat(scopes.status()).isEqualTo(CheckStatus.PASS);
        assertThat(scopes.message()).contains("every scope the plugin needs (repo)").contains("granted: repo");
    }

    @Test
    public void shouldFailWhenTheRepoScopeIsMissing() throws Exception {
        // Given a classic token that can manage hooks and read organizations, but not repositories
        Map<String, String> headers = new LinkedHashMap<>(headersOf("user.200.classic-token.many-scopes.headers"));
        headers.put("X-OAuth-Scopes", "admin:repo_hook, write:org");
        github.on("GET /user", 200, headers, Fixtures.bytes("github/api/user.200.classic-token.many-scopes.json"))
                .onFixture("GET /user/repos", resource("orgs-hub4j-test-org-repos.json"));

        // When
        Diagnosis diagnosis = diagnose(gitHubCom(null), at("2026-01-10T00:00:00Z"));

        // Then write:org counts as read:org, and only repo is named
        Check scopes = diagnosis.check(CheckId.SCOPES).orElseThrow();
        assertThat(scopes.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(scopes.message()).contains("lacks the scope repo (granted: admin:repo_hook, write:org)");
    }

    @Test
    public void shouldAskAFineGrainedTokenForCommitStatusesOnlyWhenTheProviderReportsStatus() throws Exception {
        // Given a fine-grained token
        github.onFixture("GET /user", fixture("user.200.fine-grained-pat.json"))
                .onFixture("GET /orgs/" + ORG, fixture("orgs.200.fine-grained-token.json"))
                .onFixture("GET /orgs/" + ORG + "/repos", resource("orgs-hub4j-test-org-repos.json"));

        // When the provider reports build status, and when it does not
        Diagnosis reporting = diagnose(gitHubCom(ORG), at("2024-06-10T00:00:00Z"));
        Diagnosis silent = diagnose(gitHubCom(ORG).toBuilder().statusReporting(false).build(),
                at("2024-06-10T00:00:00Z"));

        // Then
        assertThat(reporting.check(CheckId.SCOPES).orElseThrow().fix()).contains("Commit statuses (read and write)");
        assertThat(silent.check(CheckId.SCOPES).orElseThrow().fix()).doesNotContain("Commit statuses")
                .contains("Contents (read) and Metadata (read); it needs no other");
    }

    @Test
    public void shouldSayWhatCannotBeKnownOfAFineGrainedToken() throws Exception {
        // Given a fine-grained token (no X-OAuth-Scopes) expiring on 2024-06-17
        github.onFixture("GET /user", fixture("user.200.fine-grained-pat.json"))
                .onFixture("GET /orgs/" + ORG, fixture("orgs.200.fine-grained-token.json"))
                .onFixture("GET /orgs/" + ORG + "/repos", resource("orgs-hub4j-test-org-repos.json"));

        // When
        Diagnosis diagnosis = diagnose(gitHubCom(ORG), at("2024-06-10T00:00:00Z"));

        // Then
        Check scopes = diagnosis.check(CheckId.SCOPES).orElseThrow();
        assertThat(scopes.status()).isEqualTo(CheckStatus.WARN);
        assertThat(scopes.message()).contains("fine-grained").contains("cannot be checked")
                .contains("allows_permissionless_access=true");
        assertThat(scopes.fix()).contains("resource owner is " + ORG)
                .contains("Contents (read) and Metadata (read)").contains("it needs no other").doesNotContain("Webhooks");
        assertThat(diagnosis.check(CheckId.EXPIRY).orElseThrow().status()).isEqualTo(CheckStatus.WARN);
        assertThat(diagnosis.expiry()).contains(Instant.parse("2024-06-17T09:06:09Z"));
        assertThat(diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow().status()).isEqualTo(CheckStatus.PASS);
        assertThat(diagnosis.owner()).contains("fv316");
    }

    @Test
    public void shouldFailForAnUnknownOrganization() throws Exception {
        // Given an organization name GitHub knows neither as organization nor as user
        github.onFixture("GET /user", fixture("user.200.classic-token.many-scopes.json"))
                .onFixture("GET /orgs/hub4j-test-org-missing", fixture("orgs.404.not-found.json"));
        github.on("GET /users/hub4j-test-org-missing", 404, Map.of("Content-Type", "application/json"),
                Fixtures.bytes("github/api/error.404.drone-go-scm.json"));

        // When
        Diagnosis diagnosis = diagnose(gitHubCom("hub4j-test-org-missing"), at("2026-01-10T00:00:00Z"));

        // Then
        Check access = diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow();
        assertThat(access.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(access.message()).isEqualTo("GitHub has no organization or user named 'hub4j-test-org-missing'"
                + " (HTTP 404).");
        assertThat(access.fix()).contains("https://github.com/<organization>");
    }

    @Test
    public void shouldReportTheHostsSpellingOfTheOrganization() throws Exception {
        // Given an organization configured with other capitals than GitHub's
        github.onFixture("GET /user", fixture("user.200.classic-token.many-scopes.json"))
                .onFixture("GET /orgs/Hub4j-Test-Org", fixture("orgs.200.json"))
                .onFixture("GET /orgs/" + ORG + "/repos", resource("orgs-hub4j-test-org-repos.json"));

        // When
        Diagnosis diagnosis = diagnose(gitHubCom("Hub4j-Test-Org"), at("2026-01-10T00:00:00Z"));

        // Then
        Check access = diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow();
        assertThat(access.status()).isEqualTo(CheckStatus.WARN);
        assertThat(access.message()).contains("spells the organization 'hub4j-test-org' (configured:"
                + " 'Hub4j-Test-Org')");
        assertThat(access.fix()).contains("'hub4j-test-org'");
    }

    @Test
    public void shouldWarnWhenTheTokenSeesNoRepositoryOfTheOrganization() throws Exception {
        // Given an organization that exists but shows the token no repository
        github.onFixture("GET /user", fixture("user.200.classic-token.many-scopes.json"))
                .onFixture("GET /orgs/" + ORG, fixture("orgs.200.json"))
                .onJson("GET /orgs/" + ORG + "/repos", 200, "[]");

        // When
        Diagnosis diagnosis = diagnose(gitHubCom(ORG), at("2026-01-10T00:00:00Z"));

        // Then
        Check access = diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow();
        assertThat(access.status()).isEqualTo(CheckStatus.WARN);
        assertThat(access.message()).contains("exists, but the token sees none of its repositories");
        assertThat(access.fix()).contains("member of " + ORG);
    }

    @Test
    public void shouldAcceptAUserAccountAsScope() throws Exception {
        // Given a scope that is a user, not an organization
        github.onFixture("GET /user", fixture("user.200.classic-token.many-scopes.json"))
                .onFixture("GET /orgs/bitwiseman", fixture("orgs.404.not-found.json"))
                .onJson("GET /users/bitwiseman", 200, new String(
                        Fixtures.bytes("github/api/user.200.classic-token.many-scopes.json"), StandardCharsets.UTF_8))
                .onFixture("GET /users/bitwiseman/repos", resource("orgs-hub4j-test-org-repos.json"));

        // When
        Diagnosis diagnosis = diagnose(gitHubCom("bitwiseman"), at("2026-01-10T00:00:00Z"));

        // Then
        Check access = diagnosis.check(CheckId.SCOPE_ACCESS).orElseThrow();
        assertThat(access.status()).as(access.toString()).isEqualTo(CheckStatus.PASS);
        assertThat(access.message()).contains("user account bitwiseman exists").contains("sees 3");
    }

    @Test
    public void shouldReportAnExhaustedRateLimitWithoutRetrying() throws Exception {
        // Given a host answering 403 with X-RateLimit-Remaining: 0 (the recording's reset is a template, unreadable)
        github.onFixture("GET /user", fixture("repos.403.rate-limit-remaining-0.json"));

        // When
        Diagnosis diagnosis = diagnose(gitHubCom(ORG), at("2026-01-10T00:00:00Z"));

        // Then
        Check rateLimit = diagnosis.check(CheckId.RATE_LIMIT).orElseThrow();
        assertThat(rateLimit.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(rateLimit.message()).contains("rate limit is exhausted: 0 of 5000").contains("unreported time");
        assertThat(rateLimit.fix()).contains("does not retry");
        assertThat(diagnosis.check(CheckId.AUTHENTICATION).orElseThrow().status()).isEqualTo(CheckStatus.WARN);
        assertThat(github.requests()).hasSize(1);
    }

    @Test
    public void shouldTellWhenAnExhaustedRateLimitResets() throws Exception {
        // Given a 403 with a readable reset time
        github.on("GET /user", 403, Map.of("Content-Type", "application/json", "X-RateLimit-Limit", "5000",
                "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1770762770"),
                Fixtures.bytes("github/api/repos.403.rate-limit-remaining-0.json"));

        // When
        Diagnosis diagnosis = diagnose(gitHubCom(ORG), at("2026-02-10T22:00:00Z"));

        // Then
        assertThat(message(diagnosis, CheckId.RATE_LIMIT)).contains("resets at 2026-02-10 22:32 UTC");
        assertThat(github.requests()).hasSize(1);
    }

    @Test
    public void shouldSayRateLimitingIsDisabledOnAnEnterpriseServer() throws Exception {
        // Given an Enterprise Server sending no rate-limit headers and answering /rate_limit with 404
        github.on("GET /user", 200, Map.of("Content-Type", "application/json", "X-OAuth-Scopes",
                "repo, admin:repo_hook, read:org", "X-GitHub-Enterprise-Version", "3.9.0"),
                Fixtures.bytes("github/api/user.200.classic-token.many-scopes.json"))
                .onFixture("GET /user/repos", resource("orgs-hub4j-test-org-repos.json"))
                .onFixture("GET /rate_limit", fixture("rate_limit.404.ghes-rate-limiting-disabled.json"));

        // When
        Diagnosis diagnosis = diagnose(enterprise(null), at("2026-01-10T00:00:00Z"));

        // Then
        Check rateLimit = diagnosis.check(CheckId.RATE_LIMIT).orElseThrow();
        assertThat(rateLimit.status()).isEqualTo(CheckStatus.PASS);
        assertThat(rateLimit.message()).contains("Rate limiting is disabled");
        assertThat(diagnosis.overall()).as(describe(diagnosis)).isEqualTo(CheckStatus.PASS);
    }

    @Test(timeout = 30_000)
    public void shouldFailWithinTheBudgetWhenTheServerNeverAnswers() {
        // Given a server that accepts the connection and never answers, and a budget of one second
        github.never("GET /user");
        GitHubClient client = new GitHubClient(HttpSettings.DEFAULT.withTimeouts(Duration.ofSeconds(1),
                Duration.ofSeconds(1)), at("2026-01-10T00:00:00Z"));

        // When
        Diagnosis diagnosis = client.diagnose(gitHubCom(ORG), ApiCredential.token(TOKEN.toCharArray()));

        // Then
        Check reachability = diagnosis.check(CheckId.REACHABILITY).orElseThrow();
        assertThat(reachability.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(reachability.message()).contains("did not answer within 1 s");
        assertThat(reachability.fix()).contains("proxy");
        assertThat(diagnosis.check(CheckId.RATE_LIMIT).orElseThrow().status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    public void shouldNotSendTheTokenAlongARedirectToAnotherHost() throws Exception {
        // Given an API that redirects /user to another origin serving a valid answer
        elsewhere.onFixture("GET /user", fixture("user.200.classic-token.many-scopes.json"));
        github.on("GET /user", 302, Map.of("Location", elsewhere.baseUrl() + "/user"), new byte[0]);

        // When
        Diagnosis diagnosis = diagnose(gitHubCom(ORG), at("2026-01-10T00:00:00Z"));

        // Then
        Check reachability = diagnosis.check(CheckId.REACHABILITY).orElseThrow();
        assertThat(reachability.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(reachability.message()).contains("redirect (HTTP 3xx) to another site, " + elsewhere.baseUrl())
                .contains("token was not sent there");
        assertThat(elsewhere.requests()).isEmpty();
        assertThat(github.requests()).hasSize(1);
    }

    @Test
    public void shouldFollowARedirectWithinTheSameOrigin() throws Exception {
        // Given an API that moved /user to another path on the same server
        github.on("GET /user", 301, Map.of("Location", "/moved/user"), new byte[0])
                .onFixture("GET /moved/user", fixture("user.200.classic-token.many-scopes.json"))
                .onFixture("GET /user/repos", resource("orgs-hub4j-test-org-repos.json"));

        // When
        Diagnosis diagnosis = diagnose(gitHubCom(null), at("2026-01-10T00:00:00Z"));

        // Then
        assertThat(diagnosis.owner()).contains("bitwiseman");
        assertThat(github.requests().get(1).pathAndQuery()).isEqualTo("/moved/user");
        assertThat(github.requests().get(1).header("Authorization")).contains("token " + TOKEN);
    }

    @Test
    public void shouldExplainAnApiAddressGivenAsServerUrl() throws Exception {
        // Given an Enterprise provider whose server URL already ends in /api/v3
        ProviderSpec provider = ProviderSpec.builder("ghe", ProviderType.GITHUB_ENTERPRISE)
                .serverUrl(github.baseUrl() + "/api/v3").credentialsId("gh-token").build();

        // When
        Diagnosis diagnosis = diagnose(provider, at("2026-01-10T00:00:00Z"));

        // Then
        Check reachability = diagnosis.check(CheckId.REACHABILITY).orElseThrow();
        assertThat(reachability.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(reachability.message()).contains("does not answer like a GitHub API").contains("HTTP 404");
        assertThat(reachability.fix()).contains("already ends in /api/v3");
        assertThat(github.requests().get(0).pathAndQuery()).isEqualTo("/api/v3/api/v3/user");
    }

    @Test
    public void shouldFailReachabilityWhenNothingListens() throws Exception {
        // Given an address where no server listens
        String closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }
        ProviderSpec provider = gitHubCom(null).toBuilder().apiUrl(closed).build();

        // When
        Diagnosis diagnosis = diagnose(provider, at("2026-01-10T00:00:00Z"));

        // Then
        Check reachability = diagnosis.check(CheckId.REACHABILITY).orElseThrow();
        assertThat(reachability.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(reachability.message()).contains("Cannot connect to 127.0.0.1");
    }

    @Test
    public void shouldListRepositoriesMatchingTheQuery() throws Exception {
        // Given an organization with three repositories
        github.onFixture("GET /orgs/" + ORG, fixture("orgs.200.json"))
                .onFixture("GET /orgs/" + ORG + "/repos", resource("orgs-hub4j-test-org-repos.json"));
        GitHubClient client = new GitHubClient(FAST, at("2026-01-10T00:00:00Z"));

        // When
        List<RepositorySummary> all = client.listRepositories(gitHubCom(ORG), token(), "", 10);
        List<RepositorySummary> matching = client.listRepositories(gitHubCom(ORG), token(), "PIPE", 10);
        List<RepositorySummary> limited = client.listRepositories(gitHubCom(ORG), token(), "", 2);

        // Then
        assertThat(all).extracting(RepositorySummary::fullName).containsExactly("hub4j-test-org/github-api",
                "hub4j-test-org/jenkins-pipeline", "hub4j-test-org/website");
        assertThat(matching).singleElement().satisfies(repository -> {
            assertThat(repository.httpsCloneUrl()).isEqualTo("https://github.com/hub4j-test-org/jenkins-pipeline.git");
            assertThat(repository.sshCloneUrl()).isEqualTo("git@github.com:hub4j-test-org/jenkins-pipeline.git");
            assertThat(repository.defaultBranch()).isEqualTo("develop");
            assertThat(repository.privateRepository()).isTrue();
        });
        assertThat(limited).hasSize(2);
    }

    @Test
    public void shouldNotFollowANextPageLinkToAnotherOriginWithTheToken() throws Exception {
        // Given a first page whose next-page link points at another server, which would serve a page too
        byte[] page = Files.readAllBytes(resource("orgs-hub4j-test-org-repos.json"));
        String next = elsewhere.baseUrl() + "/orgs/" + ORG + "/repos?page=2";
        github.onFixture("GET /orgs/" + ORG, fixture("orgs.200.json"))
                .on("GET /orgs/" + ORG + "/repos", 200, Map.of("Content-Type", "application/json",
                        "Link", "<" + next + ">; rel=\"next\""), page);
        elsewhere.on("GET /orgs/" + ORG + "/repos", 200, Map.of("Content-Type", "application/json"), page);
        GitHubClient client = new GitHubClient(FAST, at("2026-01-10T00:00:00Z"));

        // When / Then
        assertThatThrownBy(() -> client.listRepositories(gitHubCom(ORG), token(), "", 50))
                .isInstanceOf(HostClientException.class)
                .hasMessageContaining("next page of the listing to " + elsewhere.baseUrl())
                .hasMessageContaining("the token was not sent there");
        assertThat(elsewhere.requests()).isEmpty();
        assertThat(github.requests()).allSatisfy(request ->
                assertThat(request.header("Authorization")).hasValue("token " + TOKEN));
    }

    @Test
    public void shouldExplainAFailedListing() throws Exception {
        // Given a rejected token
        github.onFixture("GET /orgs/" + ORG, fixture("user.401.bad-credentials.json"));
        GitHubClient client = new GitHubClient(FAST, at("2026-01-10T00:00:00Z"));

        // When / Then
        assertThatThrownBy(() -> client.listRepositories(gitHubCom(ORG), token(), "", 10))
                .isInstanceOf(HostClientException.class)
                .hasMessageContaining("Bad credentials")
                .hasNoCause();
    }

    @Test(timeout = 60_000)
    public void shouldNeverPutTheTokenIntoAnyText() throws Exception {
        // Given every kind of answer, with the token also echoed back in the host's error messages
        List<String> texts = new ArrayList<>();
        String echo = "{\"message\":\"Bad token " + TOKEN + "\"}";
        github.onFixture("GET /user", fixture("user.200.classic-token.repo-scope.json"))
                .onJson("GET /orgs/" + ORG, 403, echo)
                .onJson("GET /orgs/missing-" + ORG, 404, echo)
                .onJson("GET /users/missing-" + ORG, 404, echo)
                .onFixture("GET /user/repos", resource("orgs-hub4j-test-org-repos.json"));
        List<ProviderSpec> providers = List.of(gitHubCom(ORG), gitHubCom("missing-" + ORG), gitHubCom(null),
                gitHubCom(null).toBuilder().apiUrl(github.baseUrl() + "/" + TOKEN).build(),
                gitHubCom(null).toBuilder().apiUrl("http://" + TOKEN + ".invalid").build());
        for (ProviderSpec provider : providers) {
            Diagnosis diagnosis = diagnose(provider, at("2026-01-10T00:00:00Z"));
            for (Check check : diagnosis.checks()) {
                texts.add(check.message());
                check.fixValue().ifPresent(texts::add);
            }
            texts.add(diagnosis.toString());
            try {
                new GitHubClient(FAST, at("2026-01-10T00:00:00Z")).listRepositories(provider, token(), "", 5);
            } catch (HostClientException e) {
                texts.add(e.getMessage());
                texts.add(e.toString());
            }
        }

        // Then the token appears nowhere, and neither does the host's own message: diagnoses use fixed words
        assertThat(texts).noneMatch(text -> text.contains(TOKEN));
        assertThat(String.join("\n", texts)).contains("(HTTP 403)").doesNotContain("Bad token");
    }

    private Diagnosis diagnose(ProviderSpec provider, Clock clock) {
        return new GitHubClient(FAST, clock).diagnose(provider, token());
    }

    private static ApiCredential token() {
        return ApiCredential.token(TOKEN.toCharArray());
    }

    private ProviderSpec gitHubCom(String scope) {
        return ProviderSpec.builder("github", ProviderType.GITHUB).apiUrl(github.baseUrl()).scope(scope)
                .credentialsId("gh-token").build();
    }

    private ProviderSpec enterprise(String scope) {
        return ProviderSpec.builder("ghe", ProviderType.GITHUB_ENTERPRISE).serverUrl("https://ghe.example.invalid")
                .apiUrl(github.baseUrl()).scope(scope).credentialsId("gh-token").build();
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static Path fixture(String name) {
        return Fixtures.path("github/api/" + name);
    }

    static Path resource(String name) throws URISyntaxException {
        return Paths.get(GitHubClientTest.class.getResource(name).toURI());
    }

    private static Map<String, String> headersOf(String name) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : Files.readAllLines(fixture(name), StandardCharsets.UTF_8)) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("Status")) {
                headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String message(Diagnosis diagnosis, CheckId id) {
        return diagnosis.check(id).orElseThrow().message();
    }

    static String describe(Diagnosis diagnosis) {
        StringBuilder text = new StringBuilder();
        diagnosis.checks().forEach(check -> text.append(check).append('\n'));
        return text.toString();
    }
}
