package io.jenkins.plugins.gitproviders.core.client;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Carries the HTTP settings of a host client as plain data, so that core never sees Jenkins' proxy configuration.
 *
 * @param connectTimeout   how long to wait for a connection
 * @param totalBudget      how long one whole operation (a diagnosis, a listing) may take
 * @param proxyHost        the HTTP proxy's host, or {@code null} for a direct connection
 * @param proxyPort        the HTTP proxy's port
 * @param noProxyHosts     host patterns reached directly ({@code *.example.com}, {@code localhost})
 * @param userAgent        the User-Agent header sent with every request
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration totalBudget,
        @CheckForNull String proxyHost,
        int proxyPort,
        List<String> noProxyHosts,
        String userAgent) {

    /** Connect within 5 s and finish a diagnosis within 15 s, directly. */
    public static final HttpSettings DEFAULT = new HttpSettings(
            Duration.ofSeconds(5), Duration.ofSeconds(15), null, 0, List.of(), "git-providers");

    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(totalBudget, "totalBudget");
        noProxyHosts = List.copyOf(noProxyHosts);
        Objects.requireNonNull(userAgent, "userAgent");
    }

    public Optional<String> proxy() {
        return Optional.ofNullable(proxyHost);
    }

    public HttpSettings withTimeouts(Duration connect, Duration total) {
        return new HttpSettings(connect, total, proxyHost, proxyPort, noProxyHosts, userAgent);
    }

    public HttpSettings withProxy(@CheckForNull String host, int port, List<String> noProxy) {
        return new HttpSettings(connectTimeout, totalBudget, host, port, noProxy, userAgent);
    }
}
