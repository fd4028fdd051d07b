package io.jenkins.plugins.gitproviders.core.client.bitbucket;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.StatusCalls;
import io.jenkins.plugins.gitproviders.core.client.StatusReporter;
import io.jenkins.plugins.gitproviders.core.client.http.ApiResponse;
import io.jenkins.plugins.gitproviders.core.client.http.Authorization;
import io.jenkins.plugins.gitproviders.core.client.http.HttpGateway;
import io.jenkins.plugins.gitproviders.core.client.http.HttpProblem;
import io.jenkins.plugins.gitproviders.core.client.http.Session;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.status.CommitStatus;
import io.jenkins.plugins.gitproviders.core.status.HostAnswer;
import io.jenkins.plugins.gitproviders.core.status.HostStates;
import io.jenkins.plugins.gitproviders.core.status.StatusException;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports build status to Bitbucket Data Center through the repository's builds resource, {@code POST
 * /rest/api/latest/projects/{key}/repos/{slug}/commits/{sha}/builds} with {@code key}, {@code state}, {@code name},
 * {@code url} and {@code description}. A server too old for it answers 404 (or 405) without naming a missing
 * project, repository or commit; the status then goes to the old global resource {@code POST
 * /rest/build-status/1.0/commits/{sha}}, and the reporter remembers that for the provider, so that its later statuses
 * cost one request each.
 */
public final class BitbucketDataCenterStatusReporter implements StatusReporter {
    /** The exceptions Bitbucket names when the builds resource exists but the repository or commit does not. */
    private static final List<String> MISSING = List.of("NoSuchProjectException", "NoSuchRepositoryException",
            "NoSuchCommitException");
    private static final String API_SUFFIX = "/rest/api/1.0";

    private final HttpGateway gateway;
    /** The providers (name and server) whose server has only the old build-status resource. */
    private final Set<String> legacyServers = ConcurrentHashMap.newKeySet();

    public BitbucketDataCenterStatusReporter(HttpSettings settings, Clock clock) {
        this.gateway = new HttpGateway(settings, clock);
    }

    @Override
    public void report(ProviderSpec provider, ApiCredential credential, StatusTarget target, CommitStatus status)
            throws StatusException {
        String sha = target.fullCommit(provider.type());
        List<String> repository = StatusCalls.segments(provider, target, 2);
        Authorization auth = BitbucketDataCenterClient.authorization(credential);
        String root = serverRoot(provider);
        String remembered = provider.nameKey() + " " + root.toLowerCase(Locale.ROOT);
        ObjectNode body = StatusCalls.object()
                .put("key", auth.scrub(status.context()))
                .put("state", HostStates.of(provider.type(), status.state()))
                .put("name", auth.scrub(status.context()))
                .put("url", status.targetUrl())
                .put("description", auth.scrub(status.description()));
        try {
            Session session = gateway.open(root, auth);
            if (!legacyServers.contains(remembered)) {
                ApiResponse response = session.postJson("/rest/api/latest/projects/"
                        + Session.segment(repository.get(0)) + "/repos/" + Session.segment(repository.get(1))
                        + "/commits/" + sha + "/builds", StatusCalls.bytes(body));
                if (StatusCalls.accepted(response)) {
                    return;
                }
                if (!isOldServer(StatusCalls.answer(response, gateway.clock()))) {
                    throw StatusCalls.refused(provider, target, response, gateway.clock(), auth);
                }
                legacyServers.add(remembered);
            }
            body.put("state", HostStates.legacyBitbucketDataCenter(status.state()));
            ApiResponse legacy = session.postJson("/rest/build-status/1.0/commits/" + sha,
                    StatusCalls.bytes(body));
            if (!StatusCalls.accepted(legacy)) {
                throw StatusCalls.refused(provider, target, legacy, gateway.clock(), auth);
            }
        } catch (HttpProblem problem) {
            throw StatusCalls.unanswered(provider, target, problem, auth);
        }
    }

    /** Tells whether the builds resource is missing, rather than the project, repository or commit it names. */
    private static boolean isOldServer(HostAnswer answer) {
        return (answer.status() == 404 || answer.status() == 405)
                && MISSING.stream().noneMatch(name -> answer.errorCode().contains(name));
    }

    /** Returns the server's root: the API address without {@code /rest/api/1.0}, else the server address. */
    static String serverRoot(ProviderSpec provider) {
        String api = provider.effectiveApiUrl().orElse("");
        if (api.endsWith(API_SUFFIX)) {
            return api.substring(0, api.length() - API_SUFFIX.length());
        }
        return provider.effectiveServerUrl().orElse(api);
    }
}
