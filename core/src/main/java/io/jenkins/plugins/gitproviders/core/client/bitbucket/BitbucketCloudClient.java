package io.jenkins.plugins.gitproviders.core.client.bitbucket;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.jenkins.plugins.gitproviders.core.client.http.ApiResponse;
import io.jenkins.plugins.gitproviders.core.client.http.Authorization;
import io.jenkins.plugins.gitproviders.core.client.http.DiagnosisRun;
import io.jenkins.plugins.gitproviders.core.client.http.HttpGateway;
import io.jenkins.plugins.gitproviders.core.client.http.HttpProblem;
import io.jenkins.plugins.gitproviders.core.client.http.ScopeEvidence;
import io.jenkins.plugins.gitproviders.core.client.http.Session;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.TokenScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Diagnoses and lists repositories of Bitbucket Cloud through {@code https://api.bitbucket.org/2.0}. Credentials:
 * an Atlassian API token goes as HTTP Basic {@code email:token} (the email from the provider or the credential's
 * username), an app password as Basic {@code username:app password}, and a workspace, project or repository access
 * token as Bearer. Bitbucket reports the scopes of access tokens in {@code X-OAuth-Scopes}.
 */
public final class BitbucketCloudClient implements HostClient {
    /** Atlassian API tokens start with this; they authenticate with the account's email, never a username. */
    static final String API_TOKEN_PREFIX = "ATATT";
    private static final String HOST = "Bitbucket Cloud";
    private static final String SCOPE_FIX = "Create an API token with scopes at id.atlassian.com > Security > API"
            + " tokens > Create API token with scopes > Bitbucket, with read:user:bitbucket and"
            + " read:repository:bitbucket (an access token: Account read and Repositories read), and update the"
            + " credential.";
    /** Older scope names that imply the plugin's scopes (app passwords, OAuth consumers, access tokens). */
    private static final Map<String, Set<String>> IMPLIED_BY = Map.of(
            "read:user:bitbucket", Set.of("account", "account:write"),
            "read:repository:bitbucket", Set.of("repository", "repository:write", "repository:admin"));
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 20;

    private final HttpGateway gateway;
    private final Clock clock;

    public BitbucketCloudClient(HttpSettings settings, Clock clock) {
        this.gateway = new HttpGateway(settings, clock);
        this.clock = clock;
    }

    /**
     * Chooses the authentication: Basic with the credential's username, Basic with the provider's email for a
     * secret text when an email is configured, Bearer otherwise (access tokens).
     */
    static Authorization authorization(ProviderSpec provider, ApiCredential credential) {
        if (credential.form() == ApiCredential.CredentialForm.USERNAME_PASSWORD) {
            return Authorization.basic(credential.username().orElse(""), credential.secret());
        }
        if (provider.email() != null) {
            return Authorization.basic(provider.email(), credential.secret());
        }
        return Authorization.bearer(credential.secret());
    }

    @Override
    public Diagnosis diagnose(ProviderSpec provider, ApiCredential credential) {
        Authorization auth = authorization(provider, credential);
        DiagnosisRun run = new DiagnosisRun(provider.name(), clock).scrubbing(auth);
        String api = provider.effectiveApiUrl().orElseThrow();
        boolean apiToken = credential.secret().startsWith(API_TOKEN_PREFIX);
        String user = credential.username().orElse(provider.email());
        if (apiToken && (user == null || !user.contains("@"))) {
            // Sending would only earn a 401; say what is missing instead.
            return run.add(Check.pass(CheckId.REACHABILITY, "Not contacted: the credential cannot work as"
                    + " configured."))
                    .add(Check.fail(CheckId.AUTHENTICATION, "Missing Bitbucket email: the credential is an Atlassian"
                            + " API token, which authenticates with your Atlassian account email"
                            + (user == null ? "" : ", not the username '" + user + "'") + ".",
                            "Enter your Atlassian account email in the provider's Email field (or use a"
                                    + " username/password credential with the email as username and the API token"
                                    + " as password)."))
                    .finish();
        }
        ScopeEvidence evidence = new ScopeEvidence();
        try {
            Session session = gateway.open(api, auth);
            if (credential.isEmpty()) {
                return run.add(Check.fail(CheckId.AUTHENTICATION, "The credential's token is empty.",
                        "Put the API token into the Jenkins credential.")).finish();
            }
            ApiResponse me = session.get("/user");
            run.add(Check.pass(CheckId.REACHABILITY, session.host() + " answered (" + StatusWords.shown(me.status())
                    + ")."));
            if (!authentication(run, session, me, provider, credential, apiToken, evidence)) {
                return run.finish();
            }
            Set<String> granted = grantedScopes(me);
            run.add(scopeCheck(granted, evidence, provider));
            run.add(ExpiryRule.evaluate(null, false, HOST, clock));
            scopeAccess(run, session, provider, evidence);
            run.add(scopeCheck(granted, evidence, provider));
            run.add(DiagnosisRun.rateLimitCheck(session, HOST));
        } catch (HttpProblem problem) {
            run.fail(problem);
        }
        return run.finish();
    }

    private static boolean authentication(DiagnosisRun run, Session session, ApiResponse me, ProviderSpec provider,
            ApiCredential credential, boolean apiToken, ScopeEvidence evidence) throws HttpProblem {
        String user = credential.username().orElse(provider.email());
        if (me.status() == 401) {
            String message;
            String fix;
            if (session.authorization().scheme().equals("Bearer")) {
                message = "Bitbucket rejected the access token (HTTP 401): it is wrong, revoked or expired; if it"
                        + " is an Atlassian API token, the email is missing (missing Bitbucket email).";
                fix = "For an API token, enter your Atlassian account email in the provider's Email field; for a"
                        + " workspace, project or repository access token, create a new one and update the"
                        + " credential.";
            } else if (user != null && user.contains("@")) {
                message = "Bitbucket rejected the email '" + user + "' with this API token (HTTP 401): the token is"
                        + " wrong, revoked or expired, or the email is not the token owner's Atlassian account"
                        + " email.";
                fix = "Check the email (Atlassian account email of the token's owner) and create a new API token"
                        + " with scopes at id.atlassian.com > Security > API tokens.";
            } else {
                message = "Bitbucket rejected the username '" + user + "' with this app password (HTTP 401):"
                        + " wrong username (use the Bitbucket username from Personal settings, not the email),"
                        + " or the app password was revoked.";
                fix = "Check the username, or better, replace the app password (deprecated by Atlassian) with an"
                        + " API token and enter your Atlassian email.";
            }
            run.add(Check.fail(CheckId.AUTHENTICATION, message, fix));
            return false;
        }
        if (me.status() == 403) {
            // Access tokens and tokens without the account scope cannot read /user; the token itself is valid.
            evidence.missing("read:user:bitbucket", "GET /user");
            run.add(Check.warn(CheckId.AUTHENTICATION, "The token is valid but may not read its owner (HTTP 403).",
                    SCOPE_FIX));
            return true;
        }
        if (!me.isSuccess()) {
            run.add(Check.fail(CheckId.AUTHENTICATION, "Bitbucket answered /2.0/user with "
                    + StatusWords.answer(me.status()) + ".", "Try again later; check"
                    + " https://bitbucket.status.atlassian.com."));
            return false;
        }
        evidence.confirmed("read:user:bitbucket");
        JsonNode body = me.requireJson(HOST);
        String username = body.path("username").asText(body.path("nickname").asText(""));
        String name = body.path("display_name").asText("");
        run.owner(username.isEmpty() ? name : username);
        String who = name.isEmpty() ? username : name + " (" + username + ")";
        if (user != null && !user.contains("@") && !user.equalsIgnoreCase(username)) {
            run.add(Check.warn(CheckId.AUTHENTICATION, "The credential belongs to " + who + ", but the username"
                    + " is '" + user + "' (wrong username).", "Use '" + username + "' as the username."));
            return true;
        }
        if (provider.username() != null && !provider.username().equalsIgnoreCase(username)) {
            run.add(Check.warn(CheckId.AUTHENTICATION, "The credential belongs to " + who + ", but the provider's"
                    + " username is '" + provider.username() + "' (wrong username).",
                    "Set the provider's username to '" + username + "'."));
            return true;
        }
        String email = user != null && user.contains("@") ? user : provider.email();
        if (email != null) {
            ApiResponse emails = session.get("/user/emails");
            if (emails.isSuccess() && !hasEmail(emails.requireJson(HOST), email)) {
                run.add(Check.warn(CheckId.AUTHENTICATION, "The credential belongs to " + who + ", whose"
                        + " addresses do not include '" + email + "' (email does not match).",
                        "Enter the Atlassian account email of " + who + "."));
                return true;
            }
        }
        run.add(Check.pass(CheckId.AUTHENTICATION, "The credential belongs to " + who
                + (apiToken ? " (Atlassian API token)." : ".")));
        return true;
    }

    private static boolean hasEmail(JsonNode emails, String email) {
        // The API spells the list "values"; some recordings "Values".
        JsonNode values = emails.has("values") ? emails.get("values") : emails.path("Values");
        for (JsonNode entry : values) {
            if (email.equalsIgnoreCase(entry.path("email").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> grantedScopes(ApiResponse response) {
        Set<String> granted = new LinkedHashSet<>();
        response.header("X-OAuth-Scopes").ifPresent(header -> {
            for (String scope : header.split("[,\\s]+")) {
                if (!scope.isBlank()) {
                    granted.add(scope.trim());
                }
            }
        });
        return granted;
    }

    private static Check scopeCheck(Set<String> granted, ScopeEvidence evidence, ProviderSpec provider) {
        if (granted.isEmpty() || evidence.hasMissing()) {
            return evidence.toCheck(provider.type().tokenScopesFor(provider.statusReporting()), HOST,
                    "Bitbucket reports scopes only for access tokens (X-OAuth-Scopes), not for API tokens or app"
                            + " passwords", SCOPE_FIX);
        }
        List<String> missing = new ArrayList<>();
        for (TokenScope scope : provider.type().tokenScopesFor(provider.statusReporting())) {
            if (!granted.contains(scope.name())
                    && IMPLIED_BY.getOrDefault(scope.name(), Set.of()).stream().noneMatch(granted::contains)) {
                missing.add(scope.name() + " (" + scope.purpose() + ")");
            }
        }
        if (missing.isEmpty()) {
            return Check.pass(CheckId.SCOPES, "The token has the scopes " + String.join(", ", granted) + ".");
        }
        return Check.fail(CheckId.SCOPES, "The token has " + String.join(", ", granted) + " but lacks "
                + String.join("; ", missing) + ".", SCOPE_FIX);
    }

    /**
     * Checks the workspace through its repository list only, which needs nothing beyond Repositories read: the
     * workspace endpoints would need a workspace scope the plugin has no other use for.
     */
    private static void scopeAccess(DiagnosisRun run, Session session, ProviderSpec provider,
            ScopeEvidence evidence) throws HttpProblem {
        String workspace = provider.scope();
        if (workspace == null) {
            ApiResponse mine = session.get("/repositories?role=member&pagelen=" + PAGE);
            if (!mine.isSuccess()) {
                evidence.missing("read:repository:bitbucket", "the repository list");
                run.add(Check.fail(CheckId.SCOPE_ACCESS, "No workspace configured, and the token cannot list the"
                        + " repositories it is a member of (" + StatusWords.shown(mine.status()) + ").", SCOPE_FIX));
                return;
            }
            evidence.confirmed("read:repository:bitbucket");
            run.add(Check.pass(CheckId.SCOPE_ACCESS, "No workspace configured; the token sees "
                    + repositories(mine.requireJson(HOST)) + "."));
            return;
        }
        ApiResponse repos = session.get("/repositories/" + Session.segment(workspace) + "?pagelen=" + PAGE);
        if (repos.status() == 404) {
            run.add(Check.fail(CheckId.SCOPE_ACCESS, "Bitbucket has no workspace '" + workspace + "' (HTTP 404):"
                    + " misspelled workspace? The workspace ID is the part after bitbucket.org/ in its address,"
                    + " not its display name.", "Copy the workspace ID from https://bitbucket.org/<workspace>/."));
            return;
        }
        if (!repos.isSuccess()) {
            evidence.missing("read:repository:bitbucket", "the repository list");
            run.add(Check.fail(CheckId.SCOPE_ACCESS, "The token cannot list the repositories of the workspace '"
                    + workspace + "' (" + StatusWords.shown(repos.status()) + "): it lacks Repositories read, its"
                    + " owner is not a member of the workspace, or the access token belongs to another workspace.",
                    SCOPE_FIX));
            return;
        }
        evidence.confirmed("read:repository:bitbucket");
        JsonNode page = repos.requireJson(HOST);
        String slug = workspaceOf(page).orElse(workspace);
        if (!slug.equals(workspace)) {
            run.add(Check.warn(CheckId.SCOPE_ACCESS, "Bitbucket spells the workspace '" + slug + "', not '"
                    + workspace + "'; the token sees " + repositories(page) + ".", "Write the workspace ID as '"
                    + slug + "'."));
        } else {
            run.add(Check.pass(CheckId.SCOPE_ACCESS, "The workspace '" + slug + "' exists and the token sees "
                    + repositories(page) + "."));
        }
    }

    /** Returns the workspace as Bitbucket spells it in the repositories' full names, when it is a workspace ID. */
    private static java.util.Optional<String> workspaceOf(JsonNode page) {
        for (JsonNode repo : page.path("values")) {
            String fullName = repo.path("full_name").asText("");
            int slash = fullName.indexOf('/');
            if (slash > 0 && fullName.substring(0, slash).matches("[a-z0-9][a-z0-9_-]{0,61}")) {
                return java.util.Optional.of(fullName.substring(0, slash));
            }
        }
        return java.util.Optional.empty();
    }

    private static String repositories(JsonNode page) {
        int count = page.path("values").size();
        if (page.path("size").isInt()) {
            int size = page.get("size").asInt();
            return size + (size == 1 ? " repository" : " repositories") + " in all, " + count + " on the first page";
        }
        return count + (count == 1 ? " repository" : " repositories") + " on the first page";
    }

    @Override
    public List<RepositorySummary> listRepositories(ProviderSpec provider, ApiCredential credential, String query,
            int limit) throws HostClientException {
        Authorization auth = authorization(provider, credential);
        Session session = gateway.open(provider.effectiveApiUrl().orElseThrow(), auth);
        String filter = query.isBlank() ? "" : "&q=" + Session.query("name ~ \"" + query.replace("\"", "") + "\"");
        String path = (provider.scope() == null ? "/repositories?role=member&pagelen=" + PAGE
                : "/repositories/" + Session.segment(provider.scope()) + "?pagelen=" + PAGE) + filter;
        List<RepositorySummary> result = new ArrayList<>();
        ApiResponse response = session.get(path);
        for (int page = 0; page < MAX_PAGES && result.size() < limit; page++) {
            if (!response.isSuccess()) {
                throw new HostClientException(auth.scrub("Bitbucket answered " + response.uri().getPath()
                        + " with " + StatusWords.answer(response.status()) + "."));
            }
            JsonNode body = response.requireJson(HOST);
            for (JsonNode repo : body.path("values")) {
                if (result.size() < limit) {
                    result.add(new RepositorySummary(repo.path("full_name").asText(), link(repo, "https"),
                            link(repo, "ssh"), repo.path("links").path("html").path("href").asText(null),
                            repo.path("mainbranch").path("name").asText(null), repo.path("is_private")
                                    .asBoolean(true)));
                }
            }
            String next = body.path("next").asText("");
            if (next.isEmpty() || result.size() >= limit) {
                break;
            }
            response = session.getAbsolute(next);
        }
        return result;
    }

    @CheckForNull
    private static String link(JsonNode repo, String name) {
        for (JsonNode clone : repo.path("links").path("clone")) {
            if (name.equals(clone.path("name").asText().toLowerCase(Locale.ROOT))) {
                return clone.path("href").asText();
            }
        }
        return name.equals("https") ? "" : null;
    }
}
