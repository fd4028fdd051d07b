package io.jenkins.plugins.gitproviders.core.webhook;

import java.io.IOException;

/** Signals a request body that ended before the length its {@code Content-Length} declared. */
public final class IncompleteBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for a body that ended after {@code received} of {@code declared} bytes. */
    public IncompleteBodyException(long declared, long received) {
        super("The request body ended after " + received + " of the " + declared + " bytes its Content-Length"
                + " declared");
    }
}
