package io.jenkins.plugins.gitproviders.core.client.azure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.StatusCalls;
import io.jenkins.plugins.gitproviders.core.client.StatusReporter;
import io.jenkins.plugins.gitproviders.core.client.http.Authorization;
import io.jenkins.plugins.gitproviders.core.client.http.HttpGateway;
import io.jenkins.plugins.gitproviders.core.client.http.Session;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.status.CommitStatus;
import io.jenkins.plugins.gitproviders.core.status.HostStates;
import io.jenkins.plugins.gitproviders.core.status.StatusException;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import java.time.Clock;
import java.util.List;

/**
 * Reports build status to Azure DevOps: a branch build to the commit ({@code POST
 * {org}/{project}/_apis/git/repositories/{repo}/commits/{sha}/statuses}), a pull request build to the pull request
 * ({@code .../pullRequests/{id}/statuses}), which is what pull request policies evaluate; one request either way. The
 * body is {@code state}, {@code description}, {@code targetUrl} and {@code context}: the status context up to its first
 * {@code /} is the genre, the rest the name ({@code jenkins/app} becomes genre {@code jenkins}, name {@code app}), so
 * Azure DevOps shows it as written.
 */
public final class AzureDevOpsStatusReporter implements StatusReporter {
    /** The REST API version of both resources. */
    static final String API_VERSION = "api-version=7.1";

    private final HttpGateway gateway;

    public AzureDevOpsStatusReporter(HttpSettings settings, Clock clock) {
        this.gateway = new HttpGateway(settings, clock);
    }

    @Override
    public void report(ProviderSpec provider, ApiCredential credential, StatusTarget target, CommitStatus status)
            throws StatusException {
        String sha = target.fullCommit(provider.type());
        List<String> repository = StatusCalls.segments(provider, target, 3);
        Authorization auth = AzureDevOpsClient.authorization(credential);
        String context = auth.scrub(status.context());
        int slash = context.indexOf('/');
        ObjectNode contextNode = StatusCalls.object().put("name", slash < 0 ? context : context.substring(slash + 1));
        if (slash > 0) {
            contextNode.put("genre", context.substring(0, slash));
        }
        ObjectNode body = StatusCalls.object()
                .put("state", HostStates.of(provider.type(), status.state()))
                .put("description", auth.scrub(status.description()))
                .put("targetUrl", status.targetUrl());
        body.set("context", contextNode);
        String base = "/" + Session.segment(repository.get(0)) + "/"
                + Session.segment(repository.get(1)) + "/_apis/git/repositories/"
                + Session.segment(repository.get(2));
        String path = target.pullRequest() == null
                ? base + "/commits/" + sha + "/statuses?" + API_VERSION
                : base + "/pullRequests/" + target.pullRequest() + "/statuses?" + API_VERSION;
        StatusCalls.post(gateway, provider, target, auth, path, body);
    }
}
