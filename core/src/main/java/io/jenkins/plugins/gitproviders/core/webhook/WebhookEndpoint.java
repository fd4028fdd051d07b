package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Knows the webhook receiver's address: {@code <jenkins>/git-providers-webhook/} for every provider, or
 * {@code <jenkins>/git-providers-webhook/<provider name>} to name the provider explicitly.
 */
public final class WebhookEndpoint {
    /** The receiver's URL name below the Jenkins root. */
    public static final String URL_NAME = "git-providers-webhook";

    /** The most query parameters read from a delivery's address; hosts send none or a few. */
    static final int MAX_QUERY_PARAMETERS = 50;
    /** The longest query string read; longer ones are ignored as a whole. */
    static final int MAX_QUERY_LENGTH = 8192;

    private WebhookEndpoint() {}

    /** Returns the address for a provider, with the name percent-encoded as one path segment. */
    public static String urlFor(@CheckForNull String jenkinsRootUrl, String providerName) {
        String root = jenkinsRootUrl == null || jenkinsRootUrl.isBlank() ? "/" : jenkinsRootUrl.trim();
        if (!root.endsWith("/")) {
            root = root + "/";
        }
        return root + URL_NAME + "/" + URLEncoder.encode(providerName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Reads the provider name from the part of the request path after the receiver's URL name ({@code ""},
     * {@code "/"}, {@code "/Team%20GitLab"}); empty when the path names no provider.
     *
     * @throws IllegalArgumentException when the rest has more than one segment or is not valid percent-encoding
     */
    public static Optional<String> providerNameOf(@CheckForNull String restOfPath) {
        if (restOfPath == null) {
            return Optional.empty();
        }
        String rest = restOfPath;
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        if (rest.contains("/") || rest.length() > 256) {
            throw new IllegalArgumentException("The webhook address takes at most one provider name after "
                    + URL_NAME + "/");
        }
        String name = URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8).trim();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /**
     * Tells whether a request path (the servlet path info, {@code /git-providers-webhook/...}) is the receiver's: the
     * bare {@code /git-providers-webhook} or anything below {@code /git-providers-webhook/}. Decides which requests
     * need no CSRF crumb, so it matches the exact prefix, never a substring, and refuses paths with dot segments or
     * path parameters that a container might resolve elsewhere.
     */
    public static boolean isReceiverPath(@CheckForNull String pathInfo) {
        if (pathInfo == null) {
            return false;
        }
        String bare = "/" + URL_NAME;
        if (!pathInfo.equals(bare) && !pathInfo.startsWith(bare + "/")) {
            return false;
        }
        return !pathInfo.contains(";") && !pathInfo.contains("\\") && !pathInfo.contains("/./")
                && !pathInfo.contains("/../") && !pathInfo.endsWith("/.") && !pathInfo.endsWith("/..");
    }

    /**
     * Reads a raw query string ({@code a=1&b=x%20y}) into parameters, in order; bounded, so a hostile address cannot
     * make it costly: at most {@value #MAX_QUERY_PARAMETERS} parameters, and a query longer than
     * {@value #MAX_QUERY_LENGTH} characters or with invalid percent-encoding is ignored as a whole.
     */
    public static Map<String, List<String>> queryOf(@CheckForNull String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty() || rawQuery.length() > MAX_QUERY_LENGTH) {
            return Map.of();
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        int count = 0;
        try {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                if (++count > MAX_QUERY_PARAMETERS) {
                    break;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
        query.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(query);
    }
}
