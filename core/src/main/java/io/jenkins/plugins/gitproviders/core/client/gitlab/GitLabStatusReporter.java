package io.jenkins.plugins.gitproviders.core.client.gitlab;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.StatusReporter;
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
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLException;
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
            throw new StatusException(scrub(failure(provider, target, e, connections), secret));
        } catch (IOException e) {
            throw new StatusException(scrub(StatusDiagnosis.noAnswer(provider, target, StatusFailure.Kind.TIMEOUT,
                    "no time was left for the request.", "Check that GitLab answers quickly enough."), secret));
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
                    String.valueOf(e.getMessage()), "", headers, retryAt(headers)));
        }
        if (connections.refusedOrigin().isPresent()) {
            return StatusDiagnosis.noAnswer(provider, target, StatusFailure.Kind.MISCONFIGURED, "GitLab redirected"
                    + " the request to " + connections.refusedOrigin().get() + "; the token was not sent there.",
                    "Use the address GitLab redirects to as the server URL if it is really your GitLab.");
        }
        String[] described = Network.describeFailure(e, "GitLab", provider.effectiveApiUrl().orElse(""), settings,
                "");
        StatusFailure.Kind kind = Network.cause(e, SSLException.class) != null ? StatusFailure.Kind.MISCONFIGURED
                : Network.cause(e, SocketTimeoutException.class) != null
                        || Network.cause(e, HttpTimeoutException.class) != null
                        || Network.cause(e, Budget.BudgetExceededException.class) != null
                        ? StatusFailure.Kind.TIMEOUT : StatusFailure.Kind.UNREACHABLE;
        return StatusDiagnosis.noAnswer(provider, target, kind, described[0], described[1]);
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

    /** Reads GitLab's {@code Retry-After} (seconds) or {@code RateLimit-Reset} (epoch seconds). */
    @CheckForNull
    private Instant retryAt(Map<String, List<String>> headers) {
        HostAnswer view = new HostAnswer(0, "", "", headers, null);
        try {
            if (view.header("Retry-After").isPresent()) {
                return clock.instant().plusSeconds(Long.parseLong(view.header("Retry-After").get().strip()));
            }
            if (view.header("RateLimit-Reset").isPresent()) {
                return Instant.ofEpochSecond(Long.parseLong(view.header("RateLimit-Reset").get().strip()));
            }
        } catch (NumberFormatException e) {
            // An HTTP date or garbage: no reset time.
        }
        return null;
    }

    private static StatusFailure scrub(StatusFailure failure, String secret) {
        return new StatusFailure(failure.kind(), failure.httpStatus(), Network.redact(failure.message(), secret),
                Network.redact(failure.fix(), secret), failure.retryAt());
    }
}
