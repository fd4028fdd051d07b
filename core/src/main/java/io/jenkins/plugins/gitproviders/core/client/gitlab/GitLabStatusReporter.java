package io.jenkins.plugins.gitproviders.core.client.gitlab;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.StatusCalls;
import io.jenkins.plugins.gitproviders.core.client.StatusReporter;
import io.jenkins.plugins.gitproviders.core.client.http.ApiResponse;
import io.jenkins.plugins.gitproviders.core.client.http.RateLimit;
import io.jenkins.plugins.gitproviders.core.client.library.Budget;
import io.jenkins.plugins.gitproviders.core.client.library.Network;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.status.CommitStatus;
import io.jenkins.plugins.gitproviders.core.status.HostAnswer;
import io.jenkins.plugins.gitproviders.core.status.HostStates;
import io.jenkins.plugins.gitproviders.core.status.StatusDiagnosis;
import io.jenkins.plugins.gitproviders.core.status.StatusException;
import io.jenkins.plugins.gitproviders.core.status.StatusFailure;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.models.Constants.CommitBuildState;

/**
 * Reports build status to GitLab.com and GitLab self-managed through GitLab4J ({@code CommitsApi.addCommitStatus}):
 * {@code POST /api/v4/projects/{path}/statuses/{sha}} with {@code state}, {@code name} (the context),
 * {@code target_url}, {@code description} and, for a branch build, {@code ref}; no {@code pipeline_id}, so GitLab
 * keeps the status in an external pipeline of its own. A merge request from a fork reports to its source project,
 * where GitLab keeps the commit.
 *
 * <p>GitLab refuses a state the status is already in ("Cannot transition status via :run from :running", HTTP 400);
 * that happens when a retried request had reached GitLab after all, and counts as reported.
 */
public final class GitLabStatusReporter implements StatusReporter {
    private final HttpSettings settings;
    private final Clock clock;

    public GitLabStatusReporter(HttpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void report(ProviderSpec provider, ApiCredential credential, StatusTarget target, CommitStatus status)
            throws StatusException {
        String sha = target.fullCommit(provider.type());
        String secret = credential.secret();
        String apiUrl = provider.effectiveApiUrl().orElse("");
        if (!apiUrl.endsWith(GitLabApis.API_PATH) || hostOf(apiUrl) == null) {
            throw new StatusException(StatusDiagnosis.noAnswer(provider, target, StatusFailure.Kind.MISCONFIGURED,
                    "the API address '" + apiUrl + "' is not a GitLab API address ending in " + GitLabApis.API_PATH
                            + ".", "Check the provider's server URL (and API URL, if set)."));
        }
        List<String> project = target.sourceRepository().isEmpty() ? target.repository() : target.sourceRepository();
        org.gitlab4j.api.models.CommitStatus body = new org.gitlab4j.api.models.CommitStatus()
                .withName(Network.redact(status.context(), secret))
                .withTargetUrl(status.targetUrl())
                .withDescription(Network.redact(status.description(), secret))
                .withRef(target.ref());
        Budget budget = Budget.start(settings.totalBudget());
        SameOriginConnections connections = new SameOriginConnections(URI.create(apiUrl));
        GitLabApi api = GitLabApis.open(apiUrl, secret, settings, connections);
        try {
            int left = (int) Math.min(Integer.MAX_VALUE, budget.remainingOrThrow().toMillis());
            api.setRequestTimeout((int) Math.min(left, settings.connectTimeout().toMillis()), left);
            api.getCommitsApi().addCommitStatus(String.join("/", project), sha,
                    CommitBuildState.forValue(HostStates.of(provider.type(), status.state())), body);
        } catch (GitLabApiException e) {
            if (e.getHttpStatus() == 400 && String.valueOf(e.getMessage()).contains("Cannot transition status")) {
                return;
            }
            throw StatusCalls.redacted(failure(provider, target, e, connections), secret);
        } catch (IOException e) {
            throw StatusCalls.redacted(StatusCalls.unreachable(provider, target, e, "GitLab", settings), secret);
        } finally {
            api.close();
            connections.shutdown();
        }
    }

    private StatusFailure failure(ProviderSpec provider, StatusTarget target, GitLabApiException e,
            SameOriginConnections connections) {
        if (e.getHttpStatus() > 0) {
            Map<String, List<String>> headers = headers(e.getHeaders());
            return StatusDiagnosis.diagnose(provider, target, new HostAnswer(e.getHttpStatus(),
                    String.valueOf(e.getMessage()), "", headers,
                    retryAt(e.getHttpStatus(), headers, provider.effectiveApiUrl().orElse(""))));
        }
        if (connections.refusedOrigin().isPresent()) {
            return StatusDiagnosis.noAnswer(provider, target, StatusFailure.Kind.MISCONFIGURED, "GitLab redirected"
                    + " the request to " + connections.refusedOrigin().get() + "; the token was not sent there.",
                    "Use the address GitLab redirects to as the server URL if it is really your GitLab.");
        }
        return StatusCalls.unreachable(provider, target, e, "GitLab", settings);
    }

    @CheckForNull
    private static String hostOf(String url) {
        try {
            return new URI(url).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Map<String, List<String>> headers(@CheckForNull MultivaluedMap<String, String> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null && values != null) {
                    copy.put(name, List.copyOf(values));
                }
            });
        }
        return copy;
    }

    /** Reads when GitLab allows the next request ({@code Retry-After}, {@code RateLimit-Reset}). */
    @CheckForNull
    private Instant retryAt(int status, Map<String, List<String>> headers, String apiUrl) {
        ApiResponse response = new ApiResponse(status, headers, new byte[0], URI.create(apiUrl));
        return RateLimit.of(response, clock).map(RateLimit::reset).orElse(null);
    }

}
