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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Diagnoses and lists repositories of Bitbucket Server / Data Center through {@code /rest/api/1.0}: product and
 * version from {@code /application-properties}, the owner from {@code /plugins/servlet/applinks/whoami} and
 * {@code /users/{slug}}, the project from {@code /projects/{key}}. HTTP access tokens go as Bearer, a
 * username/password (or username/token) as HTTP Basic.
 */
public final class BitbucketDataCenterClient implements HostClient {
    private static final String API_SUFFIX = "/rest/api/1.0";
    private static final String SCOPE_FIX = "Create an HTTP access token (Profile picture > Manage account > HTTP"
            + " access tokens, or in the project's settings) with Repository read, and update the credential.";
    /** A Bitbucket user slug or name as whoami tells it; any other text of an answer is not taken for one. */
    private static final Pattern USER_SLUG = Pattern.compile("[\\p{L}\\p{N}._@+~-]{1,255}");
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 20;

    private final HttpGateway gateway;
    private final Clock clock;

    public BitbucketDataCenterClient(HttpSettings settings, Clock clock) {
        this.gateway = new HttpGateway(settings, clock);
        this.clock = clock;
    }

    static Authorization authorization(ApiCredential credential) {
        return credential.form() == ApiCredential.CredentialForm.TOKEN
                ? Authorization.bearer(credential.secret())
                : Authorization.basic(credential.username().orElse(""), credential.secret());
    }

