package io.jenkins.plugins.gitproviders.core.delivery;

import java.io.IOException;

/**
 * Reports that the delivery journal could not record or read something. The message says what and what to do; it
 * never holds a secret. The webhook endpoint answers 503 so that the host retries, and shows the message on the
 * deliveries page.
 */
public class JournalException extends IOException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
