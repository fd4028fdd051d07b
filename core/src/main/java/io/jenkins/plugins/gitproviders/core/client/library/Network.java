package io.jenkins.plugins.gitproviders.core.client.library;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.client.HeaderLogging;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Builds the JDK HTTP client from {@link HttpSettings} and turns network failures into messages for people.
 */
public final class Network {
    /** The largest response body read; GitHub's pages of 100 repositories stay far below. */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private Network() {}

    /** Builds a client that never follows redirects itself (the connector follows same-origin ones only). */
    public static HttpClient httpClient(HttpSettings settings) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // HTTP/1.1 only: HTTP/2 header compression logs header values when its own debug switch is on.
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
        // Without a configured proxy, connect directly: the system properties of the JVM are not the admin's choice.
        builder.proxy(settings.proxy().isPresent() ? new SettingsProxySelector(settings) : HttpClient.Builder.NO_PROXY);
        return builder.build();
    }

    /** Tells whether two addresses share scheme, host and port, the only redirects that may carry the token. */
    public static boolean sameOrigin(URI from, URI to) {
        return Origin.of(from).map(origin -> origin.contains(to)).orElse(false);
    }

    /** Returns {@code scheme://host[:port]} of an address, all a message needs to show of a redirect target. */
    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** Reads at most {@link #MAX_BODY_BYTES}; a longer body is an error, not silently cut. */
    public static byte[] readBounded(InputStream in) throws IOException {
        try (InputStream stream = in) {
            byte[] bytes = stream.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IOException("The response is larger than " + MAX_BODY_BYTES / (1024 * 1024)
                        + " MiB, more than any answer the plugin asks for.");
            }
            return bytes;
        }
    }

    /**
     * Refuses to send a request carrying the credential while the JDK HTTP client logs request headers.
     *
     * @throws CredentialWithheldException when {@link HeaderLogging#logsHeaders()}
     */
    public static void checkHeadersAreNotLogged() throws CredentialWithheldException {
        if (HeaderLogging.logsHeaders()) {
            throw new CredentialWithheldException();
        }
    }

    /** Signals that a request was not sent because the JDK HTTP client would have logged its credential. */
    public static final class CredentialWithheldException extends IOException {
        private static final long serialVersionUID = 1L;

        CredentialWithheldException() {
            super(HeaderLogging.MESSAGE);
        }
    }

    /** Replaces every occurrence of the secret by asterisks: defence in depth for texts taken from exceptions. */
    public static String redact(@CheckForNull String text, String secret) {
        if (text == null) {
            return "";
        }
        return secret.isEmpty() ? text : text.replace(secret, "****");
    }

    /** Finds the first cause of the given type in a chain of exceptions. */
    @CheckForNull
    public static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    /**
     * Describes why a host could not be reached in fixed words: the exception's own text is shown only for TLS
     * failures, whose messages come from the JDK's own checks, never from the host's answer.
     *
     * @return the message and fix, as a two-element array
     */
    public static String[] describeFailure(Throwable failure, String hostName, String apiUrl, HttpSettings settings,
            String secret) {
        String host = hostOf(apiUrl);
        if (cause(failure, CredentialWithheldException.class) != null) {
            return new String[] {HeaderLogging.MESSAGE, HeaderLogging.FIX};
        }
        if (cause(failure, Budget.BudgetExceededException.class) != null
                || cause(failure, HttpTimeoutException.class) != null
                || cause(failure, SocketTimeoutException.class) != null) {
            return new String[] {
                hostName + " at " + apiUrl + " did not answer within " + Budget.seconds(settings.totalBudget())
                        + " (connect timeout " + Budget.seconds(settings.connectTimeout()) + ").",
                "Check that the server URL is right, that the host is up, and that Jenkins can reach it: firewall"
                        + " rules, and the proxy settings of Jenkins (Manage Jenkins > System > HTTP Proxy"
                        + " Configuration)."};
        }
        if (cause(failure, UnknownHostException.class) != null) {
            return new String[] {
                "The host name " + host + " cannot be resolved (DNS).",
                "Check the spelling of the server URL; if the host is internal, make sure the Jenkins controller"
                        + " uses a DNS server that knows it, or configure the HTTP proxy Jenkins must use."};
        }
        SSLException tls = cause(failure, SSLException.class);
        if (tls != null) {
            return new String[] {
                "The TLS (HTTPS) connection to " + host + " failed: " + redact(tls.getMessage(), secret) + ".",
                "If the server uses a certificate from an internal certificate authority or a self-signed one, add"
                        + " that certificate to the trust store of the Java running Jenkins; if it only speaks HTTP,"
                        + " use an http:// server URL."};
        }
        if (cause(failure, ConnectException.class) != null || cause(failure, NoRouteToHostException.class) != null) {
            return new String[] {
                "Cannot connect to " + host + ": the connection was refused or the host is unreachable.",
                "Check the host name and port in the server URL, that the server is running, and the firewall and"
                        + " proxy settings between Jenkins and the host."};
        }
        // The exception's own message is not shown: libraries put the answer's body into it.
        return new String[] {
            "Cannot reach " + hostName + " at " + apiUrl + " (" + failure.getClass().getSimpleName() + ").",
            "Check the server URL and the network path from Jenkins to the host."};
    }

    private static String hostOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() == null ? url : uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Chooses the configured proxy, except for hosts matching one of the no-proxy patterns. */
    public static final class SettingsProxySelector extends ProxySelector {
        private final Proxy proxy;
        private final List<Pattern> noProxy = new ArrayList<>();

        public SettingsProxySelector(HttpSettings settings) {
            this.proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(
                    Objects.requireNonNull(settings.proxyHost()), settings.proxyPort()));
            for (String pattern : settings.noProxyHosts()) {
                String trimmed = pattern.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty()) {
                    noProxy.add(Pattern.compile(Pattern.quote(trimmed).replace("*", "\\E.*\\Q")));
                }
            }
        }

        /** Tells whether a host is reached directly. */
        public boolean bypasses(String host) {
            String lower = host.toLowerCase(Locale.ROOT);
            return noProxy.stream().anyMatch(pattern -> pattern.matcher(lower).matches());
        }

        @Override
        public List<Proxy> select(URI uri) {
            return uri.getHost() != null && bypasses(uri.getHost()) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // Nothing to remember: there is a single proxy.
        }
    }
}
