package io.jenkins.plugins.gitproviders.core.webhook.azure;

/** Signals a delivery that cannot be read; the message says what is wrong, for the host's delivery log. */
final class MalformedPayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedPayloadException(String message) {
        super(message, null, false, false);
    }
}
