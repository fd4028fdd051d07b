package io.jenkins.plugins.gitproviders.core.client.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.client.HostClientException;
import java.util.Optional;

/**
 * Signals that a request got no usable answer, with a plain-language cause and what to do; neither ever holds a
 * secret. Rate limiting is a problem too, so that callers report it instead of retrying.
 */
public final class HttpProblem extends HostClientException {
    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final String fix;
    @CheckForNull
    private final transient RateLimit rateLimit;

    /** The causes a request can fail with. */
    public enum Kind {
        /** The host name does not resolve. */
        DNS,
        /** The TLS handshake or the certificate check failed. */
        TLS,
        /** Nothing listens on the port, or a firewall refuses. */
        CONNECTION_REFUSED,
        /** The connection or the answer took too long. */
        TIMEOUT,
        /** The operation's total budget was spent. */
        BUDGET_SPENT,
        /** The host redirected to another origin; the credential was not forwarded and the redirect not followed. */
        CROSS_ORIGIN_REDIRECT,
        /** A request to another origin than the API's was stopped before the credential was sent. */
        CROSS_ORIGIN,
        /** The credential was not sent because the JDK HTTP client would log it (see HeaderLogging). */
        CREDENTIAL_WITHHELD,
        /** More than the allowed same-origin redirects. */
        TOO_MANY_REDIRECTS,
        /** The answer was larger than the cap. */
        BODY_TOO_LARGE,
        /** The answer was not what the API gives (HTML instead of JSON, for example). */
        UNEXPECTED_ANSWER,
        /** The host rate-limited the request (HTTP 429 or an exhausted limit). */
        RATE_LIMITED,
        /** The address is not a valid http(s) URL. */
        INVALID_URL,
        /** Any other network failure. */
        NETWORK
    }

    public HttpProblem(Kind kind, String message, String fix) {
        this(kind, message, fix, null, null);
    }

    public HttpProblem(Kind kind, String message, String fix, @CheckForNull RateLimit rateLimit,
            @CheckForNull Throwable cause) {
        // The cause is kept for debugging only; it never holds a header value since headers are not in exceptions.
        super(message, cause);
        this.kind = kind;
        this.fix = fix;
        this.rateLimit = rateLimit;
    }

    public Kind kind() {
        return kind;
    }

    /** Returns what the administrator should do about it. */
    public String fix() {
        return fix;
    }

    /** Returns the rate limit the host reported with a {@link Kind#RATE_LIMITED} problem. */
    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }
}
