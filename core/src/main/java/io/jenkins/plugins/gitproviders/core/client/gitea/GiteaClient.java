package io.jenkins.plugins.gitproviders.core.client.gitea;

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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Diagnoses and lists repositories of a Gitea or Forgejo server through its REST API {@code /api/v1}: the version
 * from {@code /version}, the owner from {@code /user}, the organization (or user) from {@code /orgs/{name}}
 * (or {@code /users/{name}}). Gitea does not list a token's scopes, but names the missing one in a 403 answer.
 */
public final class GiteaClient implements HostClient {
    private static final String SCOPE_FIX = "Create a new token under Settings > Applications > Access tokens on the"
            + " server with the scopes read:repository, read:user and read:organization, and"
            + " update the credential (Gitea does not let you change the scopes of an existing token).";
    private static final int PAGE = 50;
    private static final int MAX_PAGES = 20;

    private final HttpGateway gateway;
    private final Clock clock;

    public GiteaClient(HttpSettings settings, Clock clock) {
        this.gateway = new HttpGateway(settings, clock);
        this.clock = clock;
    }

    /** A secret text is sent as {@code Authorization: token ...}; a username/password as HTTP Basic. */
    static Authorization authorization(ApiCredential credential) {
        return credential.form() == ApiCredential.CredentialForm.TOKEN
                ? Authorization.token(credential.secret())
                : Authorization.basic(credential.username().orElse(""), credential.secret());
    }

    @Override
    public Diagnosis diagnose(ProviderSpec provider, ApiCredential credential) {
        Authorization auth = authorization(credential);
        DiagnosisRun run = new DiagnosisRun(provider.name(), clock).scrubbing(auth);
        String api = provider.effectiveApiUrl().orElse(null);
        if (api == null) {
            return run.add(Check.fail(CheckId.REACHABILITY, "No server URL is configured.",
                    "Enter the address of the Gitea or Forgejo server, for example https://gitea.example.com."))
                    .finish();
        }
        ScopeEvidence scopes = new ScopeEvidence();
        try {
            Session session = gateway.open(api, auth);
            if (!reachability(run, session)) {
                return run.finish();
            }
            if (credential.isEmpty()) {
                return run.add(Check.fail(CheckId.AUTHENTICATION, "The credential's token is empty.",
                        "Put the access token into the Jenkins credential.")).finish();
            }
            if (!authentication(run, session, credential, provider, scopes)) {
                return run.finish();
            }
            run.add(scopeCheck(scopes, provider));
            run.add(ExpiryRule.evaluate(null, false, "Gitea", clock));
            scopeAccess(run, session, provider, scopes);
            run.add(scopeCheck(scopes, provider));
            run.add(DiagnosisRun.rateLimitCheck(session, "Gitea"));
        } catch (HttpProblem problem) {
            run.fail(problem);
        }
        return run.finish();
    }

    private static Check scopeCheck(ScopeEvidence scopes, ProviderSpec provider) {
        return scopes.toCheck(provider.type().tokenScopesFor(provider.statusReporting()), "Gitea",
                "Gitea does not tell a token its scopes, and testing write access would change data", SCOPE_FIX);
    }

    private static boolean reachability(DiagnosisRun run, Session session) throws HttpProblem {
        ApiResponse version = session.get("/version");
        if (!version.isSuccess()) {
            run.add(Check.fail(CheckId.REACHABILITY, session.host() + " answered /api/v1/version with "
                    + StatusWords.answer(version.status()) + "; no Gitea or Forgejo API there.",
                    "Check the server URL; for an installation below a path, include it"
                            + " (https://host/gitea)."));
            return false;
        }
        String reported = version.requireJson("Gitea").path("version").asText("");
        String product = reported.toLowerCase(Locale.ROOT).contains("gitea-")
                || reported.toLowerCase(Locale.ROOT).contains("forgejo") ? "Forgejo" : "Gitea";
        String number = StatusWords.version(reported);
        run.add(Check.pass(CheckId.REACHABILITY, session.host() + " answered: " + product
                + (number.isEmpty() ? " (version not reported)" : " " + number) + "."));
        return true;
    }

    private static boolean authentication(DiagnosisRun run, Session session, ApiCredential credential,
            ProviderSpec provider, ScopeEvidence scopes) throws HttpProblem {
        ApiResponse user = session.get("/user");
        if (user.status() == 401) {
            run.add(Check.fail(CheckId.AUTHENTICATION, "Gitea rejected the token (HTTP 401): it is wrong, was"
                    + " deleted, or was created on another server.",
                    "Create an access token under Settings > Applications on " + session.host()
                            + " and update the credential."));
            return false;
        }
        if (user.status() == 403) {
            List<String> named = ScopeEvidence.namedScopes(user.errorMessage().orElse(""));
            if (!named.isEmpty()) {
                named.forEach(scope -> scopes.missing(scope, "GET /user"));
                run.add(Check.warn(CheckId.AUTHENTICATION, "The token is valid but may not read its owner: it"
                        + " lacks " + String.join(", ", named) + ".", SCOPE_FIX));
                return true;
            }
        }
        if (!user.isSuccess()) {
            run.add(Check.fail(CheckId.AUTHENTICATION, "Gitea answered /api/v1/user with "
                    + StatusWords.answer(user.status()) + ".",
                    "Check the token and the server's logs."));
            return false;
        }
        scopes.confirmed("read:user");
        JsonNode body = user.requireJson("Gitea");
        String login = body.path("login").asText(body.path("username").asText(""));
        String fullName = body.path("full_name").asText("");
        run.owner(login);
        String who = fullName.isBlank() ? login : fullName + " (" + login + ")";
        String expected = credential.username().orElse(provider.username());
        if (expected != null && !expected.equalsIgnoreCase(login)) {
            run.add(Check.warn(CheckId.AUTHENTICATION, "The token belongs to " + who + ", but the configured"
                    + " username is '" + expected + "' (wrong username).",
                    "Use '" + login + "' as the username, or a token of the account '" + expected + "'."));
        } else {
            run.add(Check.pass(CheckId.AUTHENTICATION, "The token belongs to " + who + "."));
        }
        return true;
    }

