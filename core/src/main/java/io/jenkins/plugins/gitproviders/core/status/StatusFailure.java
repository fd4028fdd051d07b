package io.jenkins.plugins.gitproviders.core.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.Objects;

/**
 * Explains why a status was not reported: what happened, in the host's terms where they help, and what to do. Neither
 * text ever holds the credential's secret.
 *
 * @param kind       the cause, which decides whether a retry can help
 * @param httpStatus the host's HTTP status, or 0 when no answer came (or nothing was sent)
 * @param message    what happened
 * @param fix        what to do about it
 * @param retryAt    when the host allows the next request (a rate limit's reset), or {@code null}
 */
public record StatusFailure(Kind kind, int httpStatus, String message, String fix, @CheckForNull Instant retryAt) {
    /** The causes of a failed report. */
    public enum Kind {
        /** Nothing was sent: the status or its target is not valid (a short commit id, for example). */
        INVALID_REQUEST(false),
        /** The host rejected the credential (HTTP 401). */
        UNAUTHORIZED(false),
        /** The token lacks a scope, or its account lacks a permission on the repository (HTTP 403). */
        MISSING_PERMISSION(false),
        /** The repository or the commit is unknown to the host, or hidden from the token (HTTP 404). */
        NOT_FOUND(false),
        /** The host refused the status itself (HTTP 400, 422 and other answers). */
        REJECTED(false),
        /** The host rate-limited the request (HTTP 429, or 403 with an exhausted limit). */
        RATE_LIMITED(true),
        /** No answer in time. */
        TIMEOUT(true),
        /** The host could not be reached (DNS, refused connection, network). */
        UNREACHABLE(true),
        /** The address leads elsewhere: a TLS failure, a redirect to another site, a page that is not the API. */
        MISCONFIGURED(false),
        /** The host failed (HTTP 5xx). */
        SERVER_ERROR(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        /** Tells whether the same request may succeed later without anyone changing anything. */
        public boolean retryable() {
            return retryable;
        }
    }

    public StatusFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** Returns the message and the fix as one text, for a build log. */
    public String describe() {
        return message + " " + fix;
    }
}
