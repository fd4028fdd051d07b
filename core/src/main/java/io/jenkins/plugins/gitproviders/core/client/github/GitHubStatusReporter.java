package io.jenkins.plugins.gitproviders.core.client.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.Origin;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.StatusCalls;
import io.jenkins.plugins.gitproviders.core.client.StatusReporter;
import io.jenkins.plugins.gitproviders.core.client.github.JdkConnector.CrossOriginRedirectException;
import io.jenkins.plugins.gitproviders.core.client.github.JdkConnector.Exchange;
import io.jenkins.plugins.gitproviders.core.client.http.ApiResponse;
import io.jenkins.plugins.gitproviders.core.client.http.RateLimit;
import io.jenkins.plugins.gitproviders.core.client.library.Budget;
import io.jenkins.plugins.gitproviders.core.client.library.Network;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.status.BuildState;
import io.jenkins.plugins.gitproviders.core.status.CommitStatus;
import io.jenkins.plugins.gitproviders.core.status.HostAnswer;
import io.jenkins.plugins.gitproviders.core.status.HostStates;
import io.jenkins.plugins.gitproviders.core.status.StatusDiagnosis;
import io.jenkins.plugins.gitproviders.core.status.StatusException;
import io.jenkins.plugins.gitproviders.core.status.StatusFailure;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Reports build status to GitHub.com and GitHub Enterprise Server through GitHub API for Java, in one of two forms:
 * <ul>
 *   <li>commit statuses ({@code GHRepository.createCommitStatus}): {@code POST /repos/{owner}/{repo}/statuses/{sha}}
 *       with {@code state}, {@code target_url}, {@code description} and {@code context}; any token with
 *       {@code repo:status} or Commit statuses: write;</li>
 *   <li>check runs ({@code GHRepository.createCheckRun}), which GitHub accepts only from a GitHub App's installation
 *       token: {@code POST /repos/{owner}/{repo}/check-runs} with {@code name} (the context), {@code head_sha},
 *       {@code details_url}, {@code external_id}, {@code output} (title and summary: the description) and
 *       {@code status} ({@code queued}, {@code in_progress}) or {@code conclusion}. Each state creates a check run;
 *       GitHub judges a check by the latest run of that name.</li>
 * </ul>
 * The library's repository object is made from the owner and name alone (an event payload the library binds to the
 * client), because {@code GitHub.getRepository} would cost a {@code GET} before every status; the library's rate limit
 * handlers end the request instead of waiting, so each status costs exactly one request.
 */
public final class GitHubStatusReporter implements StatusReporter {
    /** The two forms of a GitHub status. */
    public enum Form {
        COMMIT_STATUS,
        CHECK_RUN
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GitHubRateLimitHandler END_ON_RATE_LIMIT = new GitHubRateLimitHandler() {
        @Override
        public void onError(GitHubConnectorResponse response) throws IOException {
            throw new IOException("GitHub's rate limit is reached");
        }
    };
    private static final GitHubAbuseLimitHandler END_ON_ABUSE_LIMIT = new GitHubAbuseLimitHandler() {
        @Override
        public void onError(GitHubConnectorResponse response) throws IOException {
            throw new IOException("GitHub's secondary rate limit is reached");
        }
    };

    private final HttpSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final Form form;

    /**
     * Creates a reporter.
     *
     * @param form commit statuses for tokens; check runs for the installation token of a GitHub App
     */
    public GitHubStatusReporter(HttpSettings settings, Clock clock, Form form) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.form = Objects.requireNonNull(form, "form");
        this.http = Network.httpClient(settings);
    }

    @Override
    public void report(ProviderSpec provider, ApiCredential credential, StatusTarget target, CommitStatus status)
            throws StatusException {
        String sha = target.fullCommit(provider.type());
        List<String> repository = StatusCalls.segments(provider, target, 2);
        String secret = credential.secret();
        String apiUrl = provider.effectiveApiUrl().orElse("");
        if (!isHttpAddress(apiUrl)) {
            throw new StatusException(StatusDiagnosis.noAnswer(provider, target, StatusFailure.Kind.MISCONFIGURED,
                    "the API address '" + apiUrl + "' is not an http(s) address.", "Check the provider's server"
                            + " URL (and API URL, if set)."));
        }
        // The address was checked above, so it has an origin; no request may leave it with the token.
        JdkConnector connector = new JdkConnector(http, Budget.start(settings.totalBudget()), settings.userAgent(),
                Origin.of(apiUrl).orElseThrow());
        String context = Network.redact(status.context(), secret);
        String description = Network.redact(status.description(), secret);
        try {
            GHRepository repo = repository(connect(apiUrl, connector, secret), repository.get(0), repository.get(1));
            if (form == Form.COMMIT_STATUS) {
                repo.createCommitStatus(sha, GHCommitState.valueOf(HostStates.of(provider.type(), status.state())
                        .toUpperCase(Locale.ROOT)), status.targetUrl(), description, context);
            } else {
                GHCheckRunBuilder run = repo.createCheckRun(context, sha)
                        .withDetailsURL(status.targetUrl())
                        .withExternalID(context)
                        .add(new GHCheckRunBuilder.Output(description.isEmpty() ? context : description,
                                description.isEmpty() ? context : description));
                if (status.state().isFinal()) {
                    run.withConclusion(conclusion(status.state()));
                } else {
                    run.withStatus(status.state() == BuildState.PENDING ? GHCheckRun.Status.QUEUED
                            : GHCheckRun.Status.IN_PROGRESS);
                }
                run.create();
            }
        } catch (IOException e) {
            throw StatusCalls.redacted(failure(provider, target, connector, e), secret);
        }
    }

