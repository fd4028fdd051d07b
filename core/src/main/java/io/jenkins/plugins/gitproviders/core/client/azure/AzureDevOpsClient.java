package io.jenkins.plugins.gitproviders.core.client.azure;

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
 * Diagnoses and lists repositories of Azure DevOps Services or Server: the organization (collection) and owner
 * from {@code /{org}/_apis/connectionData}, the project from {@code /{org}/_apis/projects/{project}}, the
 * repositories from {@code _apis/git/repositories}. A PAT goes as HTTP Basic with an empty user name (or the
 * credential's username). Azure DevOps tells a PAT neither its scopes nor its expiry.
 */
public final class AzureDevOpsClient implements HostClient {
    private static final String HOST = "Azure DevOps";
    private static final String API_VERSION = "api-version=7.1";
    private static final String PAT_FIX = "Create a personal access token under User settings > Personal access"
            + " tokens, with Organization set to this organization (or All accessible organizations) and the"
            + " scope Code (Read), and update the credential.";

    private final HttpGateway gateway;
    private final Clock clock;

    public AzureDevOpsClient(HttpSettings settings, Clock clock) {
        this.gateway = new HttpGateway(settings, clock);
        this.clock = clock;
    }

    static Authorization authorization(ApiCredential credential) {
        return Authorization.basic(credential.username().orElse(""), credential.secret());
    }

    /** Splits the scope {@code org[/project]}. */
    private record Scope(String organization, @CheckForNull String project) {
        static Scope of(String value) {
            int slash = value.indexOf('/');
            return slash < 0 ? new Scope(value, null)
                    : new Scope(value.substring(0, slash), value.substring(slash + 1));
        }
    }

    @Override
    public Diagnosis diagnose(ProviderSpec provider, ApiCredential credential) {
        Authorization auth = authorization(credential);
        DiagnosisRun run = new DiagnosisRun(provider.name(), clock).scrubbing(auth);
        String api = provider.effectiveApiUrl().orElse(HOST);
        if (provider.scope() == null) {
            return run.add(Check.fail(CheckId.SCOPE_ACCESS, "No organization configured; Azure DevOps needs one"
                    + " (the name after dev.azure.com/, or the collection of Azure DevOps Server).",
                    "Enter the organization, optionally followed by /project, for example fabrikam/Fiber."))
                    .finish();
        }
        Scope scope = Scope.of(provider.scope());
        ScopeEvidence evidence = new ScopeEvidence();
        try {
            Session session = gateway.open(api, auth);
            String org = "/" + Session.segment(scope.organization());
            ApiResponse connection = session.get(org + "/_apis/connectionData");
            run.add(Check.pass(CheckId.REACHABILITY, session.host() + " answered ("
                    + StatusWords.shown(connection.status()) + ")" + deployment(connection) + "."));
            if (connection.status() == 404) {
                run.add(Check.fail(CheckId.SCOPE_ACCESS, "There is no organization '" + scope.organization()
                        + "' on " + session.host() + " (HTTP 404): misspelled organization?",
                        "Copy the organization from the address https://dev.azure.com/<organization>."));
                return run.finish();
            }
            if (credential.isEmpty()) {
                return run.add(Check.fail(CheckId.AUTHENTICATION, "The credential's token is empty.",
                        "Put the personal access token into the Jenkins credential.")).finish();
            }
            if (!authentication(run, connection, scope)) {
                return run.finish();
            }
            run.add(scopeCheck(evidence, provider));
            run.add(ExpiryRule.evaluate(null, false, HOST, clock));
            scopeAccess(run, session, scope, evidence);
            run.add(scopeCheck(evidence, provider));
            run.add(DiagnosisRun.rateLimitCheck(session, HOST + " (it reports limits only while delaying requests)"));
        } catch (HttpProblem problem) {
            run.fail(problem);
        }
        return run.finish();
    }

    /** Names the deployment only in Azure DevOps' own words; anything else is not repeated. */
    private static String deployment(ApiResponse connection) {
        String type = connection.json().map(json -> json.path("deploymentType").asText("")).orElse("");
        return switch (type) {
            case "hosted" -> ", deployment: hosted";
            case "onPremises" -> ", deployment: on premises";
            default -> "";
        };
    }

    private static Check scopeCheck(ScopeEvidence evidence, ProviderSpec provider) {
        return evidence.toCheck(provider.type().tokenScopesFor(provider.statusReporting()), HOST,
                "Azure DevOps does not tell a PAT its scopes, and testing write access would change data", PAT_FIX);
    }

    private static boolean authentication(DiagnosisRun run, ApiResponse connection, Scope scope)
            throws HttpProblem {
        if (connection.status() == 401 || connection.status() == 203 || connection.isSuccess()
                && connection.json().isEmpty()) {
            run.add(Check.fail(CheckId.AUTHENTICATION, "Azure DevOps rejected the personal access token for the"
                    + " organization '" + scope.organization() + "' (" + StatusWords.shown(connection.status())
                    + "): it expired,"
                    + " was revoked, or was created for another organization.", PAT_FIX));
            return false;
        }
        if (!connection.isSuccess()) {
            run.add(Check.fail(CheckId.AUTHENTICATION, "Azure DevOps answered connectionData with "
                    + StatusWords.answer(connection.status()) + ".", PAT_FIX));
            return false;
        }
        JsonNode user = connection.requireJson(HOST).path("authenticatedUser");
        String name = user.path("providerDisplayName").asText("");
        String account = user.path("properties").path("Account").path("$value").asText("");
        if (name.isEmpty() || name.equalsIgnoreCase("Anonymous")) {
            run.add(Check.fail(CheckId.AUTHENTICATION, "Azure DevOps answered as anonymous: the token was not"
                    + " accepted.", PAT_FIX));
            return false;
        }
        run.owner(account.isEmpty() ? name : account);
        run.add(Check.pass(CheckId.AUTHENTICATION, "The token belongs to " + name
                + (account.isEmpty() ? "" : " (" + account + ")") + "."));
        return true;
    }

    private static void scopeAccess(DiagnosisRun run, Session session, Scope scope, ScopeEvidence evidence)
            throws HttpProblem {
        String org = "/" + Session.segment(scope.organization());
        String found = null;
        String reposPath = org + "/_apis/git/repositories?" + API_VERSION;
        if (scope.project() != null) {
            ApiResponse project = session.get(org + "/_apis/projects/" + Session.segment(scope.project()) + "?"
                    + API_VERSION);
            if (project.status() == 404) {
                run.add(Check.fail(CheckId.SCOPE_ACCESS, "The organization '" + scope.organization() + "' has no"
                        + " project '" + scope.project() + "' the token can see (HTTP 404): misspelled project?",
                        "Copy the project name from https://dev.azure.com/" + scope.organization()
                                + "/<project>, and check that the token's owner is a member."));
                return;
            }
            if (project.status() == 401 || project.status() == 403) {
                run.add(Check.fail(CheckId.SCOPE_ACCESS, "The token has no access to the project '"
                        + scope.project() + "' (" + StatusWords.shown(project.status()) + ").", PAT_FIX));
                return;
            }
            found = project.requireJson(HOST).path("name").asText(scope.project());
            reposPath = org + "/" + Session.segment(found) + "/_apis/git/repositories?" + API_VERSION;
        }
        ApiResponse repos = session.get(reposPath);
        if (repos.status() == 401 || repos.status() == 403) {
            evidence.missing("vso.code", "the repository list");
            run.add(Check.fail(CheckId.SCOPE_ACCESS, "The token cannot list repositories ("
                    + StatusWords.shown(repos.status()) + "): it lacks Code (Read).", PAT_FIX));
            return;
        }
        if (!repos.isSuccess()) {
            run.add(Check.fail(CheckId.SCOPE_ACCESS, "Azure DevOps answered the repository list with "
                    + StatusWords.answer(repos.status()) + ".", PAT_FIX));
            return;
        }
        evidence.confirmed("vso.code");
        int count = repos.requireJson(HOST).path("value").size();
        String where = found == null ? "organization '" + scope.organization() + "'" : "project '" + found + "'";
        String repoText = count + (count == 1 ? " repository" : " repositories");
        if (found != null && !found.equals(scope.project())) {
            run.add(Check.warn(CheckId.SCOPE_ACCESS, "Azure DevOps spells the project '" + found + "', not '"
                    + scope.project() + "'; the token sees " + repoText + ".",
                    "Write the project as '" + found + "'."));
        } else {
            run.add(Check.pass(CheckId.SCOPE_ACCESS, "The " + where + " exists and the token sees " + repoText
                    + "."));
        }
    }

    @Override
    public List<RepositorySummary> listRepositories(ProviderSpec provider, ApiCredential credential, String query,
            int limit) throws HostClientException {
        if (provider.scope() == null) {
            throw new HostClientException("Provider '" + provider.name() + "' has no Azure DevOps organization.");
        }
        Authorization auth = authorization(credential);
        Scope scope = Scope.of(provider.scope());
        Session session = gateway.open(provider.effectiveApiUrl().orElseThrow(), auth);
        String path = "/" + Session.segment(scope.organization())
                + (scope.project() == null ? "" : "/" + Session.segment(scope.project()))
                + "/_apis/git/repositories?" + API_VERSION;
        ApiResponse response = session.get(path);
        if (!response.isSuccess()) {
            throw new HostClientException(auth.scrub("Azure DevOps answered " + response.uri().getPath()
                    + " with " + StatusWords.answer(response.status()) + "."));
        }
        String needle = query.toLowerCase(Locale.ROOT);
        List<RepositorySummary> result = new ArrayList<>();
        for (JsonNode repo : response.requireJson(HOST).path("value")) {
            String fullName = scope.organization() + "/" + repo.path("project").path("name").asText() + "/"
                    + repo.path("name").asText();
            if (fullName.toLowerCase(Locale.ROOT).contains(needle) && result.size() < limit) {
                String branch = repo.path("defaultBranch").asText("");
                result.add(new RepositorySummary(fullName, repo.path("remoteUrl").asText(""),
                        repo.path("sshUrl").asText(null), repo.path("webUrl").asText(null),
                        branch.isEmpty() ? null : branch.replaceFirst("^refs/heads/", ""),
                        !"public".equalsIgnoreCase(repo.path("project").path("visibility").asText("private"))));
            }
        }
        return result;
    }
}
