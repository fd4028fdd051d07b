package io.jenkins.plugins.gitproviders.core.client.github;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.Check;
import io.jenkins.plugins.gitproviders.core.client.CheckId;
import io.jenkins.plugins.gitproviders.core.client.Diagnosis;
import io.jenkins.plugins.gitproviders.core.client.ExpiryRule;
import io.jenkins.plugins.gitproviders.core.client.HostClient;
import io.jenkins.plugins.gitproviders.core.client.HostClientException;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.RepositorySummary;
import io.jenkins.plugins.gitproviders.core.client.StatusWords;
import io.jenkins.plugins.gitproviders.core.client.Origin;
import io.jenkins.plugins.gitproviders.core.client.github.JdkConnector.CrossOriginRedirectException;
import io.jenkins.plugins.gitproviders.core.client.github.JdkConnector.CrossOriginRequestException;
import io.jenkins.plugins.gitproviders.core.client.github.JdkConnector.Exchange;
import io.jenkins.plugins.gitproviders.core.client.library.Budget;
import io.jenkins.plugins.gitproviders.core.client.library.DiagnosisRun;
import io.jenkins.plugins.gitproviders.core.client.library.Network;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.model.TokenScope;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kohsuke.github.GHMyself;
import org.kohsuke.github.GHOrganization;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.PagedIterable;
import org.kohsuke.github.PagedIterator;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Diagnoses and lists repositories of GitHub.com and GitHub Enterprise Server providers through GitHub API for Java,
 * over a JDK {@link HttpClient} that honours the {@link HttpSettings}: connect timeout, proxy, a total budget per
 * operation, and no redirect to another origin. Rate limits are reported, never waited for.
 */
public final class GitHubClient implements HostClient {
    private static final String HOST = "GitHub";
    private static final int PAGE_SIZE = 100;
    private static final int MAX_LISTED = 1000;
    private static final DateTimeFormatter EXPIRY_HEADER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z",
            Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** GitHub's list of permissions a call needs, such as {@code contents=read; metadata=read}. */
    private static final Pattern ACCEPTED_PERMISSIONS = Pattern.compile(
            "[a-z_]{1,40}=(?:read|write|admin|true|false)"
                    + "(?:\\s*[,;]\\s*[a-z_]{1,40}=(?:read|write|admin|true|false)){0,20}");
    /** Ends the request when the rate limit is exhausted: the diagnosis reports it, nothing waits or retries. */
    private static final GitHubRateLimitHandler REPORT_RATE_LIMIT = new GitHubRateLimitHandler() {
        @Override
        public void onError(GitHubConnectorResponse response) throws IOException {
            throw new LimitReachedException("primary rate limit");
        }
    };
    private static final GitHubAbuseLimitHandler REPORT_ABUSE_LIMIT = new GitHubAbuseLimitHandler() {
        @Override
        public void onError(GitHubConnectorResponse response) throws IOException {
            throw new LimitReachedException("secondary rate limit");
        }
    };

    /** Signals that GitHub refused a request for a rate limit; the answer itself is in the connector's record. */
    private static final class LimitReachedException extends IOException {
        private static final long serialVersionUID = 1L;

        LimitReachedException(String which) {
            super("GitHub's " + which + " is reached");
        }
    }

    private final HttpSettings settings;
    private final Clock clock;
    private final HttpClient http;

    /**
     * Creates a client.
     *
     * @param settings connect timeout, total budget, proxy and User-Agent
     * @param clock    the clock expiry dates are compared with
     */
    public GitHubClient(HttpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = Network.httpClient(settings);
    }

    @Override
    public Diagnosis diagnose(ProviderSpec provider, ApiCredential credential) {
        return DiagnosisRun.underBudget(provider, credential.secret(), HOST, settings, clock,
                budget -> run -> new Session(provider, credential, budget).diagnose(run));
    }

    @Override
    public List<RepositorySummary> listRepositories(ProviderSpec provider, ApiCredential credential, String query,
            int limit) throws HostClientException {
        Session session = new Session(provider, credential, Budget.start(settings.totalBudget()));
        return session.list(query, Math.max(1, Math.min(limit, MAX_LISTED)));
    }

    /** One operation against one provider: the library instance, its connector and what it saw. */
    private final class Session {
        private final ProviderSpec provider;
        private final ApiCredential credential;
        private final String apiUrl;
        private final String secret;
        private final JdkConnector connector;

