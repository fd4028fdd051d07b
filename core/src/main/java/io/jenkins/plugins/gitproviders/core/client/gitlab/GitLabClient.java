package io.jenkins.plugins.gitproviders.core.client.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.jenkins.plugins.gitproviders.core.client.library.Budget;
import io.jenkins.plugins.gitproviders.core.client.library.DiagnosisRun;
import io.jenkins.plugins.gitproviders.core.client.library.Network;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.api.Pager;
import org.gitlab4j.api.models.Group;
import org.gitlab4j.api.models.GroupProjectsFilter;
import org.gitlab4j.api.models.PersonalAccessToken;
import org.gitlab4j.api.models.Project;
import org.gitlab4j.api.models.ProjectFilter;
import org.gitlab4j.api.models.User;
import org.gitlab4j.models.Constants.ProjectAccessTokenScope;

/**
 * Diagnoses and lists projects of GitLab.com and GitLab self-managed providers through GitLab4J API: connect and read
 * timeouts from the {@link HttpSettings}, their proxy, no redirect following (the token never reaches another
 * origin), and a total budget per operation. Only the rate-limit headers, which GitLab4J does not expose, come from
 * one request of the JDK {@link HttpClient}.
 */
public final class GitLabClient implements HostClient {
    private static final String HOST = "GitLab";
    private static final String API_PATH = "/api/v4";
    private static final int PAGE_SIZE = 100;
    private static final int MAX_LISTED = 1000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpSettings settings;
    private final Clock clock;
    private final HttpClient http;

    /**
     * Creates a client.
     *
     * @param settings connect timeout, total budget, proxy and User-Agent
     * @param clock    the clock expiry dates are compared with
     */
    public GitLabClient(HttpSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = Network.httpClient(settings);
    }

    @Override
    public Diagnosis diagnose(ProviderSpec provider, ApiCredential credential) {
        return DiagnosisRun.underBudget(provider, credential.secret(), HOST, settings, clock,
                budget -> run -> {
                    Session session = new Session(provider, credential, budget);
                    try {
                        session.diagnose(run);
                    } finally {
                        session.close();
                    }
                });
    }

    @Override
    public List<RepositorySummary> listRepositories(ProviderSpec provider, ApiCredential credential, String query,
            int limit) throws HostClientException {
        Session session = new Session(provider, credential, Budget.start(settings.totalBudget()));
        try {
            return session.list(query == null ? "" : query.trim(), Math.max(1, Math.min(limit, MAX_LISTED)));
        } finally {
            session.close();
        }
    }

    /** One operation against one provider. */
    private final class Session {
        private final ProviderSpec provider;
        private final ApiCredential credential;
        private final Budget budget;
        private final String apiUrl;
        private final String secret;
        @CheckForNull
        private GitLabApi api;
        @CheckForNull
        private SameOriginConnections connections;
        /** The first answer, from the JDK client; set once reachability passed. */
        private Preflight preflight = Preflight.NONE;

        Session(ProviderSpec provider, ApiCredential credential, Budget budget) {
            this.provider = provider;
            this.credential = credential;
            this.budget = budget;
            this.apiUrl = provider.effectiveApiUrl().orElse("");
            this.secret = credential.secret();
        }

        /** Returns the library client, its timeouts cut to the budget left, so no call outlives the budget. */
        private GitLabApi api() throws IOException {
            if (api == null) {
                connections = new SameOriginConnections(URI.create(apiUrl));
                api = GitLabApis.open(apiUrl, secret, settings, connections);
            }
            int left = (int) Math.min(Integer.MAX_VALUE, budget.remainingOrThrow().toMillis());
            api.setRequestTimeout((int) Math.min(left, settings.connectTimeout().toMillis()), left);
            return api;
        }

