package io.jenkins.plugins.gitproviders.core.webhook;

import java.io.IOException;

/**
 * Signals that a request body exceeds the size limit; the reader stopped at the limit and the rest was never read.
 */
public final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    /** Creates the exception for a body that exceeded {@code limit} bytes. */
    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes, the most a webhook delivery may carry");
        this.limit = limit;
    }

    /** Returns the size limit, in bytes, that the body exceeded. */
    public long limit() {
        return limit;
    }
}
