package io.jenkins.plugins.gitproviders.core.client.gitea;

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
 * Reports build status to Gitea and Forgejo: {@code POST /api/v1/repos/{owner}/{repo}/statuses/{sha}} with
 * {@code state}, {@code target_url}, {@code description} and {@code context} (Gitea's API mirrors GitHub's here).
 */
public final class GiteaStatusReporter implements StatusReporter {
    private final HttpGateway gateway;

    public GiteaStatusReporter(HttpSettings settings, Clock clock) {
        this.gateway = new HttpGateway(settings, clock);
    }

    @Override
    public void report(ProviderSpec provider, ApiCredential credential, StatusTarget target, CommitStatus status)
            throws StatusException {
        String sha = target.fullCommit(provider.type());
        List<String> repository = StatusCalls.segments(provider, target, 2);
        Authorization auth = GiteaClient.authorization(credential);
        ObjectNode body = StatusCalls.object()
                .put("state", HostStates.of(provider.type(), status.state()))
                .put("target_url", status.targetUrl())
                .put("description", auth.scrub(status.description()))
                .put("context", auth.scrub(status.context()));
        String path = "/repos/" + Session.segment(repository.get(0)) + "/"
                + Session.segment(repository.get(1)) + "/statuses/" + sha;
        StatusCalls.post(gateway, provider, target, auth, path, body);
    }
}
