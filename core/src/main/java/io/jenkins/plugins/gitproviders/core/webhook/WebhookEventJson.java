package io.jenkins.plugins.gitproviders.core.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Writes a normalised event as JSON, for the command-line tool and the webhook's answer. Field names are stable;
 * absent values are left out. Example:
 * <pre>{@code
 * {"provider":"gitHub","event":"BRANCH_PUSH",
 *  "repository":{"host":"github.com","fullPath":"octo/hello","httpsCloneUrl":"...","sshCloneUrl":"...","webUrl":"..."},
 *  "ref":"refs/heads/main","before":"...","after":"...","headCommit":"...","sender":"octocat","deliveryId":"..."}
 * }</pre>
 * Pull request events add {@code "pullRequest"}, {@code "sourceBranch"}, {@code "targetBranch"} and
 * {@code "pullRequestSource":{"repository":"alice/hello","fork":true,"authorTrusted":false,"authorRole":"NONE"}}.
 */
public final class WebhookEventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebhookEventJson() {}

    /** Returns the event as a JSON object that callers may extend (the handler adds what it triggered). */
    public static ObjectNode toNode(WebhookEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("provider", event.hostType().id());
        node.put("event", event.kind().name());
        event.repositoryInfo().ifPresent(repository -> {
            ObjectNode repo = node.putObject("repository");
            repo.put("host", repository.host());
            repo.put("fullPath", repository.fullPath());
            putIfPresent(repo, "httpsCloneUrl", repository.httpsCloneUrl());
            putIfPresent(repo, "sshCloneUrl", repository.sshCloneUrl());
            putIfPresent(repo, "webUrl", repository.webUrl());
        });
        putIfPresent(node, "ref", event.ref());
        putIfPresent(node, "before", event.before());
        putIfPresent(node, "after", event.after());
        if (event.pullRequestNumber() != null) {
            node.put("pullRequest", event.pullRequestNumber());
        }
        putIfPresent(node, "sourceBranch", event.sourceBranch());
        putIfPresent(node, "targetBranch", event.targetBranch());
        putIfPresent(node, "headCommit", event.headCommit());
        putIfPresent(node, "sender", event.sender());
        putIfPresent(node, "deliveryId", event.deliveryId());
        PullRequestSource source = event.pullRequestSource();
        if (source != null) {
            ObjectNode origin = node.putObject("pullRequestSource");
            putIfPresent(origin, "repository", source.repository());
            origin.put("fork", source.fork());
            origin.put("authorTrusted", source.authorTrusted());
            putIfPresent(origin, "authorRole", source.authorRole());
        }
        return node;
    }

    /** Returns the event as compact JSON text. */
    public static String toJson(WebhookEvent event) {
        return write(toNode(event), false);
    }

    /** Writes any JSON node as text, indented or compact. */
    public static String write(ObjectNode node, boolean pretty) {
        try {
            return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                    : MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serialises; reaching this is a bug, not bad input.
            throw new IllegalStateException(e);
        }
    }

    private static void putIfPresent(ObjectNode node, String name, @CheckForNull String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
