package io.jenkins.plugins.gitproviders.core.webhook;

import io.jenkins.plugins.gitproviders.core.testing.FixtureDeliveries;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs deliveries as the hosts do, and supplies bodies that count what the receiver reads of them. */
final class Signed {
    private Signed() {}

    static String hmacSha256(String secret, byte[] body) {
        return hmac("HmacSHA256", secret, body);
    }

    static String hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GitHub delivery of the body with the fixture's headers, signed with the secret as GitHub signs. */
    static WebhookDelivery gitHub(String fixture, byte[] body, String secret, String deliveryId) {
        Map<String, String> headers = FixtureDeliveries.headers(fixture);
        headers.put("X-GitHub-Delivery", deliveryId);
        headers.put("X-Hub-Signature-256", "sha256=" + hmacSha256(secret, body));
        return WebhookDelivery.post(headers, body);
    }

    /** A GitHub delivery of the fixture's exact bytes, signed with the secret. */
    static WebhookDelivery gitHub(String fixture, String secret, String deliveryId) {
        return gitHub(fixture, Fixtures.bytes(fixture), secret, deliveryId);
    }

    /** A body of {@code size} bytes of JSON-looking text that counts the bytes read from it. */
    static final class CountingBody extends InputStream {
        private final long size;
        private long read;

        CountingBody(long size) {
            this.size = size;
        }

        /** Returns the bytes read so far. */
        long bytesRead() {
            return read;
        }

        @Override
        public int read() {
            return read < size ? (read++ == 0 ? '{' : ' ') : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = (int) Math.min(length, size - read);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = read + i == 0 ? (byte) '{' : (byte) ' ';
            }
            read += n;
            return n;
        }
    }
}
