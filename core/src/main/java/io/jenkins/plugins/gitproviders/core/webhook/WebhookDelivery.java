package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Holds one webhook delivery as plain data: method, headers (names compared without case), query parameters and the
 * raw body bytes, exactly as received, because signatures hold only over those bytes. The receiver holds the body in
 * one array that signature checks and parsers read in place; only the public constructor and {@link #body()} copy.
 */
public final class WebhookDelivery {
    private final String method;
    private final Map<String, List<String>> headers;
    private final Map<String, List<String>> query;
    private final byte[] body;

    /** Creates a delivery holding a copy of the body. */
    public WebhookDelivery(
            String method, Map<String, List<String>> headers, Map<String, List<String>> query, byte[] body) {
        this(body.clone(), Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT), fold(headers),
                Map.copyOf(query));
    }

    /** Holds parts already normalised; the body is adopted as it is. */
    private WebhookDelivery(byte[] body, String method, Map<String, List<String>> headers,
            Map<String, List<String>> query) {
        this.method = method;
        this.headers = headers;
        this.query = query;
        this.body = body;
    }

    /** A delivery whose body is not read yet, for the decisions taken from the request line and headers alone. */
    static WebhookDelivery head(String method, Map<String, List<String>> headers, Map<String, List<String>> query) {
        return new WebhookDelivery(new byte[0], Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT),
                fold(headers), Map.copyOf(query));
    }

    /** Returns this delivery with the body just read; the array is adopted, not copied, and must not change. */
    WebhookDelivery withBody(byte[] read) {
        return new WebhookDelivery(read, method, headers, query);
    }

    private static Map<String, List<String>> fold(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> folded.merge(name, List.copyOf(values), (a, b) -> {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        return Collections.unmodifiableMap(folded);
    }

    /**
     * Returns the body length the request declares in {@code Content-Length}, or -1 when it declares none or one
     * that is not a single non-negative number (several differing values, say), which is then not relied on.
     */
    public long declaredLength() {
        List<String> values = headers.get("Content-Length");
        if (values == null || values.isEmpty()) {
            return -1;
        }
        long length = -1;
        for (String value : values) {
            String trimmed = value.trim();
            if (trimmed.isEmpty() || trimmed.length() > 18 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            long parsed = Long.parseLong(trimmed);
            if (length >= 0 && parsed != length) {
                return -1;
            }
            length = parsed;
        }
        return length;
    }

    /** A POST with the given single-valued headers and body, for tests and the command-line tool. */
    public static WebhookDelivery post(Map<String, String> headers, byte[] body) {
        TreeMap<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new WebhookDelivery("POST", multi, Map.of(), body);
    }

    public String method() {
        return method;
    }

    /** Returns the first value of a header, whatever the case of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Returns all headers, names compared without case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** Returns the first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Returns a copy of the raw body; parsers and verifiers read it in place instead. */
    public byte[] body() {
        return body.clone();
    }

    /** Returns the body's length without copying it. */
    public int bodyLength() {
        return body.length;
    }

    /** Gives read access to the raw body without a copy; callers must not change it. */
    byte[] rawBody() {
        return body;
    }

    /** Returns the media type of the body, lowercase and without parameters. */
    public Optional<String> contentType() {
        return header("Content-Type").map(value -> {
            int semicolon = value.indexOf(';');
            return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        });
    }

    @Override
    public String toString() {
        return method + " with " + headers.size() + " headers and " + body.length + " bytes";
    }

    @CheckForNull
    static String firstOrNull(@CheckForNull List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
