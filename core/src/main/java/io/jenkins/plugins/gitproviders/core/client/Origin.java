package io.jenkins.plugins.gitproviders.core.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Names the origin (scheme, host, port) of a provider's API address: the only place its credential may be sent.
 * Every host client checks each request against it before sending, whatever produced the address (a path of its
 * own, a next-page link, a redirect), so that no answer of a host can direct the credential elsewhere.
 *
 * @param scheme the scheme, lower case
 * @param host   the host name, lower case
 * @param port   the port, the scheme's default filled in
 */
public record Origin(String scheme, String host, int port) {
    public Origin {
        scheme = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
        host = Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT);
    }

    /** Returns the origin of an address, or empty when it has no scheme or host. */
    public static Optional<Origin> of(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        return Optional.of(new Origin(uri.getScheme(), uri.getHost(), port(uri.getScheme(), uri.getPort())));
    }

    /** Returns the origin of an address given as text, or empty when it does not parse or has no scheme or host. */
    public static Optional<Origin> of(String url) {
        try {
            return of(new URI(url.trim()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Tells whether the address has this origin. */
    public boolean contains(URI uri) {
        return of(uri).map(this::equals).orElse(false);
    }

    /** Fills in the default port of http and https for an unspecified ({@code -1}) port. */
    public static int port(String scheme, int port) {
        if (port >= 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    /** Returns {@code scheme://host:port}, all a message needs to show of an address. */
    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