    @Override
    public Diagnosis diagnose(ProviderSpec provider, ApiCredential credential) {
        Authorization auth = authorization(credential);
        DiagnosisRun run = new DiagnosisRun(provider.name(), clock).scrubbing(auth);
        String api = provider.effectiveApiUrl().orElse(null);
        if (api == null) {
            return run.add(Check.fail(CheckId.REACHABILITY, "No server URL is configured.",
                    "Enter the address of the Bitbucket server, for example https://bitbucket.example.com."))
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
                        "Put the HTTP access token into the Jenkins credential.")).finish();
            }
            if (!authentication(run, session, api, credential, provider)) {
                return run.finish();
            }
            run.add(scopeCheck(scopes, provider));
            run.add(ExpiryRule.evaluate(null, false, "Bitbucket Data Center", clock));
            scopeAccess(run, session, provider, scopes);
            run.add(scopeCheck(scopes, provider));
            run.add(DiagnosisRun.rateLimitCheck(session, "Bitbucket Data Center"));
        } catch (HttpProblem problem) {
            run.fail(problem);
        }
        return run.finish();
    }

    private static Check scopeCheck(ScopeEvidence scopes, ProviderSpec provider) {
        return scopes.toCheck(provider.type().tokenScopesFor(provider.statusReporting()), "Bitbucket",
                "Bitbucket does not tell a token its permissions, and testing admin access would change data",
                SCOPE_FIX);
    }

    private static boolean reachability(DiagnosisRun run, Session session) throws HttpProblem {
        ApiResponse properties = session.get("/application-properties");
        if (properties.status() == 404 || !properties.isSuccess() && properties.status() != 401) {
            run.add(Check.fail(CheckId.REACHABILITY, session.host() + " answered " + API_SUFFIX
                    + "/application-properties with " + StatusWords.answer(properties.status())
                    + "; no Bitbucket REST API there.",
                    "Check the server URL: it is the address of the Bitbucket web interface, including a context"
                            + " path if there is one (https://host/bitbucket)."));
            return false;
        }
        if (properties.status() == 401) {
            // Some servers hide even this from a rejected credential; the host answered, which is what matters.
            run.add(Check.pass(CheckId.REACHABILITY, session.host() + " answered (version hidden from this"
                    + " credential)."));
            return true;
        }
        JsonNode body = properties.requireJson("Bitbucket Data Center");
        // Only a version and build number are shown, each when it looks like one: no free text of the answer.
        String version = StatusWords.version(body.path("version").asText(""));
        String build = body.path("buildNumber").asText("").matches("[0-9]{1,20}") ? body.get("buildNumber").asText()
                : "";
        run.add(Check.pass(CheckId.REACHABILITY, session.host() + " answered: Bitbucket"
                + (version.isEmpty() ? " (version not reported)" : " " + version)
                + (build.isEmpty() ? "" : " (build " + build + ")") + "."));
        return true;
    }

    private static boolean authentication(DiagnosisRun run, Session session, String api,
            ApiCredential credential, ProviderSpec provider) throws HttpProblem {
        String root = api.endsWith(API_SUFFIX) ? api.substring(0, api.length() - API_SUFFIX.length()) : api;
        ApiResponse whoami = session.getAbsolute(root + "/plugins/servlet/applinks/whoami");
        String slug = whoami.isSuccess() ? whoami.text().trim() : "";
        if (!USER_SLUG.matcher(slug).matches()) {
            slug = whoami.header("X-AUSERNAME").filter(name -> USER_SLUG.matcher(name).matches()).orElse("");
        }
        if (whoami.status() == 401 || slug.isEmpty()) {
            String expected = credential.username().orElse(null);
            run.add(Check.fail(CheckId.AUTHENTICATION, "Bitbucket did not accept the credential ("
                    + StatusWords.shown(whoami.status()) + (whoami.status() == 401 ? "" : ", answered as anonymous")
                    + "): the token"
                    + " is wrong, expired or revoked" + (expected == null ? "" : ", or the username '" + expected
                    + "' is not the token's owner (wrong username)") + ".",
                    "Create a new HTTP access token in Bitbucket (Manage account > HTTP access tokens) and update"
                            + " the credential; with a username/password credential, the username is the Bitbucket"
                            + " user name, not the email."));
            return false;
        }
        String display = slug;
        ApiResponse user = session.get("/users/" + Session.segment(slug));
        if (user.isSuccess()) {
            JsonNode body = user.requireJson("Bitbucket Data Center");
            slug = body.path("slug").asText(slug);
            String name = body.path("displayName").asText("");
            display = name.isEmpty() ? slug : name + " (" + slug + ")";
        }
        run.owner(slug);
        String expected = credential.username().orElse(provider.username());
        if (expected != null && !expected.equalsIgnoreCase(slug)
                && !expected.equalsIgnoreCase(user.json().map(j -> j.path("name").asText("")).orElse(""))) {
            run.add(Check.warn(CheckId.AUTHENTICATION, "The credential belongs to " + display + ", but the"
                    + " configured username is '" + expected + "' (wrong username).",
                    "Use '" + slug + "' as the username, or a token of the account '" + expected + "'."));
        } else {
            run.add(Check.pass(CheckId.AUTHENTICATION, "The credential belongs to " + display + "."));
        }
        return true;
    }

    private static void scopeAccess(DiagnosisRun run, Session session, ProviderSpec provider,
            ScopeEvidence scopes) throws HttpProblem {
        String key = provider.scope();
        String reposPath = "/repos?limit=" + PAGE;
        String found = null;
        if (key != null) {
            ApiResponse project = session.get("/projects/" + Session.segment(key));
            if (project.status() == 404) {
                run.add(Check.fail(CheckId.SCOPE_ACCESS, "Bitbucket has no project '" + key + "' the credential"
                        + " can see (HTTP 404).",
                        "Check the project key (the short key in the address /projects/KEY, not the project's"
                                + " name), and that the token's owner has at least read access to it."));
                return;
            }
            if (project.status() == 401 || project.status() == 403) {
                scopes.missing("REPO_READ", "the project " + key);
                run.add(Check.fail(CheckId.SCOPE_ACCESS, "The credential has no access to the project '" + key
                        + "' (" + StatusWords.shown(project.status()) + ").",
                        "Give the token's owner read access to the project, or create the token with Repository"
                                + " read permission."));
                return;
            }
            found = project.requireJson("Bitbucket Data Center").path("key").asText(key);
            reposPath = "/projects/" + Session.segment(found) + "/repos?limit=" + PAGE;
        }
        ApiResponse repos = session.get(reposPath);
        if (!repos.isSuccess()) {
            scopes.missing("REPO_READ", "the repository list");
            run.add(Check.fail(CheckId.SCOPE_ACCESS, "Could not list repositories: Bitbucket answered with "
                    + StatusWords.answer(repos.status()) + ".", SCOPE_FIX));
            return;
        }
        scopes.confirmed("REPO_READ");
        JsonNode page = repos.requireJson("Bitbucket Data Center");
        int count = page.path("values").size();
        String repoText = count + (count == 1 ? " repository" : " repositories") + " on the first page"
                + (page.path("isLastPage").asBoolean(true) ? "" : " (more exist)");
        if (key == null) {
            run.add(Check.pass(CheckId.SCOPE_ACCESS, "No project configured; the credential sees " + repoText
                    + "."));
        } else if (!key.equals(found)) {
            run.add(Check.warn(CheckId.SCOPE_ACCESS, "Bitbucket spells the project key '" + found + "', not '"
                    + key + "'; the credential sees " + repoText + ".",
                    "Write the project key as '" + found + "'."));
        } else {
            run.add(Check.pass(CheckId.SCOPE_ACCESS, "The project '" + found + "' exists and the credential sees "
                    + repoText + "."));
        }
    }

    @Override
    public List<RepositorySummary> listRepositories(ProviderSpec provider, ApiCredential credential, String query,
            int limit) throws HostClientException {
        Authorization auth = authorization(credential);
        String api = provider.effectiveApiUrl().orElseThrow(() ->
                new HostClientException("No server URL is configured for provider '" + provider.name() + "'."));
        Session session = gateway.open(api, auth);
        String base = provider.scope() == null ? "/repos" : "/projects/" + Session.segment(provider.scope())
                + "/repos";
        String needle = query.toLowerCase(Locale.ROOT);
        List<RepositorySummary> result = new ArrayList<>();
        int start = 0;
        for (int page = 0; page < MAX_PAGES && result.size() < limit; page++) {
            ApiResponse response = session.get(base + "?limit=" + PAGE + "&start=" + start);
            if (!response.isSuccess()) {
                throw new HostClientException(auth.scrub("Bitbucket answered " + response.uri().getPath()
                        + " with " + StatusWords.answer(response.status()) + "."));
            }
            JsonNode body = response.requireJson("Bitbucket Data Center");
            for (JsonNode repo : body.path("values")) {
                String fullName = repo.path("project").path("key").asText("") + "/" + repo.path("slug").asText("");
                if (fullName.toLowerCase(Locale.ROOT).contains(needle) && result.size() < limit) {
                    result.add(new RepositorySummary(fullName, link(repo, "http"), link(repo, "ssh"),
                            repo.path("links").path("self").path(0).path("href").asText(null), null,
                            !repo.path("public").asBoolean(false)));
                }
            }
            if (body.path("isLastPage").asBoolean(true) || !body.hasNonNull("nextPageStart")) {
                break;
            }
            start = body.get("nextPageStart").asInt();
        }
        return result;
    }

    @CheckForNull
    private static String link(JsonNode repo, String name) {
        for (JsonNode clone : repo.path("links").path("clone")) {
            if (name.equals(clone.path("name").asText())) {
                return clone.path("href").asText();
            }
        }
        return name.equals("http") ? "" : null;
    }
}
