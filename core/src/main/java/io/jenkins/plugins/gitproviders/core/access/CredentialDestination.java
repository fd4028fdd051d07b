package io.jenkins.plugins.gitproviders.core.access;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Names one address a provider sends one of its credentials to.
 *
 * @param credentialsId the ID of the credential sent
 * @param use           what the credential is sent there for
 * @param url           the address, as configured: the API base URL, the server URL git clones from, or
 *                      {@code ssh://host:port}; the plugin computes the credential's domain requirements from it
 */
public record CredentialDestination(String credentialsId, Use use, String url) {
    /** What a credential is sent for. */
    public enum Use {
        /** REST API calls: connection tests, the daily check, repository listings. */
        API("API calls"),
        /** Git over HTTPS: the API credential is the password. */
        HTTPS_CLONE("cloning over HTTPS"),
        /** Git over SSH: the SSH key. */
        SSH_CLONE("cloning over SSH");

        private final String description;

        Use(String description) {
            this.description = description;
        }

        /** Says what the credential is used for, in words for messages. */
        public String description() {
            return description;
        }
    }

    public CredentialDestination {
        Objects.requireNonNull(credentialsId, "credentialsId");
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(url, "url");
    }

    /**
     * Returns the address in the form two addresses are compared in: scheme and host in lower case, the scheme's
     * default port left out, no trailing slash. Addresses that do not parse are compared as written.
     */
    public String normalizedUrl() {
        return normalize(url);
    }

    static String normalize(String url) {
        String trimmed = url.trim();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return trimmed;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("https") && port == 443
                    || scheme.equals("http") && port == 80 || scheme.equals("ssh") && port == 22;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return trimmed;
        }
    }

    /** Returns the address for messages: without user information, which might hold a password. */
    public String shownUrl() {
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        int pathStart = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        if (scheme >= 0 && at > scheme && (pathStart < 0 || at < pathStart)) {
            return url.substring(0, scheme + 3) + url.substring(at + 1);
        }
        return url;
    }

    /** Tells whether both send the same credential to the same address, whatever for. */
    boolean samePairing(CredentialDestination other) {
        return credentialsId.equals(other.credentialsId) && normalizedUrl().equals(other.normalizedUrl());
    }
}
