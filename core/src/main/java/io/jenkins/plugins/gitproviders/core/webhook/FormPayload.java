package io.jenkins.plugins.gitproviders.core.webhook;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Extracts the JSON document from a form-encoded delivery ({@code application/x-www-form-urlencoded}, body
 * {@code payload=<percent-encoded JSON>}), as GitHub and Gitea send when so configured. Decoding works on bytes, so
 * that invalid UTF-8 inside the percent-encoding is still caught by {@link JsonPayload}.
 */
public final class FormPayload {
    /** Names the media type of form-encoded deliveries. */
    public static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private static final byte[] NAME = "payload".getBytes(StandardCharsets.US_ASCII);

    private FormPayload() {}

    /** Tells whether the delivery declares a form-encoded body. */
    public static boolean isForm(WebhookDelivery delivery) {
        return delivery.contentType().map(MEDIA_TYPE::equals).orElse(false);
    }

    /**
     * Returns the decoded bytes of the {@code payload} parameter.
     *
     * @throws MalformedPayloadException when there is no such parameter or its percent-encoding is broken
     */
    public static byte[] payload(byte[] body) throws MalformedPayloadException {
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            int equals = indexOf(body, (byte) '=', start);
            if (equals >= 0 && equals < end && equals - start == NAME.length && startsWith(body, start, NAME)) {
                return decode(body, equals + 1, end);
            }
            start = end + 1;
        }
        throw new MalformedPayloadException(
                "The form-encoded body has no 'payload' parameter; set the webhook's content type to application/json");
    }

    private static byte[] decode(byte[] body, int from, int to) throws MalformedPayloadException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? SignatureVerifier.hexDigit(body[i + 1]) : -1;
                int low = i + 2 < to ? SignatureVerifier.hexDigit(body[i + 2]) : -1;
                if (high < 0 || low < 0) {
                    throw new MalformedPayloadException("The form-encoded 'payload' parameter has a broken"
                            + " percent-escape at byte " + i);
                }
                out.write(high << 4 | low);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] body, byte wanted, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return body.length;
    }

    private static boolean startsWith(byte[] body, int offset, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (body[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