    private static void scopeAccess(DiagnosisRun run, Session session, ProviderSpec provider,
            ScopeEvidence scopes) throws HttpProblem {
        String scope = provider.scope();
        String reposPath;
        String found = null;
        String kind = "";
        if (scope == null) {
            reposPath = "/user/repos?limit=" + PAGE;
        } else {
            ApiResponse org = session.get("/orgs/" + Session.segment(scope));
            if (refusedForScope(org, scopes)) {
                run.add(Check.fail(CheckId.SCOPE_ACCESS, "Could not read the organization '" + scope
                        + "': the token lacks a scope.", SCOPE_FIX));
                return;
            }
            if (org.isSuccess()) {
                scopes.confirmed("read:organization");
                found = org.requireJson("Gitea").path("username").asText(
                        org.requireJson("Gitea").path("name").asText(scope));
                kind = "organization";
                reposPath = "/orgs/" + Session.segment(found) + "/repos?limit=" + PAGE;
            } else {
                ApiResponse user = session.get("/users/" + Session.segment(scope));
                if (!user.isSuccess()) {
                    run.add(Check.fail(CheckId.SCOPE_ACCESS, "There is no organization or user '" + scope + "' on "
                            + session.host() + " that the token can see (" + StatusWords.shown(org.status())
                            + "); the name may"
                            + " be misspelled, or the token's owner is not a member of a private organization.",
                            "Check the spelling against the address https://" + session.host() + "/<name>, and"
                                    + " that the token's owner can see it."));
                    return;
                }
                found = user.requireJson("Gitea").path("login").asText(scope);
                kind = "user";
                reposPath = "/users/" + Session.segment(found) + "/repos?limit=" + PAGE;
            }
        }
        ApiResponse repos = session.get(reposPath);
        if (refusedForScope(repos, scopes) || !repos.isSuccess()) {
            run.add(Check.fail(CheckId.SCOPE_ACCESS, "Could not list repositories: Gitea answered with "
                    + StatusWords.answer(repos.status()) + ".", SCOPE_FIX));
            return;
        }
        scopes.confirmed("read:repository");
        int count = repos.requireJson("Gitea").size();
        String total = repos.header("X-Total-Count").filter(t -> t.matches("[0-9]{1,9}"))
                .map(t -> t + " repositories in all, ").orElse("");
        String repoText = total + count + (count == 1 ? " repository" : " repositories") + " on the first page";
        if (scope == null) {
            run.add(Check.pass(CheckId.SCOPE_ACCESS, "No organization configured; the token sees " + repoText
                    + "."));
        } else if (!scope.equals(found)) {
            run.add(Check.warn(CheckId.SCOPE_ACCESS, "Gitea spells the " + kind + " '" + found + "', not '"
                    + scope + "'; the token sees " + repoText + ".",
                    "Write the name as '" + found + "' so that repository addresses and webhooks match."));
        } else {
            run.add(Check.pass(CheckId.SCOPE_ACCESS, "The " + kind + " '" + found + "' exists and the token sees "
                    + repoText + "."));
        }
    }

    private static boolean refusedForScope(ApiResponse response, ScopeEvidence scopes) {
        if (response.status() != 403) {
            return false;
        }
        String message = response.errorMessage().orElse("");
        List<String> named = ScopeEvidence.namedScopes(message);
        named.forEach(scope -> scopes.missing(scope, response.uri().getPath()));
        return !named.isEmpty();
    }

    @Override
    public List<RepositorySummary> listRepositories(ProviderSpec provider, ApiCredential credential, String query,
            int limit) throws HostClientException {
        Authorization auth = authorization(credential);
        String api = provider.effectiveApiUrl().orElseThrow(() ->
                new HostClientException("No server URL is configured for provider '" + provider.name() + "'."));
        Session session = gateway.open(api, auth);
        String base;
        if (provider.scope() == null) {
            base = "/user/repos";
        } else {
            base = "/orgs/" + Session.segment(provider.scope()) + "/repos";
            if (session.get(base + "?limit=1").status() == 404) {
                base = "/users/" + Session.segment(provider.scope()) + "/repos";
            }
        }
        String needle = query.toLowerCase(Locale.ROOT);
        List<RepositorySummary> result = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES && result.size() < limit; page++) {
            ApiResponse response = session.get(base + "?limit=" + PAGE + "&page=" + page);
            if (!response.isSuccess()) {
                throw new HostClientException(auth.scrub("Gitea answered " + response.uri().getPath() + " with "
                        + StatusWords.answer(response.status()) + "."));
            }
            JsonNode items = response.requireJson("Gitea");
            for (JsonNode repo : items) {
                String fullName = repo.path("full_name").asText("");
                if (fullName.toLowerCase(Locale.ROOT).contains(needle) && result.size() < limit) {
                    result.add(new RepositorySummary(fullName, repo.path("clone_url").asText(""),
                            text(repo, "ssh_url"), text(repo, "html_url"), text(repo, "default_branch"),
                            repo.path("private").asBoolean(false)));
                }
            }
            if (items.size() < PAGE) {
                break;
            }
        }
        return result;
    }

    @CheckForNull
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