    /** Maps a final state to a check run conclusion. */
    static GHCheckRun.Conclusion conclusion(BuildState state) {
        return switch (state) {
            case SUCCESS -> GHCheckRun.Conclusion.SUCCESS;
            case ABORTED -> GHCheckRun.Conclusion.CANCELLED;
            default -> GHCheckRun.Conclusion.FAILURE;
        };
    }

    private GitHub connect(String apiUrl, JdkConnector connector, String secret) throws IOException {
        return new GitHubBuilder()
                .withEndpoint(apiUrl)
                .withConnector(connector)
                .withRateLimitHandler(END_ON_RATE_LIMIT)
                .withAbuseLimitHandler(END_ON_ABUSE_LIMIT)
                // Not withOAuthToken: that one asks GET /user for the login while building.
                .withAuthorizationProvider(() -> "token " + secret)
                .build();
    }

    /** Binds a repository of the given owner and name to the client without asking GitHub. */
    private static GHRepository repository(GitHub github, String owner, String name) throws IOException {
        ObjectNode payload = JSON.createObjectNode();
        ObjectNode repository = payload.putObject("repository")
                .put("name", name)
                .put("full_name", owner + "/" + name);
        repository.putObject("owner").put("login", owner);
        return github.parseEventPayload(new StringReader(JSON.writeValueAsString(payload)), GHEventPayload.Ping.class)
                .getRepository();
    }

    private StatusFailure failure(ProviderSpec provider, StatusTarget target, JdkConnector connector,
            IOException e) {
        CrossOriginRedirectException redirect = Network.cause(e, CrossOriginRedirectException.class);
        if (redirect != null) {
            return StatusDiagnosis.noAnswer(provider, target, StatusFailure.Kind.MISCONFIGURED, "GitHub redirected"
                    + " the request (HTTP " + redirect.status() + ") to " + redirect.targetOrigin() + "; the token was"
                    + " not sent there.", "Use the address GitHub redirects to as the server URL only if it is"
                    + " really your GitHub server.");
        }
        List<Exchange> exchanges = connector.exchanges();
        if (!exchanges.isEmpty() && exchanges.get(exchanges.size() - 1).status() >= 300) {
            Exchange last = exchanges.get(exchanges.size() - 1);
            if (form == Form.CHECK_RUN && last.status() == 403 && !last.hasHeader("Retry-After")
                    && !last.header("X-RateLimit-Remaining").map("0"::equals).orElse(false)) {
                return new StatusFailure(StatusFailure.Kind.MISSING_PERMISSION, 403, "GitHub refused the check run"
                        + " for " + target.repositoryPath() + " (HTTP 403: " + message(last) + "): GitHub accepts"
                        + " check runs only from a GitHub App with the Checks: write permission.",
                        "Use the GitHub App's credential for this provider (its installation token), give the"
                                + " app Checks: Read and write, or report commit statuses instead.", null);
            }
            ApiResponse response = new ApiResponse(last.status(), last.headers(), last.errorBody(), last.uri());
            return StatusDiagnosis.diagnose(provider, target, new HostAnswer(last.status(), message(last), "",
                    last.headers(), RateLimit.of(response, clock).map(RateLimit::reset).orElse(null)));
        }
        if (!exchanges.isEmpty()) {
            return StatusDiagnosis.noAnswer(provider, target, StatusFailure.Kind.MISCONFIGURED, "GitHub's answer"
                    + " could not be read (" + e.getClass().getSimpleName() + ").", "Check that the server URL"
                    + " points at the GitHub API.");
        }
        return StatusCalls.unreachable(provider, target, e, "GitHub", settings);
    }

    private static String message(Exchange exchange) {
        try {
            JsonNode message = JSON.readTree(exchange.errorBody()).path("message");
            return message.isTextual() ? message.asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isHttpAddress(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme())
                    || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

}