        Session(ProviderSpec provider, ApiCredential credential, Budget budget) {
            this.provider = provider;
            this.credential = credential;
            this.apiUrl = provider.effectiveApiUrl().orElse("");
            this.secret = credential.secret();
            // An address without an origin gets none that matches: addressProblem() reports it before any request.
            this.connector = new JdkConnector(http, budget, settings.userAgent(),
                    Origin.of(apiUrl).orElse(new Origin("invalid", "invalid", 0)));
        }

        private GitHub connect() throws IOException {
            GitHubBuilder builder = new GitHubBuilder()
                    .withEndpoint(apiUrl)
                    .withConnector(connector)
                    // Report rate limits instead of sleeping until they reset.
                    .withRateLimitHandler(REPORT_RATE_LIMIT)
                    .withAbuseLimitHandler(REPORT_ABUSE_LIMIT)
                    // A plain provider, not withOAuthToken: that one asks GET /user for the login while building,
                    // which doubles the diagnosis' first request (and a rate-limited one).
                    .withAuthorizationProvider(() -> "token " + secret);
            return builder.build();
        }

        void diagnose(DiagnosisRun run) throws IOException {
            run.begin(CheckId.REACHABILITY);
            Optional<String> addressProblem = addressProblem();
            if (addressProblem.isPresent()) {
                run.add(Check.fail(CheckId.REACHABILITY, addressProblem.get(), serverUrlFix()));
                run.skipRemaining("Not checked: the API address is missing or invalid.");
                return;
            }
            if (credential.isEmpty()) {
                run.add(Check.skipped(CheckId.REACHABILITY, "Not checked: the credential holds no token."));
                run.add(Check.fail(CheckId.AUTHENTICATION, "The credential holds an empty token.",
                        "Put a GitHub personal access token into the credential " + credentialName() + "."));
                run.skipRemaining("Not checked: no token.");
                return;
            }
            GitHub github = connect();
            GHMyself me = null;
            IOException failure = null;
            try {
                me = github.getMyself();
            } catch (IOException e) {
                failure = e;
            }
            CrossOriginRedirectException redirect = failure == null
                    ? null : Network.cause(failure, CrossOriginRedirectException.class);
            if (redirect != null) {
                run.add(redirectCheck(redirect));
                run.skipRemaining("Not checked: the host redirected elsewhere.");
                return;
            }
            Optional<Exchange> answer = connector.last("/user");
            if (answer.isEmpty()) {
                String[] described = Network.describeFailure(
                        failure == null ? new IOException("no answer") : failure, HOST, apiUrl, settings, secret);
                run.add(Check.fail(CheckId.REACHABILITY, described[0], described[1]));
                run.skipRemaining("Not checked: the host could not be reached.");
                return;
            }
            Exchange user = answer.get();
            if (!looksLikeApi(user)) {
                run.add(Check.fail(CheckId.REACHABILITY, apiUrl + " does not answer like a GitHub API: GET /user gave"
                        + " " + StatusWords.answer(user.status()) + (user.status() < 300 ? " that is not JSON" : "")
                        + "; this is not a GitHub API.", serverUrlFix()));
                run.skipRemaining("Not checked: the address is not a GitHub API.");
                return;
            }
            run.add(reachability(github, user));

            run.begin(CheckId.AUTHENTICATION);
            if (isRateLimited(user)) {
                run.add(Check.warn(CheckId.AUTHENTICATION, "Not verified: GitHub refused the request because the API"
                        + " rate limit is exhausted (" + StatusWords.shown(user.status()) + ").",
                        "Wait until the rate limit resets (see below) and run the diagnosis again."));
                for (CheckId id : List.of(CheckId.SCOPES, CheckId.EXPIRY, CheckId.SCOPE_ACCESS)) {
                    run.add(Check.skipped(id, "Not checked: the rate limit is exhausted."));
                }
                run.add(rateLimit(user));
                return;
            }
            if (user.status() == 401) {
                run.add(Check.fail(CheckId.AUTHENTICATION, "GitHub rejected the token: Bad credentials (HTTP 401).",
                        "The token is mistyped, revoked or expired. Create a new token at " + tokenSettingsUrl()
                                + " (classic token scopes: " + requiredScopeNames() + ") and store it in the"
                                + " credential " + credentialName() + "."));
                run.skipRemaining("Not checked: authentication failed.");
                return;
            }
            if (me == null) {
                run.add(Check.fail(CheckId.AUTHENTICATION, "GitHub refused to tell who the token belongs to ("
                        + StatusWords.shown(user.status()) + ").", refusedFix()));
                run.skipRemaining("Not checked: authentication failed.");
                return;
            }
            String login = me.getLogin();
            if (login == null || login.isBlank()) {
                run.add(Check.fail(CheckId.AUTHENTICATION, "The answer to GET /user names no account: this is not a"
                        + " GitHub API.", serverUrlFix()));
                run.skipRemaining("Not checked: authentication failed.");
                return;
            }
            run.owner(login);
            String fullName = me.getName();
            run.add(Check.pass(CheckId.AUTHENTICATION, "The token belongs to " + login
                    + (fullName == null || fullName.isBlank() ? "" : " (" + fullName + ")") + "."));

            run.begin(CheckId.SCOPES);
            boolean classic = user.hasHeader("X-OAuth-Scopes");
            run.add(classic ? classicScopes(user) : fineGrainedScopes(user));

            run.begin(CheckId.EXPIRY);
            run.add(expiry(run, user, classic));

            run.begin(CheckId.SCOPE_ACCESS);
            run.add(scopeAccess(github, me, classic));

            run.begin(CheckId.RATE_LIMIT);
            run.add(rateLimit(github));
        }

