package io.jenkins.plugins.gitproviders.core.client.bitbucket;

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
import io.jenkins.plugins.gitproviders.core.status.StatusContext;
import io.jenkins.plugins.gitproviders.core.status.StatusException;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import java.time.Clock;
import java.util.List;

/**
 * Reports build status to Bitbucket Cloud:
 * {@code POST /2.0/repositories/{workspace}/{repo}/commit/{sha}/statuses/build} with {@code key}, {@code state},
 * {@code name}, {@code url}, {@code description} and, for a branch build, {@code refname} (Bitbucket ties a status
 * to a pull request through its source branch). The key is the context, shortened to Bitbucket's 40 characters when
 * longer; the name keeps the whole context.
 */
public final class BitbucketCloudStatusReporter implements StatusReporter {
    /** Bitbucket Cloud refuses longer build status keys. */
    public static final int MAX_KEY_LENGTH = 40;

    private final HttpGateway gateway;

    public BitbucketCloudStatusReporter(HttpSettings settings, Clock clock) {
        this.gateway = new HttpGateway(settings, clock);
    }

    @Override
    public void report(ProviderSpec provider, ApiCredential credential, StatusTarget target, CommitStatus status)
            throws StatusException {
        String sha = target.fullCommit(provider.type());
        List<String> repository = StatusCalls.segments(provider, target, 2);
        Authorization auth = BitbucketCloudClient.authorization(provider, credential);
        String context = auth.scrub(status.context());
        ObjectNode body = StatusCalls.object()
                .put("key", StatusContext.key(context, MAX_KEY_LENGTH))
                .put("state", HostStates.of(provider.type(), status.state()))
                .put("name", context)
                .put("url", status.targetUrl())
                .put("description", auth.scrub(status.description()));
        if (target.ref() != null) {
            body.put("refname", target.ref());
        }
        String path = "/repositories/" + Session.segment(repository.get(0)) + "/"
                + Session.segment(repository.get(1)) + "/commit/" + sha + "/statuses/build";
        StatusCalls.post(gateway, provider, target, auth, path, body);
    }
}