        void close() {
            if (api != null) {
                api.close();
            }
            if (connections != null) {
                connections.shutdown();
            }
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
                        "Put a GitLab access token into the credential " + credentialName() + "."));
                run.skipRemaining("Not checked: no token.");
                return;
            }
            if (!reachability(run)) {
                return;
            }
            run.begin(CheckId.AUTHENTICATION);
            if (!authentication(run)) {
                return;
            }
            run.begin(CheckId.SCOPES);
            PersonalAccessToken token = scopes(run);
            run.begin(CheckId.EXPIRY);
            run.add(expiry(run, token));
            run.begin(CheckId.SCOPE_ACCESS);
            run.add(scopeAccess());
            run.begin(CheckId.RATE_LIMIT);
            run.add(rateLimit());
        }

        /**
         * Makes the first contact through the JDK client, which never follows a redirect: GitLab4J 6.2.0 forces
         * {@code followRedirects=true} on every request (GitLabApiClient.invocation), so a host that redirects
         * elsewhere must be caught before the library sends the token. The answer also carries the version and the
         * RateLimit headers, which GitLab4J does not expose.
         */
        private Preflight preflight() throws IOException {
            Network.checkHeadersAreNotLogged();
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/version"))
                    .timeout(budget.remainingOrThrow())
                    .header("PRIVATE-TOKEN", secret)
                    .header("Accept", "application/json")
                    .header("User-Agent", settings.userAgent())
                    .GET()
                    .build();
            try {
                HttpResponse<java.io.InputStream> response = http.send(request,
                        HttpResponse.BodyHandlers.ofInputStream());
                return new Preflight(response.statusCode(), response.headers(),
                        Network.readBounded(response.body()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("The request was interrupted");
            }
        }

        private boolean reachability(DiagnosisRun run) {
            try {
                preflight = preflight();
            } catch (IOException e) {
                String[] described = Network.describeFailure(e, HOST, apiUrl, settings, secret);
                run.add(Check.fail(CheckId.REACHABILITY, described[0], described[1]));
                run.skipRemaining("Not checked: the host could not be reached.");
                return false;
            }
            int status = preflight.status();
            if (status >= 300 && status < 400) {
                run.add(redirect(preflight.header("Location").orElse(null), status, "GET /version"));
                run.skipRemaining("Not checked: the host redirected elsewhere.");
                return false;
            }
            if (status == 401 || status == 403) {
                run.add(Check.pass(CheckId.REACHABILITY, "GitLab answered at " + apiUrl + " ("
                        + StatusWords.shown(status) + "; GitLab tells its version only to accepted tokens)."));
                return true;
            }
            if (status == 429) {
                run.add(Check.pass(CheckId.REACHABILITY, "GitLab answered at " + apiUrl + " (HTTP 429)."));
                rateLimited(run, preflight.header("RateLimit-Remaining").orElse(null),
                        preflight.header("RateLimit-Limit").orElse(null),
                        preflight.header("RateLimit-Reset").orElse(null));
                return false;
            }
            Optional<JsonNode> body = preflight.json();
            if (status != 200 || body.isEmpty() || !body.get().path("version").isTextual()) {
                run.add(Check.fail(CheckId.REACHABILITY, apiUrl + " does not answer like a GitLab API: GET /version"
                        + " gave " + StatusWords.answer(status) + (status == 200 ? " without a GitLab version" : "")
                        + ".",
                        status >= 500 ? "GitLab has a problem; try again later or ask its administrators."
                                : serverUrlFix()));
                run.skipRemaining("Not checked: the address is not a GitLab API.");
                return false;
            }
            // Only what looks like a version and a commit id is shown: no free text of the answer.
            String version = StatusWords.version(body.get().path("version").asText());
            String revision = body.get().path("revision").asText("");
            run.add(Check.pass(CheckId.REACHABILITY, "GitLab " + (version.isEmpty() ? "(version not reported)"
                    : version) + (revision.matches("[0-9a-f]{7,40}") ? " (revision " + revision + ")" : "")
                    + " answered at " + apiUrl + "."));
            return true;
        }

        private boolean authentication(DiagnosisRun run) throws IOException {
            try {
                User user = api().getUserApi().getCurrentUser();
                String username = user.getUsername();
                run.owner(username);
                String name = user.getName();
                boolean bot = Boolean.TRUE.equals(user.getBot()) || username.matches("(project|group)_\\d+_bot.*");
                run.add(Check.pass(CheckId.AUTHENTICATION, "The token belongs to " + username
                        + (name == null || name.isBlank() || name.equals(username) ? "" : " (" + name + ")")
                        + (bot ? ", the bot user of a project or group access token" : "") + "."));
                return true;
            } catch (GitLabApiException e) {
                int status = e.getHttpStatus();
                if (status == 401) {
                    run.add(Check.fail(CheckId.AUTHENTICATION, "GitLab rejected the token (HTTP 401 Unauthorized).",
                            "The token is mistyped, revoked or expired. Create a new personal access token at "
                                    + tokenSettingsUrl() + " with the scopes read_api and read_repository (or a"
                                    + " project or group access token with them) and store it in the credential "
                                    + credentialName() + "."));
                    run.skipRemaining("Not checked: authentication failed.");
                    return false;
                }
                if (status == 429) {
                    run.add(Check.warn(CheckId.AUTHENTICATION, "Not verified: GitLab refused the request because"
                            + " of its rate limit (HTTP 429).", "Wait until the rate limit resets (see below)."));
                    rateLimited(run, header(e.getHeaders(), "RateLimit-Remaining"),
                            header(e.getHeaders(), "RateLimit-Limit"), header(e.getHeaders(), "RateLimit-Reset"));
                    return false;
                }
                if (status == 403) {
                    // A token without api, read_api or read_user may not read /user; its scopes tell why.
                    run.add(Check.fail(CheckId.AUTHENTICATION, "GitLab refused to tell who the token belongs to"
                            + " (HTTP 403).",
                            "Give the token the read_api scope; see the token scopes below."));
                    return true;
                }
                run.add(requestFailure(CheckId.AUTHENTICATION, "GET /user", e));
                run.skipRemaining("Not checked: authentication failed.");
                return false;
            }
        }

        @CheckForNull
        private PersonalAccessToken scopes(DiagnosisRun run) throws IOException {
            PersonalAccessToken token;
            try {
                token = api().getPersonalAccessTokenApi().getPersonalAccessToken();
            } catch (GitLabApiException e) {
                String why = e.getHttpStatus() == 404
                        ? "this GitLab does not report token scopes (GET /personal_access_tokens/self needs GitLab"
                                + " 15.5 or later)"
                        : "GitLab did not tell the token's scopes (" + StatusWords.shown(e.getHttpStatus()) + ")";
                run.add(Check.warn(CheckId.SCOPES, "Scopes unknown: " + why + ".",
                        "Check in GitLab that the token has the scopes read_api and read_repository."));
                return null;
            }
            List<ProjectAccessTokenScope> scopes = token.getScopes() == null ? List.of() : token.getScopes();
            List<String> known = scopes.stream().filter(Objects::nonNull).map(ProjectAccessTokenScope::toString)
                    .collect(Collectors.toList());
            long others = scopes.stream().filter(Objects::isNull).count();
            String granted = (known.isEmpty() ? "" : String.join(", ", known))
                    + (others == 0 ? "" : (known.isEmpty() ? "" : " and ") + others + " other scope"
                            + (others == 1 ? "" : "s"))
                    + (known.isEmpty() && others == 0 ? "no scopes" : "");
            // api includes reading the API and cloning; write_repository includes cloning.
            boolean readsApi = scopes.contains(ProjectAccessTokenScope.API)
                    || scopes.contains(ProjectAccessTokenScope.READ_API);
            boolean clones = scopes.contains(ProjectAccessTokenScope.API)
                    || scopes.contains(ProjectAccessTokenScope.READ_REPOSITORY)
                    || scopes.contains(ProjectAccessTokenScope.WRITE_REPOSITORY);
            List<String> missing = new ArrayList<>();
            if (!readsApi) {
                missing.add("read_api");
            }
            if (!clones) {
                missing.add("read_repository");
            }
            boolean broad = scopes.contains(ProjectAccessTokenScope.API);
            if (missing.isEmpty() && provider.statusReporting() && !broad) {
                // Commit statuses are written through the API, which only the api scope allows.
                run.add(Check.warn(CheckId.SCOPES, "The token can read the API and clone (granted: " + granted
                        + "), but cannot report build status: that needs the api scope.",
                        "For build status, create a token with the api scope at " + tokenSettingsUrl() + " (GitLab"
                                + " cannot add scopes to an existing token) and update the credential "
                                + credentialName() + ", or turn build status reporting off for this provider."));
            } else if (missing.isEmpty()) {
                run.add(Check.pass(CheckId.SCOPES, "The token can do what the plugin needs, read the API and clone"
                        + " (granted: " + granted + ")" + (broad && !provider.statusReporting()
                                ? "; api also grants write access, which the plugin does not need: read_api and"
                                        + " read_repository are enough" : "") + "."));
            } else {
                run.add(Check.fail(CheckId.SCOPES, "The token lacks the scope" + (missing.size() == 1 ? " " : "s ")
                        + String.join(" and ", missing) + " (granted: " + granted + ").",
                        "Create a token with the scopes read_api and read_repository at " + tokenSettingsUrl()
                                + " (GitLab cannot add scopes to an existing token) and update the credential "
                                + credentialName() + "."));
            }
            return token;
        }

        private Check expiry(DiagnosisRun run, @CheckForNull PersonalAccessToken token) {
            if (token == null) {
                return ExpiryRule.evaluate(null, false, HOST, clock);
            }
            Instant expiresAt = token.getExpiresAt() == null ? null : token.getExpiresAt().toInstant();
            run.expiry(expiresAt);
            if (Boolean.TRUE.equals(token.isRevoked())) {
                return Check.fail(CheckId.EXPIRY, "The token was revoked.", "Create a new token at "
                        + tokenSettingsUrl() + " and update the credential " + credentialName() + ".");
            }
            if (Boolean.FALSE.equals(token.isActive())) {
                Check dated = ExpiryRule.evaluate(expiresAt, expiresAt == null, HOST, clock);
                return dated.status() == io.jenkins.plugins.gitproviders.core.client.CheckStatus.FAIL ? dated
                        : Check.fail(CheckId.EXPIRY, "The token is inactive (revoked or expired).",
                                "Create a new token at " + tokenSettingsUrl() + " and update the credential "
                                        + credentialName() + ".");
            }
            return ExpiryRule.evaluate(expiresAt, expiresAt == null, HOST, clock);
        }

        private Check scopeAccess() throws IOException {
            Optional<String> scope = provider.scopeValue();
            if (scope.isEmpty()) {
                try {
                    int count = api().getProjectApi()
                            .getProjects(new ProjectFilter().withMembership(true).withSimple(true), 1, PAGE_SIZE)
                            .size();
                    return Check.pass(CheckId.SCOPE_ACCESS, "No group is set; the token's user is a member of "
                            + counted(count) + " projects.");
                } catch (GitLabApiException e) {
                    return requestFailure(CheckId.SCOPE_ACCESS, "GET /projects", e);
                }
            }
            String path = scope.get();
            if (!provider.type().scopeRule().accepts(path)) {
                return Check.fail(CheckId.SCOPE_ACCESS, "'" + bounded(path, 200) + "' is not a valid GitLab group"
                        + " path.", "Use " + provider.type().scopeRule().rule() + ", for example "
                                + provider.type().scopeRule().example() + ".");
            }
            Group group;
            try {
                group = api().getGroupApi().getGroup(path);
            } catch (GitLabApiException e) {
                if (e.getHttpStatus() == 404) {
                    return Check.fail(CheckId.SCOPE_ACCESS, "GitLab has no group '" + path + "' that this token"
                            + " can see (HTTP 404).",
                            "Check the spelling of the group path as in " + webUrl() + "/<group> (subgroups as"
                                    + " group/subgroup). GitLab also answers 404 for a private group the token's"
                                    + " user is not a member of: add the user to the group, or use an access token"
                                    + " of this group.");
                }
                return requestFailure(CheckId.SCOPE_ACCESS, "GET /groups/" + path, e);
            }
            String hostSpelling = group.getFullPath() == null ? path : group.getFullPath();
            int count;
            try {
                Pager<Project> projects = api().getGroupApi().getProjects(path,
                        new GroupProjectsFilter().withIncludeSubGroups(true).withSimple(true), PAGE_SIZE);
                count = projects.hasNext() ? projects.next().size() : 0;
            } catch (GitLabApiException e) {
                return requestFailure(CheckId.SCOPE_ACCESS, "GET /groups/" + path + "/projects", e);
            }
            if (count == 0) {
                return Check.warn(CheckId.SCOPE_ACCESS, "The group " + hostSpelling + " exists, but the token sees"
                        + " none of its projects.",
                        "Give the token's user at least the Reporter role in the group (enough to read and clone),"
                                + " or use an access token of this group.");
            }
            String seen = "the token sees " + counted(count) + " of its projects (subgroups included)";
            if (!hostSpelling.equals(path)) {
                return Check.warn(CheckId.SCOPE_ACCESS, "GitLab spells the group '" + hostSpelling
                        + "' (configured: '" + path + "'); " + seen + ".",
                        "Change the group field to '" + hostSpelling + "' so that names in Jenkins match the"
                                + " paths on GitLab.");
            }
            return Check.pass(CheckId.SCOPE_ACCESS, "The group " + hostSpelling + " exists; " + seen + ".");
        }

        private void rateLimited(DiagnosisRun run, @CheckForNull String remaining, @CheckForNull String limit,
                @CheckForNull String reset) {
            for (CheckId id : List.of(CheckId.AUTHENTICATION, CheckId.SCOPES, CheckId.EXPIRY,
                    CheckId.SCOPE_ACCESS)) {
                run.add(Check.skipped(id, "Not checked: the rate limit is reached."));
            }
            run.add(rateLimit(remaining, limit, reset, true));
        }

        /** Reads the RateLimit headers of the first answer; no request of its own. */
        private Check rateLimit() {
            return rateLimit(preflight.header("RateLimit-Remaining").orElse(null),
                    preflight.header("RateLimit-Limit").orElse(null),
                    preflight.header("RateLimit-Reset").orElse(null), false);
        }

        private Check rateLimit(@CheckForNull String remainingValue, @CheckForNull String limitValue,
                @CheckForNull String resetValue, boolean refused) {
            Long remaining = number(remainingValue);
            Long limit = number(limitValue);
            Long reset = number(resetValue);
            String resetText = reset == null ? "an unreported time" : TIME.format(Instant.ofEpochSecond(reset));
            String of = limit == null ? "" : " of " + limit;
            if (refused || (remaining != null && remaining == 0)) {
                return Check.fail(CheckId.RATE_LIMIT, "GitLab's rate limit is reached"
                        + (remaining == null ? "" : ": " + remaining + of + " requests left")
                        + "; it resets at " + resetText + ".",
                        "Wait until " + resetText + "; Jenkins does not retry in a loop. If this happens often,"
                                + " scan this provider less often or ask the GitLab administrators about the"
                                + " limits for the token's user.");
            }
            if (remaining == null) {
                return Check.pass(CheckId.RATE_LIMIT, "GitLab did not report a rate limit (self-managed GitLab sends"
                        + " RateLimit headers only when its rate limits are enabled).");
            }
            if (limit != null && remaining * 10 < limit) {
                return Check.warn(CheckId.RATE_LIMIT, "Only " + remaining + of + " requests are left; the limit"
                        + " resets at " + resetText + ".",
                        "Something else is using up this limit: use a separate token for Jenkins or scan less"
                                + " often.");
            }
            return Check.pass(CheckId.RATE_LIMIT, remaining + of + " requests left; the limit resets at "
                    + resetText + ".");
        }

        List<RepositorySummary> list(String query, int limit) throws HostClientException {
            Optional<String> addressProblem = addressProblem();
            if (addressProblem.isPresent()) {
                throw new HostClientException(Network.redact(addressProblem.get() + " " + serverUrlFix(), secret));
            }
            Optional<String> scope = provider.scopeValue();
            if (scope.isPresent() && !provider.type().scopeRule().accepts(scope.get())) {
                throw new HostClientException("'" + Network.redact(bounded(scope.get(), 200), secret)
                        + "' is not a valid GitLab group path.");
            }
            try {
                Preflight first = preflight();
                if (first.status() >= 300 && first.status() < 400) {
                    throw new HostClientException(Network.redact(redirect(first.header("Location").orElse(null),
                            first.status(), "GET /version").message(), secret));
                }
                if (first.status() == 401) {
                    throw new HostClientException("GitLab rejected the token (HTTP 401 Unauthorized). Create a new"
                            + " token and update the credential " + credentialName() + ".");
                }
                Pager<Project> pages;
                if (scope.isPresent()) {
                    GroupProjectsFilter filter = new GroupProjectsFilter().withIncludeSubGroups(true)
                            .withSimple(true);
                    if (!query.isEmpty()) {
                        filter.withSearch(query);
                    }
                    pages = api().getGroupApi().getProjects(scope.get(), filter, Math.min(PAGE_SIZE, limit));
                } else {
                    ProjectFilter filter = new ProjectFilter().withMembership(true).withSimple(true);
                    if (!query.isEmpty()) {
                        filter.withSearch(query);
                    }
                    pages = api().getProjectApi().getProjects(filter, Math.min(PAGE_SIZE, limit));
                }
                List<RepositorySummary> found = new ArrayList<>();
                String needle = query.toLowerCase(Locale.ROOT);
                // The pager holds the first page already; next() hands it out, then fetches the following ones.
                int pagesRead = 0;
                while (pages.hasNext() && found.size() < limit && pagesRead * PAGE_SIZE < MAX_LISTED
                        && !budget.remaining().isZero()) {
                    if (pagesRead > 0) {
                        api();
                    }
                    List<Project> page = pages.next();
                    pagesRead++;
                    for (Project project : page) {
                        // GitLab's search also matches descriptions and paths; keep names only.
                        if (found.size() < limit && project.getName().toLowerCase(Locale.ROOT).contains(needle)) {
                            found.add(summary(project));
                        }
                    }
                    if (page.isEmpty()) {
                        break;
                    }
                }
                return found;
            } catch (GitLabApiException e) {
                throw new HostClientException(Network.redact(listFailure(e), secret));
            } catch (IOException | RuntimeException e) {
                // Pager.next() wraps failures in an unchecked exception; the budget check throws an IOException.
                throw new HostClientException(Network.redact(
                        Network.describeFailure(e, HOST, apiUrl, settings, secret)[0], secret));
            }
        }

        private String listFailure(GitLabApiException e) {
            int status = e.getHttpStatus();
            if (status == 401) {
                return "GitLab rejected the token (HTTP 401 Unauthorized). Create a new token and update the"
                        + " credential " + credentialName() + ".";
            }
            if (status == 404) {
                return "GitLab has no group '" + provider.scopeValue().orElse("") + "' that this token can see"
                        + " (HTTP 404).";
            }
            return requestFailure(CheckId.SCOPE_ACCESS, "the project list", e).message();
        }

        /** Describes a failed library call: no answer, a redirect, an answer that is no GitLab API, or an error. */
        private Check requestFailure(CheckId id, String what, GitLabApiException e) {
            int status = e.getHttpStatus();
            if (status == 0) {
                String[] described = Network.describeFailure(e, HOST, apiUrl, settings, secret);
                return Check.fail(id, described[0], described[1]);
            }
            if (status >= 300 && status < 400) {
                Check redirect = redirect(header(e.getHeaders(), "Location"), status, what);
                return new Check(id, redirect.status(), redirect.message(), redirect.fix());
            }
            if (status == 404 && id == CheckId.REACHABILITY) {
                return Check.fail(id, apiUrl + " does not answer like a GitLab API: " + what + " gave HTTP 404.",
                        serverUrlFix());
            }
            if (status == 429) {
                return Check.fail(id, "GitLab's rate limit is reached (HTTP 429).",
                        "Wait a few minutes; Jenkins does not retry in a loop.");
            }
            return Check.fail(id, "GitLab answered " + what + " with " + StatusWords.answer(status) + ".",
                    status >= 500 ? "GitLab has a problem; try again later or ask its administrators."
                            : "Check the token's scopes and the user's role in the group.");
        }

        private Check redirect(@CheckForNull String location, int status, String what) {
            String target = location == null ? "another address" : originOf(location);
            return Check.fail(CheckId.REACHABILITY, apiUrl + " answered " + what + " with a redirect ("
                    + StatusWords.shown(status) + ") to " + target + "; it was not followed, so the token was not sent"
                    + " there.",
                    "Use the address the host redirects to as the server URL only if it is really your GitLab"
                            + " (for example after a move to HTTPS); a redirect to a sign-in page means the"
                            + " address is not the API. " + serverUrlFix());
        }

        private Optional<String> addressProblem() {
            if (apiUrl.isEmpty()) {
                return Optional.of("No server URL is set, so there is no GitLab API address to ask.");
            }
            try {
                URI uri = new URI(apiUrl);
                if (uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme())
                        || "http".equalsIgnoreCase(uri.getScheme()))) {
                    return Optional.of("The API address " + apiUrl + " is not an http(s) address with a host.");
                }
            } catch (URISyntaxException e) {
                return Optional.of("The API address " + apiUrl + " is not a valid address: " + e.getReason() + ".");
            }
            if (!apiUrl.endsWith(API_PATH)) {
                return Optional.of("The API address " + apiUrl + " does not end in " + API_PATH
                        + ", where GitLab serves its REST API.");
            }
            return Optional.empty();
        }

        private String serverUrlFix() {
            if (apiUrl.contains(API_PATH + API_PATH)) {
                return "The server URL already ends in /api/v4: enter the web address of GitLab (for example"
                        + " https://gitlab.example.com); the plugin adds /api/v4 itself.";
            }
            if (provider.type() == ProviderType.GITLAB_SELF_MANAGED) {
                return "Enter the web address of your GitLab as you open it in a browser (for example"
                        + " https://gitlab.example.com, or https://example.com/gitlab when it runs under a path),"
                        + " without /api/v4 and without a group; set an API URL only when the API is served"
                        + " elsewhere. For gitlab.com use the GitLab.com provider type.";
            }
            return "Remove the API URL override or correct it: the GitLab.com API is https://gitlab.com/api/v4.";
        }

        private String webUrl() {
            return provider.effectiveServerUrl().orElse("https://gitlab.com");
        }

        private String tokenSettingsUrl() {
            return webUrl() + "/-/user_settings/personal_access_tokens";
        }

        private String credentialName() {
            return provider.credentialsId() == null ? "of this provider" : "'" + provider.credentialsId() + "'";
        }
    }

    /**
     * The first answer of a host, taken by the JDK client.
     *
     * @param status  the HTTP status, 0 before any request
     * @param headers the response headers
     * @param body    the body, bounded
     */
    private record Preflight(int status, java.net.http.HttpHeaders headers, byte[] body) {
        static final Preflight NONE = new Preflight(0, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true),
                new byte[0]);

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        Optional<JsonNode> json() {
            try {
                return Optional.of(JSON.readTree(body));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    private static RepositorySummary summary(Project project) {
        return new RepositorySummary(project.getPathWithNamespace(), project.getHttpUrlToRepo(),
                project.getSshUrlToRepo(), project.getWebUrl(), project.getDefaultBranch(),
                project.getVisibility() != null && !"public".equalsIgnoreCase(project.getVisibility().toString()));
    }

    @CheckForNull
    private static String header(@CheckForNull MultivaluedMap<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    private static String originOf(String location) {
        try {
            URI uri = new URI(location.trim());
            return uri.getHost() == null ? "another path on the same host" : Network.origin(uri);
        } catch (URISyntaxException e) {
            return "an invalid address";
        }
    }

    @CheckForNull
    private static Long number(@CheckForNull String value) {
        try {
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String counted(int firstPage) {
        return firstPage >= PAGE_SIZE ? "at least " + firstPage : String.valueOf(firstPage);
    }

    private static String bounded(@CheckForNull String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("[\\r\\n\\t]+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }
}
