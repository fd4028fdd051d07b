package io.jenkins.plugins.gitproviders.core.client.github;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.client.Origin;
import io.jenkins.plugins.gitproviders.core.client.library.Budget;
import io.jenkins.plugins.gitproviders.core.client.library.Network;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Sends GitHub API for Java's requests through a JDK {@link HttpClient}: each request gets the time left of the
 * budget, bodies are bounded, redirects are followed only within the same origin (a redirect elsewhere fails, so the
 * token never goes there), and every response's status and headers are kept for the diagnosis, which needs headers
 * such as {@code X-OAuth-Scopes} that the library does not expose.
 */
final class JdkConnector implements GitHubConnector {
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");
    private static final int MAX_SAME_ORIGIN_REDIRECTS = 3;
    private static final int KEPT_ERROR_BODY_BYTES = 4096;

    private final HttpClient http;
    private final Budget budget;
    private final String userAgent;
    private final Origin allowed;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    /**
     * Creates a connector that sends requests to one origin only.
     *
     * @param allowed the API's origin; a request for any other address is refused before anything is sent, since
     *                the library adds the token to every request, next-page links of other hosts included
     */
    JdkConnector(HttpClient http, Budget budget, String userAgent, Origin allowed) {
        this.http = http;
        this.budget = budget;
        this.userAgent = userAgent;
        this.allowed = allowed;
    }

    /**
     * One answered request: the status and headers, and the start of an error body.
     *
     * @param method     the request method
     * @param uri        the address asked for (before any same-origin redirect)
     * @param status     the HTTP status
     * @param headers    the response headers, names case-insensitive
     * @param errorBody  up to 4 KiB of the body when the status is 400 or above, else empty
     */
    record Exchange(String method, URI uri, int status, Map<String, List<String>> headers, byte[] errorBody) {
        /** Returns the first value of a header. */
        Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
        }

        boolean hasHeader(String name) {
            return headers.containsKey(name);
        }
    }

    /** Signals a redirect to another origin, which is never followed. */
    static final class CrossOriginRedirectException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String targetOrigin;
        private final int status;

        CrossOriginRedirectException(int status, String targetOrigin) {
            super("HTTP " + status + " redirect to another origin (" + targetOrigin + ") not followed");
            this.status = status;
            this.targetOrigin = targetOrigin;
        }

        String targetOrigin() {
            return targetOrigin;
        }

        int status() {
            return status;
        }
    }

    /** Signals that the library asked for an address of another origin (a next-page link), which was not sent. */
    static final class CrossOriginRequestException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String targetOrigin;

        CrossOriginRequestException(String targetOrigin) {
            super("Request to another origin (" + targetOrigin + ") not sent");
            this.targetOrigin = targetOrigin;
        }

        String targetOrigin() {
            return targetOrigin;
        }
    }

    /** Signals that a request got no answer: no connection, no TLS session, or no response in time. */
    static final class RequestFailedException extends IOException {
        private static final long serialVersionUID = 1L;

        RequestFailedException(IOException cause) {
            super("The request got no answer (" + cause.getClass().getSimpleName() + ")", cause);
        }
    }

    /** Returns every exchange so far, in order. */
    List<Exchange> exchanges() {
        return Collections.unmodifiableList(new ArrayList<>(exchanges));
    }

    /** Returns the last exchange whose path ends with the given suffix. */
    Optional<Exchange> last(String pathSuffix) {
        List<Exchange> all = exchanges();
        for (int i = all.size() - 1; i >= 0; i--) {
            String path = all.get(i).uri().getRawPath();
            if (path != null && path.endsWith(pathSuffix)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        URI uri;
        try {
            uri = request.url().toURI();
        } catch (URISyntaxException e) {
            throw new IOException("The request address is not valid: " + e.getReason(), e);
        }
        if (!allowed.contains(uri)) {
            throw new CrossOriginRequestException(Origin.of(uri).map(Origin::toString).orElse("an invalid address"));
        }
        // The library puts the token into every request's headers.
        Network.checkHeadersAreNotLogged();
        byte[] body = request.hasBody() ? Network.readBounded(request.body()) : null;
        // Exchanges are recorded under the address asked for, so that a followed redirect does not hide the answer.
        URI asked = uri;
        for (int hop = 0;; hop++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .timeout(budget.remainingOrThrow())
                    .method(request.method(), body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            request.allHeaders().forEach((name, values) -> {
                if (name != null && !RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
            builder.setHeader("User-Agent", userAgent);
            HttpResponse<InputStream> response;
            try {
                response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("The request was interrupted");
            } catch (IOException e) {
                // Wrapped so that the library does not retry socket errors on its own (and log each retry): the
                // diagnosis reports them at once. The cause keeps the kind of failure for the message.
                throw new RequestFailedException(e);
            }
            int status = response.statusCode();
            Map<String, List<String>> headers = caseInsensitive(response.headers().map());
            Optional<String> location = response.headers().firstValue("Location");
            if (isRedirect(status) && location.isPresent()) {
                response.body().close();
                URI target = resolve(uri, location.get());
                if (target == null || !Network.sameOrigin(uri, target)) {
                    exchanges.add(new Exchange(request.method(), asked, status, headers, new byte[0]));
                    throw new CrossOriginRedirectException(status,
                            target == null || target.getHost() == null ? "an invalid address" : Network.origin(target));
                }
                if (hop >= MAX_SAME_ORIGIN_REDIRECTS || !"GET".equals(request.method())) {
                    throw new IOException("Too many redirects, or a redirect of a " + request.method() + " request");
                }
                uri = target;
                continue;
            }
            byte[] bytes = Network.readBounded(response.body());
            exchanges.add(new Exchange(request.method(), asked, status, headers, status >= 400
                    ? java.util.Arrays.copyOf(bytes, Math.min(bytes.length, KEPT_ERROR_BODY_BYTES))
                    : new byte[0]));
            return new BytesResponse(request, status, headers, bytes);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    @CheckForNull
    private static URI resolve(URI base, String location) {
        try {
            return base.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                map.put(name, List.copyOf(values));
            }
        });
        return Collections.unmodifiableMap(map);
    }

    /** A response whose body was read, within bounds, before the library sees it. */
    private static final class BytesResponse extends GitHubConnectorResponse.ByteArrayResponse {
        private final byte[] body;

        BytesResponse(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte[] body) {
            super(request, status, headers);
            this.body = body;
        }

        @Override
        protected InputStream rawBodyStream() {
            return new ByteArrayInputStream(body);
        }
    }
}
