package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Knows the webhook receiver's address: {@code <jenkins>/git-providers-webhook/} for every provider, or
 * {@code <jenkins>/git-providers-webhook/<provider name>} to name the provider explicitly.
 */
public final class WebhookEndpoint {
    /** The receiver's URL name below the Jenkins root. */
    public static final String URL_NAME = "git-providers-webhook";

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
}
