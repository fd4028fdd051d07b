package io.jenkins.plugins.gitproviders.core.webhook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a delivery's JSON body safely and gives typed access to its fields. Parsing is bounded (nesting depth, string
 * and number length, document size), strict (UTF-8 only, no duplicate keys, nothing after the document) and every
 * wrong type becomes a {@link MalformedPayloadException} naming the JSON path, never a runtime exception.
 * A JSON {@code null} reads as an absent field.
 */
public final class JsonPayload {
    /** Bounds the nesting depth of a body; real deliveries stay below 15 levels. */
    public static final int MAX_DEPTH = 64;

    /** Bounds the length of one string value, in characters; commit messages and descriptions stay far below it. */
    public static final int MAX_STRING_LENGTH = 4 * 1024 * 1024;

    private static final int MAX_MESSAGE = 200;
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
    private static final ObjectReader READER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNumberLength(64)
                            .maxNameLength(4096)
                            .maxDocumentLength(BodyReader.MAX_BODY)
                            .build())
                    // Two parsers that disagree on a duplicated key are a classic way to smuggle a second meaning.
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .readerFor(JsonNode.class);

    private final JsonNode node;
    private final String path;

    private JsonPayload(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /**
     * Parses a body that must be one JSON object in strict UTF-8.
     *
     * @throws MalformedPayloadException when the body is empty, not UTF-8, not JSON, too deep or not an object
     */
    public static JsonPayload parse(byte[] body) throws MalformedPayloadException {
        if (body.length == 0) {
            throw new MalformedPayloadException("The body is empty; expected a JSON object");
        }
        Utf8.check(body);
        JsonNode root;
        try {
            root = READER.readValue(body);
        } catch (JacksonException e) {
            throw new MalformedPayloadException("The body is not valid JSON: " + shorten(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // Jackson reports some limits as plain IOException or IllegalStateException: still the body's fault.
            throw new MalformedPayloadException("The body is not valid JSON: " + shorten(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException("The body is JSON but not an object; expected {...} at $");
        }
        return new JsonPayload(root, "$");
    }

    /** Parses the delivery's body, taking the {@code payload} parameter of a form-encoded delivery. */
    public static JsonPayload parse(WebhookDelivery delivery) throws MalformedPayloadException {
        return parse(FormPayload.isForm(delivery) ? FormPayload.payload(delivery.rawBody()) : delivery.rawBody());
    }

    /** Returns the JSON path of this value, such as {@code $.pull_request.head}. */
    public String path() {
        return path;
    }

    /** Tells whether the field is present and not {@code null}. */
    public boolean has(String name) {
        JsonNode child = node.get(name);
        return child != null && !child.isNull();
    }

    /** Returns the object in the field, if present. */
    public Optional<JsonPayload> object(String name) throws MalformedPayloadException {
        JsonNode child = child(name);
        if (child == null) {
            return Optional.empty();
        }
        if (!child.isObject()) {
            throw wrongType(name, "an object", child);
        }
        return Optional.of(new JsonPayload(child, path(name)));
    }

    /** Returns the object in the field, which must be present. */
    public JsonPayload requireObject(String name) throws MalformedPayloadException {
        return object(name).orElseThrow(() -> missing(name, "an object"));
    }

    /** Returns the string in the field, if present. */
    public Optional<String> text(String name) throws MalformedPayloadException {
        JsonNode child = child(name);
        if (child == null) {
            return Optional.empty();
        }
        if (!child.isTextual()) {
            throw wrongType(name, "a string", child);
        }
        return Optional.of(child.textValue());
    }

    /** Returns the string in the field, which must be present and not blank. */
    public String requireText(String name) throws MalformedPayloadException {
        String value = text(name).orElseThrow(() -> missing(name, "a string"));
        if (value.isBlank()) {
            throw new MalformedPayloadException("'" + path(name) + "' is empty; expected a value");
        }
        return value;
    }

    /** Returns the string in {@code field} of the object in {@code object}, if both are present. */
    public Optional<String> textIn(String object, String field) throws MalformedPayloadException {
        Optional<JsonPayload> child = object(object);
        return child.isPresent() ? child.get().text(field) : Optional.empty();
    }

    /** Returns the whole number in the field, if present; it must fit an {@code int}. */
    public Optional<Integer> integer(String name) throws MalformedPayloadException {
        JsonNode child = child(name);
        if (child == null) {
            return Optional.empty();
        }
        if (!child.isIntegralNumber() || !child.canConvertToInt()) {
            throw wrongType(name, "a whole number", child);
        }
        return Optional.of(child.intValue());
    }

    /** Returns the boolean in the field, if present. */
    public Optional<Boolean> bool(String name) throws MalformedPayloadException {
        JsonNode child = child(name);
        if (child == null) {
            return Optional.empty();
        }
        if (!child.isBoolean()) {
            throw wrongType(name, "true or false", child);
        }
        return Optional.of(child.booleanValue());
    }

    /**
     * Returns the commit id in the field, lowercase, if present: 40 hex digits (SHA-1) or 64 (SHA-256).
     *
     * @throws MalformedPayloadException when the field is not a string of 40 or 64 hex digits
     */
    public Optional<String> commit(String name) throws MalformedPayloadException {
        Optional<String> value = text(name);
        if (value.isPresent() && !COMMIT.matcher(value.get()).matches()) {
            throw new MalformedPayloadException("'" + path(name) + "' is not a commit id; expected 40 or 64 hex"
                    + " digits");
        }
        return value.map(id -> id.toLowerCase(Locale.ROOT));
    }

    /** Returns the last object of the array in the field, if the array is present and not empty. */
    public Optional<JsonPayload> lastOf(String name) throws MalformedPayloadException {
        JsonNode child = child(name);
        if (child == null) {
            return Optional.empty();
        }
        if (!child.isArray()) {
            throw wrongType(name, "an array", child);
        }
        if (child.isEmpty()) {
            return Optional.empty();
        }
        int last = child.size() - 1;
        JsonNode element = child.get(last);
        if (!element.isObject()) {
            throw new MalformedPayloadException("'" + path(name) + "[" + last + "]' is " + describe(element)
                    + "; expected an object");
        }
        return Optional.of(new JsonPayload(element, path(name) + "[" + last + "]"));
    }

    /** Tells whether a commit id consists of zeros only: hosts send it for a ref that was created or deleted. */
    public static boolean isZeroCommit(String commit) {
        return commit.chars().allMatch(c -> c == '0');
    }

    private JsonNode child(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : child;
    }

    private String path(String name) {
        return path + "." + name;
    }

    private MalformedPayloadException wrongType(String name, String expected, JsonNode actual) {
        return new MalformedPayloadException("'" + path(name) + "' is " + describe(actual) + "; expected " + expected);
    }

    private MalformedPayloadException missing(String name, String expected) {
        return new MalformedPayloadException("'" + path(name) + "' is missing; expected " + expected);
    }

    private static String describe(JsonNode value) {
        switch (value.getNodeType()) {
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case STRING:
                return "a string";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case NULL:
                return "null";
            default:
                return "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
        }
    }

    private static String shorten(String message) {
        String oneLine = String.valueOf(message).replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
    }

    /** Checks strict UTF-8 without decoding: no overlong forms, no surrogates, nothing beyond U+10FFFF, no NUL. */
    static final class Utf8 {
        private Utf8() {}

        static void check(byte[] bytes) throws MalformedPayloadException {
            int i = 0;
            while (i < bytes.length) {
                int b = bytes[i] & 0xFF;
                if (b < 0x80) {
                    if (b == 0) {
                        // Raw NUL is never valid JSON; rejecting it also stops UTF-16/32 auto-detection.
                        throw invalid(i);
                    }
                    i++;
                    continue;
                }
                int length;
                int min;
                if (b >= 0xC2 && b <= 0xDF) {
                    length = 2;
                    min = 0x80;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    length = 3;
                    min = 0x800;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    length = 4;
                    min = 0x10000;
                } else {
                    throw invalid(i);
                }
                if (i + length > bytes.length) {
                    throw invalid(i);
                }
                int code = b & (0xFF >> (length + 1));
                for (int k = 1; k < length; k++) {
                    int next = bytes[i + k] & 0xFF;
                    if ((next & 0xC0) != 0x80) {
                        throw invalid(i);
                    }
                    code = code << 6 | next & 0x3F;
                }
                if (code < min || code > 0x10FFFF || code >= 0xD800 && code <= 0xDFFF) {
                    throw invalid(i);
                }
                i += length;
            }
        }

        private static MalformedPayloadException invalid(int offset) {
            return new MalformedPayloadException("The body is not valid UTF-8 (at byte " + offset + "); webhook"
                    + " bodies must be UTF-8 JSON");
        }
    }
}
