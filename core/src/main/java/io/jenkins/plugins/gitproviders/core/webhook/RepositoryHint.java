package io.jenkins.plugins.gitproviders.core.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.webhook.bitbucket.BitbucketCloudWebhookParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads which repository an unverified delivery names, to pick the providers whose secrets are worth trying when
 * more could have signed it than the handler verifies. A hint, never a fact: nothing is decided on it but the order
 * and choice of candidates, and the delivery is verified and parsed properly afterwards.
 *
 * <p>It streams over the body once, in place, keeping only the few strings it looks for and skipping every other
 * subtree, so it allocates next to nothing whatever the body's size. Form-encoded bodies and bodies that are not JSON
 * give no hint.
 *
 * @param host     the repository's host, lowercase, when the delivery names it
 * @param fullPath the repository's path on its host ({@code owner/name}, {@code PROJECT/slug}), when named
 */
record RepositoryHint(@CheckForNull String host, @CheckForNull String fullPath) {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonPayload.MAX_DEPTH)
                    .maxStringLength(PayloadNode.MAX_TEXT).build())
            .build();
    private static final String FULL_NAME = "repository.full_name";
    private static final String HTML_URL = "repository.html_url";
    /** GitHub and Gitea put both in every repository object: the walk stops once it has them. */
    private static final List<String> GITHUB_PATHS = List.of(FULL_NAME, HTML_URL);
    private static final String DC_REPOSITORY = "repository.";
    private static final String DC_PULL_REQUEST = "pullRequest.toRef.repository.";
    private static final List<String> DATA_CENTER_FIELDS = List.of("project.key", "slug", "links.self.0.href");

    /** Reads the hint of a delivery in the given format; empty when the format or body tells nothing. */
    static Optional<RepositoryHint> peek(WebhookFormat format, WebhookDelivery delivery) {
        if (FormPayload.isForm(delivery)) {
            return Optional.empty();
        }
        byte[] body = delivery.rawBody();
        switch (format) {
            case GITHUB:
            case GITEA: {
                Map<String, String> found = collect(body, GITHUB_PATHS);
                return of(WebhookUrls.host(found.get(HTML_URL)).orElse(null), found.get(FULL_NAME));
            }
            case BITBUCKET_CLOUD:
                return of(BitbucketCloudWebhookParser.HOST, collect(body, List.of(FULL_NAME)).get(FULL_NAME));
            case BITBUCKET_DATA_CENTER: {
                List<String> paths = new ArrayList<>();
                for (String prefix : List.of(DC_REPOSITORY, DC_PULL_REQUEST)) {
                    DATA_CENTER_FIELDS.forEach(field -> paths.add(prefix + field));
                }
                Map<String, String> found = collect(body, paths);
                String prefix = found.containsKey(DC_REPOSITORY + "slug") ? DC_REPOSITORY : DC_PULL_REQUEST;
                String key = found.get(prefix + "project.key");
                String slug = found.get(prefix + "slug");
                return of(WebhookUrls.host(found.get(prefix + "links.self.0.href")).orElse(null),
                        key == null || slug == null ? null : key + "/" + slug);
            }
            default:
                // GitLab and Azure DevOps deliveries are verified by a header token, without reading the body.
                return Optional.empty();
        }
    }

    private static Optional<RepositoryHint> of(@CheckForNull String host, @CheckForNull String fullPath) {
        return host == null && fullPath == null ? Optional.empty() : Optional.of(new RepositoryHint(host, fullPath));
    }

    /**
     * Collects the string values at the given dotted paths (array elements by index, {@code links.self.0.href}),
     * descending only into objects and arrays on the way to one of them, and stopping once all are found.
     */
    static Map<String, String> collect(byte[] body, List<String> paths) {
        Map<String, String> found = new HashMap<>();
        // Every container on the way to a wanted value, as "repository." or "repository.links.self.".
        Set<String> prefixes = new HashSet<>();
        for (String path : paths) {
            for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
                prefixes.add(path.substring(0, dot + 1));
            }
        }
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return found;
            }
            walk(parser, "", new Wanted(Set.copyOf(paths), prefixes), found);
        } catch (IOException | RuntimeException e) {
            // Not JSON, too deep or too long: what was found so far is still a hint, and the body is checked later.
        }
        return found;
    }

    /** The dotted paths wanted, and the paths of the containers that lead to them. */
    private record Wanted(Set<String> paths, Set<String> containers) {}

    /** Walks the container the parser just entered; {@code prefix} is its path with a trailing dot, or empty. */
    private static void walk(JsonParser parser, String prefix, Wanted wanted, Map<String, String> found)
            throws IOException {
        boolean array = parser.currentToken() == JsonToken.START_ARRAY;
        int index = 0;
        while (found.size() < wanted.paths().size()) {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                return;
            }
            String name;
            if (array) {
                name = Integer.toString(index++);
            } else {
                name = parser.currentName();
                token = parser.nextToken();
            }
            String path = prefix + name;
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                String inner = path + ".";
                if (wanted.containers().contains(inner)) {
                    walk(parser, inner, wanted, found);
                } else {
                    parser.skipChildren();
                }
            } else if (token == JsonToken.VALUE_STRING && wanted.paths().contains(path)) {
                found.putIfAbsent(path, parser.getText());
            }
        }
    }
}
