package io.jenkins.plugins.gitproviders.core.client.http;

import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Locale;

/**
 * Builds the JDK HTTP client of one host client from {@link HttpSettings} (connect timeout, proxy, no automatic
 * redirects) and opens {@link Session sessions}, each with its own time budget.
 */
public final class HttpGateway {
    /** Answers larger than this are refused: diagnosis and listing answers are a few kilobytes. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    /** Same-origin redirects followed per request. */
    public static final int MAX_REDIRECTS = 3;

    private final HttpSettings settings;
    private final Clock clock;
    private final HttpClient client;

    public HttpGateway(HttpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                // HTTP/1.1 only: HTTP/2 header compression logs header values when its own debug switch is on.
                .version(HttpClient.Version.HTTP_1_1)
                // Redirects are followed by the session, which refuses to carry the credential to another origin.
                .followRedirects(HttpClient.Redirect.NEVER);
        settings.proxy().ifPresent(host ->
                builder.proxy(new NoProxyAwareSelector(host, settings.proxyPort(), settings.noProxyHosts())));
        this.client = builder.build();
    }

    public HttpSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    HttpClient client() {
        return client;
    }

    /**
     * Opens a session against an API base address; its budget ({@link HttpSettings#totalBudget()}) starts now.
     *
     * @throws HttpProblem when the address is not an absolute http(s) URL
     */
    public Session open(String baseUrl, Authorization authorization) throws HttpProblem {
        return new Session(this, parseBase(baseUrl), authorization, System.nanoTime()
                + settings.totalBudget().toNanos());
    }

    static URI parseBase(String baseUrl) throws HttpProblem {
        try {
            URI uri = new URI(baseUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw invalid(baseUrl);
            }
            if (uri.getRawUserInfo() != null) {
                // Credentials belong in the credential, never in an address that ends up in messages.
                throw new HttpProblem(HttpProblem.Kind.INVALID_URL,
                        "The server URL contains a user name or password.",
                        "Remove 'user:password@' from the server URL and put the credentials into the Jenkins"
                                + " credential instead.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(baseUrl);
        }
    }

    private static HttpProblem invalid(String baseUrl) {
        String shown = baseUrl.contains("@") ? "(hidden: it contains '@')" : "'" + baseUrl + "'";
        return new HttpProblem(HttpProblem.Kind.INVALID_URL,
                "The API address " + shown + " is not an absolute http(s) URL.",
                "Enter the server URL as https://host[:port][/path].");
    }
}