        private Optional<String> addressProblem() {
            if (apiUrl.isEmpty()) {
                return Optional.of("No server URL is set, so there is no GitHub API address to ask.");
            }
            try {
                URI uri = new URI(apiUrl);
                if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme())
                        || "http".equalsIgnoreCase(uri.getScheme()))) {
                    return Optional.of("The API address " + apiUrl + " is not an http(s) address with a host.");
                }
            } catch (java.net.URISyntaxException e) {
                return Optional.of("The API address " + apiUrl + " is not a valid address: " + e.getReason() + ".");
            }
            return Optional.empty();
        }

        private Check reachability(GitHub github, Exchange user) {
            Optional<String> version = user.header("X-GitHub-Enterprise-Version");
            if (version.isEmpty() && provider.type() == ProviderType.GITHUB_ENTERPRISE) {
                try {
                    github.getMeta();
                } catch (IOException e) {
                    // The version is a nicety: a server that hides /meta is still reachable.
                }
                version = connector.last("/meta").flatMap(meta -> meta.header("X-GitHub-Enterprise-Version"));
            }
            String product = version.map(StatusWords::version).filter(v -> !v.isEmpty())
                    .map(v -> "GitHub Enterprise Server " + v)
                    .orElse(provider.type() == ProviderType.GITHUB_ENTERPRISE
                            ? "GitHub Enterprise Server (version not reported)" : HOST);
            return Check.pass(CheckId.REACHABILITY, product + " answered at " + apiUrl + " ("
                    + StatusWords.shown(user.status()) + ").");
        }

        private Check redirectCheck(CrossOriginRedirectException redirect) {
            return Check.fail(CheckId.REACHABILITY, apiUrl + " answered with a redirect ("
                    + StatusWords.shown(redirect.status()) + ") to another site, " + redirect.targetOrigin()
                    + "; it was not followed, so the token was not sent there.",
                    "Use the address the host redirects to as the server URL only if it is really your GitHub server"
                            + " (for example after a move to HTTPS or a new host name); a redirect to a login page"
                            + " means the address is the web interface behind single sign-on, not the API.");
        }

        private Check classicScopes(Exchange user) {
            ClassicScopes scopes = ClassicScopes.parse(user.header("X-OAuth-Scopes").orElse(""));
            List<TokenScope> required = provider.type().requiredTokenScopes();
            List<TokenScope> missing = new ArrayList<>(scopes.missing(required));
            if (provider.statusReporting()) {
                // A status scope that a missing required scope includes (repo:status in repo) is not named twice.
                scopes.missing(provider.type().statusTokenScopes()).stream()
                        .filter(scope -> missing.stream().noneMatch(need -> ClassicScopes.parse(need.name())
                                .covers(scope.name())))
                        .filter(scope -> !missing.contains(scope))
                        .forEach(missing::add);
            }
            String granted = scopes.granted().isEmpty() ? "no scopes" : String.join(", ", scopes.granted());
            if (missing.isEmpty()) {
                return Check.pass(CheckId.SCOPES, "The classic token has every scope the plugin needs ("
                        + requiredScopeNames() + "); granted: " + granted + ".");
            }
            String names = missing.stream().map(TokenScope::name).collect(Collectors.joining(", "));
            String purposes = missing.stream().map(scope -> scope.name() + " to " + scope.purpose())
                    .collect(Collectors.joining("; "));
            String message = "The token lacks the scope" + (missing.size() == 1 ? " " : "s ") + names
                    + " (granted: " + granted + ").";
            String fix = "Edit the token at " + tokenSettingsUrl() + " and tick " + names
                    + "; the token's value stays the same. The plugin needs " + purposes + ".";
            // Every required scope is needed to read and clone private repositories.
            return Check.fail(CheckId.SCOPES, message, fix);
        }

        private Check fineGrainedScopes(Exchange user) {
            // GitHub's permission names only: the header is shown when it is a list of name=level pairs.
            String accepted = user.header("X-Accepted-GitHub-Permissions")
                    .filter(value -> ACCEPTED_PERMISSIONS.matcher(value.trim()).matches())
                    .map(value -> " For GET /user GitHub asked for: " + value.trim() + ".")
                    .orElse("");
            return Check.warn(CheckId.SCOPES, "This is a fine-grained personal access token or a GitHub App token:"
                    + " GitHub does not report such a token's permissions (no X-OAuth-Scopes header), so they cannot"
                    + " be checked here. What can be checked is which organization and repositories it sees (see"
                    + " Organization access)." + accepted,
                    "In GitHub, open Settings > Developer settings > Fine-grained tokens and check that the token's"
                            + " resource owner is " + provider.scopeValue().orElse("the right account")
                            + ", that it has access to the repositories Jenkins builds, and that it has the"
                            + " repository permissions Contents (read) and Metadata (read)"
                            + (provider.statusReporting() ? ", plus Commit statuses (read and write) for build status" : "")
                            + "; it needs no other.");
        }

        private Check expiry(DiagnosisRun run, Exchange user, boolean classic) {
            Optional<String> header = user.header("github-authentication-token-expiration");
            if (header.isPresent()) {
                Instant expiry = parseExpiry(header.get());
                if (expiry == null) {
                    return Check.warn(CheckId.EXPIRY, "GitHub reported an expiry date that could not be read.",
                            "Look up the token's expiry date in GitHub's token settings: " + tokenSettingsUrl());
                }
                run.expiry(expiry);
                return ExpiryRule.evaluate(expiry, false, HOST, clock);
            }
            // GitHub.com sends the header for every token that expires; older GitHub Enterprise Servers never send it.
            return ExpiryRule.evaluate(null, classic && provider.type() == ProviderType.GITHUB, HOST, clock);
        }

        private Check scopeAccess(GitHub github, GHMyself me, boolean classic) throws IOException {
            Optional<String> scope = provider.scopeValue();
            if (scope.isEmpty()) {
                int count;
                try {
                    count = firstPage(me.listRepositories(PAGE_SIZE));
                } catch (RuntimeException e) {
                    // The library's page iterator wraps I/O failures in an unchecked GHException.
                    return accessFailure("the token's repositories", connector.last("/repos"), e);
                }
                return Check.pass(CheckId.SCOPE_ACCESS, "No organization is set; the token sees " + counted(count)
                        + " of its owner's repositories and organizations.");
            }
            String name = scope.get();
            if (!provider.type().scopeRule().accepts(name)) {
                return Check.fail(CheckId.SCOPE_ACCESS, "'" + bounded(name, 100) + "' is not a valid GitHub"
                        + " organization or user name.", "Use " + provider.type().scopeRule().rule()
                                + ", for example " + provider.type().scopeRule().example() + ".");
            }
            GHOrganization organization = null;
            try {
                organization = github.getOrganization(name);
            } catch (IOException e) {
                Optional<Exchange> answer = connector.last("/orgs/" + name);
                if (answer.isEmpty() || answer.get().status() != 404) {
                    return accessFailure("the organization " + name, answer, e);
                }
            }
            if (organization != null) {
                int count;
                try {
                    count = firstPage(organization.listRepositories(PAGE_SIZE));
                } catch (RuntimeException e) {
                    // The library's page iterator wraps I/O failures in an unchecked GHException.
                    return accessFailure("the repositories of " + name, connector.last("/repos"), e);
                }
                return accessResult("organization", name, organization.getLogin(), count, classic);
            }
            GHUser account;
            try {
                account = github.getUser(name);
            } catch (IOException e) {
                Optional<Exchange> answer = connector.last("/users/" + name);
                if (answer.isPresent() && answer.get().status() == 404) {
                    return Check.fail(CheckId.SCOPE_ACCESS, "GitHub has no organization or user named '" + name
                            + "' (HTTP 404).",
                            "Check the spelling of the organization: it is the name in the address "
                                    + webUrl() + "/<organization>. On GitHub Enterprise Server, check that the"
                                    + " organization exists on this server.");
                }
                return accessFailure("the account " + name, answer, e);
            }
            int count;
            try {
                count = firstPage(account.listRepositories(PAGE_SIZE));
            } catch (RuntimeException e) {
                return accessFailure("the repositories of " + name, connector.last("/repos"), e);
            }
            return accessResult("user account", name, account.getLogin(), count, classic);
        }

        private Check accessResult(String kind, String configured, String hostSpelling, int count, boolean classic) {
            Optional<Exchange> sso = connector.exchanges().stream()
                    .filter(exchange -> exchange.header("X-GitHub-SSO").map(v -> v.startsWith("required"))
                            .orElse(false))
                    .findFirst();
            if (sso.isPresent()) {
                return Check.warn(CheckId.SCOPE_ACCESS, "The " + kind + " " + hostSpelling + " uses SAML single"
                        + " sign-on and the token is not authorized for it, so GitHub hides its private"
                        + " repositories.",
                        "Open " + tokenSettingsUrl() + ", choose Configure SSO next to the token and authorize it for "
                                + hostSpelling + ".");
            }
            if (count == 0) {
                String fix = classic
                        ? "Make the token's owner a member of " + hostSpelling + " with access to its repositories,"
                                + " or use a token of an account that has it; private repositories also need the repo"
                                + " scope."
                        : "Set the fine-grained token's resource owner to " + hostSpelling + " and grant it access"
                                + " to the repositories Jenkins builds (an organization owner may have to approve"
                                + " the token).";
                return Check.warn(CheckId.SCOPE_ACCESS, "The " + kind + " " + hostSpelling + " exists, but the token"
                        + " sees none of its repositories.", fix);
            }
            String seen = "the token sees " + counted(count) + " of its repositories";
            if (!hostSpelling.equals(configured)) {
                return Check.warn(CheckId.SCOPE_ACCESS, "GitHub spells the " + kind + " '" + hostSpelling
                        + "' (configured: '" + configured + "'); " + seen + ".",
                        "Change the organization field to '" + hostSpelling + "' so that names in Jenkins match"
                                + " the names on GitHub.");
            }
            return Check.pass(CheckId.SCOPE_ACCESS, "The " + kind + " " + hostSpelling + " exists; " + seen + ".");
        }

        private Check accessFailure(String what, Optional<Exchange> answer, Exception failure) {
            if (answer.isPresent() && isRateLimited(answer.get())) {
                return Check.fail(CheckId.SCOPE_ACCESS, "Could not look up " + what + ": the API rate limit is"
                        + " exhausted.", "Wait until the rate limit resets (see below) and run the diagnosis again.");
            }
            if (answer.isPresent()) {
                return Check.fail(CheckId.SCOPE_ACCESS, "GitHub refused to show " + what + " ("
                        + StatusWords.shown(answer.get().status()) + ").", refusedFix());
            }
            String[] described = Network.describeFailure(failure, HOST, apiUrl, settings, secret);
            return Check.fail(CheckId.SCOPE_ACCESS, "Could not look up " + what + ": " + described[0],
                    described[1]);
        }

        private Check rateLimit(GitHub github) {
            List<Exchange> seen = connector.exchanges();
            for (int i = seen.size() - 1; i >= 0; i--) {
                if (seen.get(i).hasHeader("X-RateLimit-Remaining")) {
                    return rateLimit(seen.get(i));
                }
            }
            try {
                github.getRateLimit();
            } catch (IOException e) {
                // Judged from the recorded answer below.
            }
            Optional<Exchange> answer = connector.last("/rate_limit");
            if (answer.isPresent() && answer.get().status() == 404) {
                return Check.pass(CheckId.RATE_LIMIT, "Rate limiting is disabled on this GitHub Enterprise Server"
                        + " (GET /rate_limit answers 404): there is no limit to watch.");
            }
            if (answer.isPresent() && answer.get().hasHeader("X-RateLimit-Remaining")) {
                return rateLimit(answer.get());
            }
            return Check.pass(CheckId.RATE_LIMIT, "GitHub did not report a rate limit.");
        }

        private Check rateLimit(Exchange exchange) {
            Long remaining = number(exchange.header("X-RateLimit-Remaining"));
            Long limit = number(exchange.header("X-RateLimit-Limit"));
            Long reset = number(exchange.header("X-RateLimit-Reset"));
            String resetText = reset == null ? "an unreported time"
                    : TIME.format(Instant.ofEpochSecond(reset));
            String of = limit == null ? "" : " of " + limit;
            if (remaining == null) {
                if (exchange.status() == 429) {
                    return Check.fail(CheckId.RATE_LIMIT, "GitHub answered HTTP 429 Too Many Requests.",
                            "Wait a few minutes; Jenkins does not retry in a loop.");
                }
                return Check.pass(CheckId.RATE_LIMIT, "GitHub did not report a rate limit.");
            }
            if (remaining == 0) {
                return Check.fail(CheckId.RATE_LIMIT, "The GitHub API rate limit is exhausted: 0" + of
                        + " requests left; it resets at " + resetText + ".",
                        "Wait until " + resetText + "; Jenkins does not retry in a loop. If this happens often,"
                                + " scan this provider less often or use a separate token for Jenkins.");
            }
            if (limit != null && remaining * 10 < limit) {
                return Check.warn(CheckId.RATE_LIMIT, "Only " + remaining + of + " API requests are left; the limit"
                        + " resets at " + resetText + ".",
                        "Something else is using up this token's limit: use a separate token for Jenkins or scan"
                                + " less often.");
            }
            return Check.pass(CheckId.RATE_LIMIT, remaining + of + " API requests left; the limit resets at "
                    + resetText + ".");
        }

        List<RepositorySummary> list(String query, int limit) throws HostClientException {
            if (apiUrl.isEmpty() || addressProblem().isPresent()) {
                throw new HostClientException(Network.redact(addressProblem().orElse("No API address.") + " "
                        + serverUrlFix(), secret));
            }
            String needle = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
            try {
                GitHub github = connect();
                PagedIterable<GHRepository> repositories = repositories(github);
                List<RepositorySummary> found = new ArrayList<>();
                int scanned = 0;
                for (GHRepository repository : repositories) {
                    if (++scanned > MAX_LISTED || found.size() >= limit) {
                        break;
                    }
                    if (repository.getName().toLowerCase(Locale.ROOT).contains(needle)) {
                        found.add(summary(repository));
                    }
                }
                return found;
            } catch (IOException | RuntimeException e) {
                throw new HostClientException(Network.redact(listFailure(e), secret));
            }
        }

        private PagedIterable<GHRepository> repositories(GitHub github) throws IOException {
            Optional<String> scope = provider.scopeValue();
            if (scope.isEmpty()) {
                return github.getMyself().listRepositories(PAGE_SIZE);
            }
            String name = scope.get();
            if (!provider.type().scopeRule().accepts(name)) {
                throw new IllegalArgumentException("'" + bounded(name, 100) + "' is not a valid GitHub organization"
                        + " or user name.");
            }
            try {
                return github.getOrganization(name).listRepositories(PAGE_SIZE);
            } catch (IOException e) {
                Optional<Exchange> answer = connector.last("/orgs/" + name);
                if (answer.isPresent() && answer.get().status() == 404) {
                    return github.getUser(name).listRepositories(PAGE_SIZE);
                }
                throw e;
            }
        }

        private String listFailure(Exception failure) {
            if (failure instanceof IllegalArgumentException) {
                return Network.redact(failure.getMessage(), secret);
            }
            CrossOriginRedirectException redirect = Network.cause(failure, CrossOriginRedirectException.class);
            if (redirect != null) {
                return redirectCheck(redirect).message();
            }
            CrossOriginRequestException elsewhere = Network.cause(failure, CrossOriginRequestException.class);
            if (elsewhere != null) {
                return "GitHub pointed the next page of the listing to " + elsewhere.targetOrigin() + ", which is not"
                        + " the API's address " + apiUrl + "; the token was not sent there and the listing stopped.";
            }
            List<Exchange> seen = connector.exchanges();
            if (seen.isEmpty()) {
                return Network.describeFailure(failure, HOST, apiUrl, settings, secret)[0];
            }
            Exchange last = seen.get(seen.size() - 1);
            if (isRateLimited(last)) {
                return rateLimit(last).message();
            }
            if (last.status() == 401) {
                return "GitHub rejected the token: Bad credentials (HTTP 401). Create a new token and update the"
                        + " credential " + credentialName() + ".";
            }
            if (last.status() == 404) {
                return "GitHub has no organization or user named '" + provider.scopeValue().orElse("") + "' (HTTP"
                        + " 404).";
            }
            return "GitHub answered with " + StatusWords.answer(last.status()) + " while listing repositories.";
        }

        private boolean looksLikeApi(Exchange exchange) {
            if (exchange.status() == 404 || exchange.status() >= 500) {
                return false;
            }
            return exchange.header("Content-Type").map(type -> type.toLowerCase(Locale.ROOT).contains("json"))
                    .orElse(false);
        }

        private String serverUrlFix() {
            if (apiUrl.contains("/api/v3/api/v3")) {
                return "The server URL already ends in /api/v3: enter the web address of the server (for example"
                        + " https://github.example.com); the plugin adds /api/v3 itself.";
            }
            if (provider.type() == ProviderType.GITHUB_ENTERPRISE) {
                return "Enter the web address of your GitHub Enterprise Server as you open it in a browser (for"
                        + " example https://github.example.com), without /api/v3 and without an organization;"
                        + " set an API URL only when the API is served elsewhere. For github.com use the GitHub"
                        + " provider type.";
            }
            return "Remove the API URL override or correct it: the GitHub.com API is https://api.github.com.";
        }

        private String refusedFix() {
            return "If the organization uses SAML single sign-on, authorize the token for it (Configure SSO next to"
                    + " the token at " + tokenSettingsUrl() + "); if GitHub mentions an IP allow list, allow the"
                    + " Jenkins controller's address; a GitHub App installation token cannot read /user: use a"
                    + " personal access token.";
        }

        private String webUrl() {
            return provider.effectiveServerUrl().orElse("https://github.com");
        }

        private String tokenSettingsUrl() {
            return webUrl() + "/settings/tokens";
        }

        private String requiredScopeNames() {
            return provider.type().requiredTokenScopes().stream().map(TokenScope::name)
                    .collect(Collectors.joining(", "));
        }

        private String credentialName() {
            return provider.credentialsId() == null ? "of this provider" : "'" + provider.credentialsId() + "'";
        }
    }

    private static boolean isRateLimited(Exchange exchange) {
        return exchange.status() == 429 || (exchange.status() == 403
                && (exchange.header("X-RateLimit-Remaining").map("0"::equals).orElse(false)
                        || exchange.hasHeader("Retry-After")));
    }

    private static int firstPage(PagedIterable<?> iterable) {
        PagedIterator<?> pages = iterable.withPageSize(PAGE_SIZE).iterator();
        return pages.hasNext() ? pages.nextPage().size() : 0;
    }

    private static String counted(int firstPage) {
        return firstPage >= PAGE_SIZE ? "at least " + firstPage : String.valueOf(firstPage);
    }

    private static RepositorySummary summary(GHRepository repository) {
        return new RepositorySummary(repository.getFullName(), repository.getHttpTransportUrl(),
                repository.getSshUrl(), repository.getHtmlUrl() == null ? null : repository.getHtmlUrl().toString(),
                repository.getDefaultBranch(), repository.isPrivate());
    }

    @CheckForNull
    static Instant parseExpiry(String value) {
        String normalized = value.trim().replaceFirst(" UTC$", " +0000");
        try {
            return OffsetDateTime.parse(normalized, EXPIRY_HEADER).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @CheckForNull
    private static Long number(Optional<String> value) {
        try {
            return value.map(String::trim).map(Long::parseLong).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String bounded(String text, int max) {
        String flat = text.replaceAll("[\\r\\n\\t]+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }
}
