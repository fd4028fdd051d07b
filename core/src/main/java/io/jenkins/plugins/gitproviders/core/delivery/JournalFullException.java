package io.jenkins.plugins.gitproviders.core.delivery;

import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;

/**
 * Reports that the delivery journal is at its limit of entries or bytes: the builds of earlier deliveries are not
 * being queued as fast as deliveries arrive. The delivery is refused (503, with a {@code Retry-After}) rather than
 * accepted and then lost.
 */
public final class JournalFullException extends JournalException {
    private static final long serialVersionUID = 1L;

    /** The number of seconds to tell the host to wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = WebhookResponse.RETRY_AFTER_SECONDS;

    public JournalFullException(String message) {
        super(message);
    }
}
