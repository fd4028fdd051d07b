package io.jenkins.plugins.gitproviders.core.status;

/**
 * Signals that a status was not reported, with the diagnosed {@link StatusFailure}; the message is the failure's
 * message and never holds a secret.
 */
public final class StatusException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient StatusFailure failure;

    public StatusException(StatusFailure failure) {
        super(failure.message());
        this.failure = failure;
    }

    public StatusFailure failure() {
        return failure;
    }
}
