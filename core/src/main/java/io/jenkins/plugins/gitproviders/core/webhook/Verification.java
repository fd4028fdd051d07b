package io.jenkins.plugins.gitproviders.core.webhook;

import java.util.Objects;

/**
 * Tells whether a delivery proved it came from the host, with a message safe to show (it never contains a secret,
 * a signature or the body).
 *
 * @param outcome what the check found
 * @param message what it means and what to do, for the host's "recent deliveries" page and the command-line tool
 */
public record Verification(Outcome outcome, String message) {
    public Verification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
    }

    /** Tells whether the delivery may be processed: only a verified signature or token admits it. */
    public boolean accepted() {
        return outcome == Outcome.VERIFIED;
    }

    /** The outcomes of verification; all but {@link #VERIFIED} refuse the delivery (HTTP 401). */
    public enum Outcome {
        /** A configured secret matched the delivery's signature or token. */
        VERIFIED,
        /** A secret is configured, but the delivery carries no signature or token. */
        MISSING_SIGNATURE,
        /** The delivery carries a signature or token that no configured secret matches. */
        INVALID_SIGNATURE,
        /** The provider has no webhook secret, so it accepts no deliveries (fail closed). */
        NO_SECRET_CONFIGURED,
        /** The delivery is signed with HMAC-SHA1 only, which the provider does not allow. */
        SHA1_REFUSED
    }
}
