package io.jenkins.plugins.gitproviders.core.webhook;

/**
 * Signals a delivery body that cannot be read: not UTF-8, not JSON, too deep, or a field of the wrong type. The
 * message names the JSON path and says what was expected; it never quotes the body.
 */
public final class MalformedPayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message for the host's "recent deliveries" page. */
    public MalformedPayloadException(String message) {
        super(message);
    }

    /** Turns the problem into the parse result parsers return. */
    public ParseResult toResult() {
        return ParseResult.malformed(getMessage());
    }
}
