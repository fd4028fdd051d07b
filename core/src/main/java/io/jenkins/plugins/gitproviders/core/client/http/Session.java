package io.jenkins.plugins.gitproviders.core.client.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.client.HeaderLogging;
import io.jenkins.plugins.gitproviders.core.client.Origin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Sends the requests of one operation (a diagnosis, a listing) within one time budget: each request may take only
 * the time left; same-origin redirects are followed (at most {@link HttpGateway#MAX_REDIRECTS}), a redirect to
 * another origin is reported and never followed, so the credential stays with its origin; a 429 or an exhausted
 * limit is reported, never retried. Every failure becomes an {@link HttpProblem} in plain language.
 */
public final class Session {
    private final HttpGateway gateway;
    private final URI base;
    private final Authorization authorization;
    private final long deadlineNanos;
    @CheckForNull
    private RateLimit lastRateLimit;

    Session(HttpGateway gateway, URI base, Authorization authorization, long deadlineNanos) {
        this.gateway = gateway;
        this.base = base;
        this.authorization = authorization;
        this.deadlineNanos = deadlineNanos;
    }

    /** Encodes one path segment (an organization, project or user name) for use in a path. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Encodes a query parameter value. */
    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public Authorization authorization() {
        return authorization;
    }

    /** Returns the API host name, for messages. */
    public String host() {
        return base.getHost();
    }

    /** Returns the rate limit of the latest answer that reported one. */
    public Optional<RateLimit> lastRateLimit() {
        return Optional.ofNullable(lastRateLimit);
    }

    /** Returns the time left of the budget (never negative). */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /**
     * Sends {@code GET} to a path below the API base address ({@code /user?x=1}) and returns any answer with a
     * status, including 4xx and 5xx, except 429 and redirects, which it handles.
     */
    public ApiResponse get(String pathAndQuery) throws HttpProblem {
        return exchange(URI.create(base.toString() + pathAndQuery), null);
    }

    /**
     * Sends {@code POST} with a JSON body to a path below the API base address and returns any answer with a status,
     * like {@link #get}. A 307 or 308 redirect within the origin is followed with the same body; a 301, 302 or 303
     * would turn the write into a {@code GET}, so it is reported, not followed.
     */
    public ApiResponse postJson(String pathAndQuery, byte[] json) throws HttpProblem {
        return exchange(URI.create(base.toString() + pathAndQuery), json.clone());
    }

    /**
     * Sends {@code GET} to an absolute address a host gave (a next-page link, the server root); it must have the
     * API's origin, otherwise the credential would leave it.
     */
    public ApiResponse getAbsolute(String url) throws HttpProblem {
        URI target;
        try {
            target = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new HttpProblem(HttpProblem.Kind.UNEXPECTED_ANSWER, host() + " sent an invalid link.",
                    "Report this answer of " + host() + " to its administrator.");
        }
        if (!sameOrigin(base, target)) {
            throw new HttpProblem(HttpProblem.Kind.CROSS_ORIGIN_REDIRECT, host() + " linked to " + origin(target)
                    + "; credentials not forwarded.", "If " + origin(target) + " is the right address, use it as"
                    + " the server URL (or the API URL override).");
        }
        return exchange(target, null);
    }

    private ApiResponse exchange(URI start, @CheckForNull byte[] body) throws HttpProblem {
        URI target = start;
        for (int redirects = 0; ; redirects++) {
            ApiResponse response = send(target, body);
            RateLimit.of(response, gateway.clock()).ifPresent(limit -> lastRateLimit = limit);
            if (isRedirect(response.status())) {
                Optional<String> location = response.header("Location");
                if (location.isPresent()) {
                    URI next = resolve(target, location.get());
                    if (!sameOrigin(base, next)) {
                        throw new HttpProblem(HttpProblem.Kind.CROSS_ORIGIN_REDIRECT,
                                host() + " redirected " + target.getPath() + " to " + origin(next)
                                        + "; credentials not forwarded.",
                                "If " + origin(next) + " is the right address (for example https instead of http,"
                                        + " or the canonical host name), use it as the server URL.");
                    }
                    if (body != null && response.status() < 307) {
                        throw new HttpProblem(HttpProblem.Kind.UNEXPECTED_ANSWER,
                                host() + " redirected the write to " + target.getPath() + " (HTTP "
                                        + response.status() + "); it was not repeated as a read.",
                                "Use the final address of the API as the server URL; a renamed or moved repository"
                                        + " must be named by its new path.");
                    }
                    if (redirects >= HttpGateway.MAX_REDIRECTS) {
                        throw new HttpProblem(HttpProblem.Kind.TOO_MANY_REDIRECTS,
                                host() + " redirected more than " + HttpGateway.MAX_REDIRECTS + " times.",
                                "Use the final address of the API as the server URL; check for a redirect loop in"
                                        + " a proxy in front of the server.");
                    }
                    target = next;
                    continue;
                }
            }
            if (response.status() == 429 || response.status() == 403 && lastRateLimitExhausted(response)) {
                RateLimit limit = RateLimit.of(response, gateway.clock()).orElse(null);
                String when = limit == null || limit.reset() == null ? "" : " (" + limit.describe() + ")";
                throw new HttpProblem(HttpProblem.Kind.RATE_LIMITED,
                        host() + " rate-limited the request (HTTP " + response.status() + ")" + when + ".",
                        "Wait until the limit resets" + (when.isEmpty() ? "" : when) + " before testing again;"
                                + " if it happens often, give Jenkins a token of its own or scan less often.",
                        limit, null);
            }
            return response;
        }
    }

    private boolean lastRateLimitExhausted(ApiResponse response) {
        return RateLimit.of(response, gateway.clock()).map(RateLimit::exhausted).orElse(false);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI resolve(URI current, String location) throws HttpProblem {
        try {
            return current.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(HttpProblem.Kind.UNEXPECTED_ANSWER,
                    current.getHost() + " sent a redirect with an invalid address.",
                    "Use the final address of the API as the server URL.");
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return Origin.of(a).map(origin -> origin.contains(b)).orElse(false);
    }

    private static String origin(URI uri) {
        return lower(uri.getScheme()) + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    @CheckForNull
    private static String lower(@CheckForNull String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private ApiResponse send(URI target, @CheckForNull byte[] body) throws HttpProblem {
        if (!sameOrigin(base, target)) {
            // Checked on every request, not only redirects: nothing a host answers may take the credential elsewhere.
            throw new HttpProblem(HttpProblem.Kind.CROSS_ORIGIN, "A request to " + origin(target) + " was stopped:"
                    + " it is not the API's address " + origin(base) + ", so the credential was not sent there.",
                    "Give the API's real address as the server URL (or the API URL override); Jenkins sends the"
                            + " credential only to that address.");
        }
        if (authorization.headerValue().isPresent() && HeaderLogging.logsHeaders()) {
            throw new HttpProblem(HttpProblem.Kind.CREDENTIAL_WITHHELD, HeaderLogging.MESSAGE, HeaderLogging.FIX);
        }
        Duration left = remaining();
        if (left.isZero()) {
            throw budgetSpent(target);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(left)
                .header("Accept", "application/json")
                .header("User-Agent", gateway.settings().userAgent());
        if (body == null) {
            request.GET();
        } else {
            request.POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "application/json; charset=utf-8");
        }
        authorization.headerValue().ifPresent(value -> request.header("Authorization", value));
        CompletableFuture<HttpResponse<byte[]>> future =
                gateway.client().sendAsync(request.build(), info -> new CappedBody(HttpGateway.MAX_BODY_BYTES));
        try {
            HttpResponse<byte[]> response = future.get(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
            return new ApiResponse(response.statusCode(), response.headers().map(), response.body(), target);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw budgetSpent(target);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new HttpProblem(HttpProblem.Kind.NETWORK, "The request to " + target.getHost()
                    + " was interrupted.", "Try again.");
        } catch (ExecutionException e) {
            throw map(target, e.getCause() == null ? e : e.getCause());
        }
    }

    private HttpProblem budgetSpent(URI target) {
        long seconds = gateway.settings().totalBudget().toSeconds();
        return new HttpProblem(HttpProblem.Kind.BUDGET_SPENT,
                target.getHost() + " did not answer " + target.getPath() + " within the " + seconds
                        + " s budget; the check stopped waiting.",
                "Check that " + target.getHost() + " is up and reachable from Jenkins (firewall, proxy);"
                        + " a server that accepts connections but never answers is often behind a broken proxy.");
    }

    private HttpProblem map(URI target, Throwable failure) {
        String host = target.getHost();
        if (find(failure, BodyTooLarge.class) != null) {
            return new HttpProblem(HttpProblem.Kind.BODY_TOO_LARGE,
                    host + " sent an answer larger than " + HttpGateway.MAX_BODY_BYTES / (1024 * 1024)
                            + " MiB for " + target.getPath() + ".",
                    "Check that the server URL points at the API, not at a download or a proxy page.", null,
                    failure);
        }
        if (find(failure, UnresolvedAddressException.class) != null
                || find(failure, UnknownHostException.class) != null) {
            return new HttpProblem(HttpProblem.Kind.DNS,
                    "The host name " + host + " could not be resolved (DNS).",
                    "Check the spelling of the server URL, and that Jenkins can resolve " + host
                            + " (DNS, /etc/hosts, or a proxy that must be configured in Jenkins).", null, failure);
        }
        SSLException ssl = find(failure, SSLException.class);
        CertificateException certificate = find(failure, CertificateException.class);
        if (ssl != null || certificate != null) {
            Throwable root = certificate != null ? certificate : ssl;
            String detail = deepestMessage(root);
            return new HttpProblem(HttpProblem.Kind.TLS,
                    "The TLS handshake with " + host + " failed" + (detail.isEmpty() ? "" : ": " + detail) + ".",
                    "If " + host + " uses a certificate of a private CA or a self-signed one, add it to the Java"
                            + " trust store of the Jenkins controller; check that the URL uses the right port for"
                            + " https.", null, failure);
        }
        if (find(failure, HttpConnectTimeoutException.class) != null) {
            return new HttpProblem(HttpProblem.Kind.TIMEOUT,
                    "Could not connect to " + host + " within " + gateway.settings().connectTimeout().toSeconds()
                            + " s.",
                    "Check that " + host + " is reachable from Jenkins: firewall rules, the proxy settings, the"
                            + " port in the server URL.", null, failure);
        }
        if (find(failure, HttpTimeoutException.class) != null) {
            return budgetSpent(target);
        }
        if (find(failure, ConnectException.class) != null) {
            return new HttpProblem(HttpProblem.Kind.CONNECTION_REFUSED,
                    "The connection to " + host + (target.getPort() == -1 ? "" : ":" + target.getPort())
                            + " was refused.",
                    "Check the port of the server URL and that the server is running; a firewall may refuse"
                            + " connections from Jenkins.", null, failure);
        }
        return new HttpProblem(HttpProblem.Kind.NETWORK,
                "The request to " + host + " failed (" + failure.getClass().getSimpleName() + ").",
                "Check the network between Jenkins and " + host + ", and the proxy settings.", null, failure);
    }

    @CheckForNull
    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
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

    private static String deepestMessage(Throwable failure) {
        String message = "";
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current.getMessage() != null && !current.getMessage().isBlank()) {
                message = current.getMessage();
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /** Signals an answer over the size cap. */
    static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super("answer larger than the cap");
        }
    }

    /** Collects a body up to a cap and cancels the exchange beyond it. */
    static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final int cap;
        @CheckForNull
        private Flow.Subscription subscription;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            this.subscription = newSubscription;
            newSubscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (buffer.size() + item.remaining() > cap) {
                    if (subscription != null) {
                        subscription.cancel();
                    }
                    result.completeExceptionally(new BodyTooLarge());
                    return;
                }
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                buffer.write(bytes, 0, bytes.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
