package io.jenkins.plugins.gitproviders.core.client;

/**
 * Signals that a host could not be asked or refused an answer; the message is safe to show and holds no secret.
 */
public class HostClientException extends Exception {
    private static final long serialVersionUID = 1L;

    public HostClientException(String message) {
        super(message);
    }

    public HostClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
