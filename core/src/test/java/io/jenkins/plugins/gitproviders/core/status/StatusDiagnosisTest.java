package io.jenkins.plugins.gitproviders.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.model.TokenScope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Diagnoses each host's refusals by status code; the host messages are those the hosts document or send (recorded
 * ones are tested through the reporters).
 */
public class StatusDiagnosisTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    public void shouldNameTheMissingClassicScopeOfAGitHubToken() {
        // Given a classic token without repo or repo:status, refused with 404 as GitHub does for private repositories
        HostAnswer answer = answer(404, "Not Found", Map.of("X-OAuth-Scopes", "read:org, admin:repo_hook"));

        // When
        StatusFailure failure = diagnose(ProviderType.GITHUB, answer);

        // Then
        assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.MISSING_PERMISSION);
        assertThat(failure.message()).contains("the token lacks `repo:status`")
                .contains("granted: read:org, admin:repo_hook");
        assertThat(failure.fix()).isEqualTo("Add repo:status (or repo) to the token at https://github.com/settings/"
                + "tokens, or use a fine-grained token with Commit statuses: write on this repository.");
    }

    @Test
    public void shouldTellAGitHubTokenWithTheScopeThatItsAccountNeedsPushAccess() {
        StatusFailure failure = diagnose(ProviderType.GITHUB_ENTERPRISE,
                answer(403, "Must have push access to repository", Map.of("X-OAuth-Scopes", "repo:status")));

        assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.MISSING_PERMISSION);
        assertThat(failure.message()).contains("GitHub Enterprise Server refused the build status for owner/repo@"
                + SHA.substring(0, 12) + " (HTTP 403: Must have push access to repository)");
        assertThat(failure.fix()).contains("write (push) access to owner/repo").contains("SAML");
    }

    @Test
    public void shouldTellAFineGrainedGitHubTokenWhichPermissionItLacks() {
        StatusFailure failure = diagnose(ProviderType.GITHUB,
                answer(403, "Resource not accessible by personal access token",
                        Map.of("X-Accepted-GitHub-Permissions", "statuses=write")));

        assertThat(failure.message()).contains("lacks Commit statuses: write on owner/repo (GitHub asked for:"
                + " statuses=write)");
        assertThat(failure.fix()).contains("Commit statuses: Read and write");
    }

    @Test
    public void shouldTellGitLabsMissingScopeFromItsMissingRole() {
        StatusFailure scope = diagnose(ProviderType.GITLAB, answer(403, "insufficient_scope", Map.of()));
        StatusFailure role = diagnose(ProviderType.GITLAB_SELF_MANAGED, answer(403, "403 Forbidden", Map.of()));

        assertThat(scope.message()).endsWith("the token lacks the api scope.");
        assertThat(scope.fix()).contains("api scope");
        assertThat(role.fix()).contains("at least the Developer role in owner/repo");
    }

    @Test
    public void shouldNameGiteasMissingScope() {
        StatusFailure failure = diagnose(ProviderType.GITEA, answer(403,
                "token does not have at least one of required scope(s): [write:repository]", Map.of()));

        assertThat(failure.message()).endsWith("the token lacks write:repository.");
        assertThat(failure.fix()).contains("Gitea cannot change the scopes of an existing token")
                .contains("'status-token'");
    }

    @Test
    public void shouldTellBitbucketCloudThatReadAccessIsEnoughAndWhoMayOverwrite() {
        StatusFailure failure = diagnose(ProviderType.BITBUCKET_CLOUD, answer(403, "Forbidden", Map.of()));

        assertThat(failure.fix()).contains("read:repository:bitbucket").contains("only by the account that created"
                + " it");
    }

    @Test
    public void shouldReadBitbucketDataCentersAuthorisationExceptionAsAMissingPermission() {
        HostAnswer answer = new HostAnswer(401, "You are not permitted to access this resource",
                "com.atlassian.bitbucket.AuthorisationException", Map.of(), null);

        StatusFailure failure = StatusDiagnosis.diagnose(provider(ProviderType.BITBUCKET_DATA_CENTER), target(),
                answer);

        assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.MISSING_PERMISSION);
        assertThat(failure.message()).contains("lacks Repository read (REPO_READ) on owner/repo");
    }

    @Test
    public void shouldReportARejectedTokenWithTheScopesToGiveTheNewOne() {
        for (ProviderType type : ProviderType.values()) {
            StatusFailure failure = diagnose(type, answer(401, "Unauthorized", Map.of()));
            assertThat(failure.kind()).as(type.name()).isEqualTo(StatusFailure.Kind.UNAUTHORIZED);
            assertThat(failure.message()).as(type.name()).contains("rejected the token");
            for (TokenScope scope : type.statusTokenScopes()) {
                assertThat(failure.fix()).as(type.name()).contains(scope.name());
            }
        }
        assertThat(diagnose(ProviderType.AZURE_DEVOPS, answer(401, "", Map.of())).message())
                .contains("created for another organization");
    }

    @Test
    public void shouldTreatAzureDevOpsSignInPageAsARejectedToken() {
        assertThat(diagnose(ProviderType.AZURE_DEVOPS, answer(203, "", Map.of())).kind())
                .isEqualTo(StatusFailure.Kind.UNAUTHORIZED);
    }

    @Test
    public void shouldPointAMissingGitLabCommitToTheForksSourceProject() {
        StatusFailure failure = diagnose(ProviderType.GITLAB, answer(404, "404 References for commit Not Found",
                Map.of()));

        assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.NOT_FOUND);
        assertThat(failure.message()).contains("does not know commit " + SHA + " in owner/repo");
        assertThat(failure.fix()).contains("merge request from a fork");
    }

    @Test
    public void shouldSayAnUnknownRepositoryMayBeHiddenFromTheToken() {
        StatusFailure github = diagnose(ProviderType.GITHUB, answer(404, "Not Found", Map.of()));
        StatusFailure gitlab = diagnose(ProviderType.GITLAB, answer(404, "404 Project Not Found", Map.of()));

        assertThat(github.kind()).isEqualTo(StatusFailure.Kind.NOT_FOUND);
        assertThat(github.message()).contains("has no repository owner/repo that the token can see");
        assertThat(github.fix()).contains("cannot see a private repository");
        assertThat(gitlab.fix()).contains("not a member");
        assertThat(diagnose(ProviderType.GITHUB, answer(422, "No commit found for SHA: " + SHA, Map.of())).kind())
                .isEqualTo(StatusFailure.Kind.NOT_FOUND);
    }

    @Test
    public void shouldKeepTheResetOfARateLimitForTheRetry() {
        Instant reset = Instant.parse("2026-03-01T12:30:00Z");
        HostAnswer limited = new HostAnswer(403, "API rate limit exceeded", "",
                Map.of("X-RateLimit-Remaining", List.of("0")), reset);

        StatusFailure failure = StatusDiagnosis.diagnose(provider(ProviderType.GITHUB), target(), limited);
        StatusFailure tooMany = diagnose(ProviderType.GITLAB, answer(429, "Retry later", Map.of()));

        assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.RATE_LIMITED);
        assertThat(failure.retryAt()).isEqualTo(reset);
        assertThat(failure.message()).contains("next request is allowed at 2026-03-01 12:30:00 UTC");
        assertThat(tooMany.kind()).isEqualTo(StatusFailure.Kind.RATE_LIMITED);
    }

    @Test
    public void shouldRetryServerErrorsAndNotOtherRefusals() {
        assertThat(diagnose(ProviderType.GITEA, answer(502, "Bad Gateway", Map.of())).kind())
                .isEqualTo(StatusFailure.Kind.SERVER_ERROR);
        assertThat(diagnose(ProviderType.BITBUCKET_CLOUD, answer(400, "key: too long", Map.of())))
                .satisfies(failure -> {
                    assertThat(failure.kind()).isEqualTo(StatusFailure.Kind.REJECTED);
                    assertThat(failure.message()).contains("(HTTP 400: key: too long)");
                });
    }

    private static StatusFailure diagnose(ProviderType type, HostAnswer answer) {
        return StatusDiagnosis.diagnose(provider(type), target(), answer);
    }

    private static ProviderSpec provider(ProviderType type) {
        return ProviderSpec.builder("p", type).serverUrl(type.defaultServerUrl().orElse("https://host.example.com"))
                .credentialsId("status-token").build();
    }

    private static StatusTarget target() {
        return new StatusTarget(List.of("owner", "repo"), SHA, null, null, List.of());
    }

    private static HostAnswer answer(int status, String message, Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new HostAnswer(status, message, "", multi, null);
    }
}
