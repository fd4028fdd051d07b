package io.jenkins.plugins.gitproviders.core.client.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Holds the {@code Authorization} header a session sends, and scrubs every form of the secret out of texts, so that
 * no message, exception or output ever carries it. Its {@link #toString()} names the scheme only.
 */
public final class Authorization {
    private static final Authorization NONE = new Authorization("none", null, List.of());

    private final String scheme;
    @CheckForNull
    private final String headerValue;
    private final List<String> sensitive;

    private Authorization(String scheme, @CheckForNull String headerValue, List<String> sensitive) {
        this.scheme = scheme;
        this.headerValue = headerValue;
        this.sensitive = List.copyOf(sensitive);
    }

    /** Sends no credential. */
    public static Authorization none() {
        return NONE;
    }

    /** HTTP Basic with a user and a password, token or app password. */
    public static Authorization basic(String user, String secret) {
        String encoded = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return new Authorization("Basic", "Basic " + encoded, secrets(secret, encoded));
    }

    /** {@code Authorization: Bearer <token>}. */
    public static Authorization bearer(String token) {
        return new Authorization("Bearer", "Bearer " + token, secrets(token));
    }

    /** {@code Authorization: token <token>}, Gitea's own form. */
    public static Authorization token(String token) {
        return new Authorization("token", "token " + token, secrets(token));
    }

    private static List<String> secrets(String... values) {
        List<String> list = new ArrayList<>();
        for (String value : values) {
            if (!value.isEmpty()) {
                list.add(value);
            }
        }
        return list;
    }

    /** Returns the header value to send, empty for {@link #none()}. Package-private: only a session sends it. */
    Optional<String> headerValue() {
        return Optional.ofNullable(headerValue);
    }

    /** Returns the authentication scheme, safe to show ({@code Basic}, {@code Bearer}, {@code token}, {@code none}). */
    public String scheme() {
        return scheme;
    }

    /** Replaces every form of the secret in a text by {@code ****}; a host may echo what it received. */
    public String scrub(@CheckForNull String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (String secret : sensitive) {
            result = result.replace(secret, "****");
        }
        return result;
    }

    @Override
    public String toString() {
        return "Authorization[" + scheme + " ****]";
    }
}
