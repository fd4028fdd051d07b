package io.jenkins.plugins.gitproviders.core.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a webhook body as strict JSON and walks it, naming the JSON path of any field that is missing or of the wrong
 * type. Used by the Bitbucket and Azure DevOps parsers, which walk arrays of changes; {@link JsonPayload} serves the
 * others.
 */
public final class PayloadNode {
    /** Deepest nesting accepted; real deliveries stay below 15 levels. */
    public static final int MAX_DEPTH = 64;
    /** Longest text value taken from a delivery (names, refs, addresses). */
    public static final int MAX_TEXT = 4096;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    // Two values for one key could be read differently by the host and by us: refuse them.
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern ABBREVIATED_COMMIT = Pattern.compile("[0-9a-f]{4,63}");
    private static final Pattern NO_COMMIT = Pattern.compile("0{40}|0{64}");

    private final JsonNode node;
    private final String path;

    private PayloadNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses a delivery's body, read in place (no copy), which must be UTF-8 JSON holding one object. */
    public static PayloadNode parse(WebhookDelivery delivery) throws MalformedPayloadException {
        return parse(delivery.rawBody());
    }

    /** Parses a body that must be UTF-8 JSON holding one object; the bytes are read in place, never decoded to text. */
    public static PayloadNode parse(byte[] body) throws MalformedPayloadException {
        if (body.length == 0) {
            throw new MalformedPayloadException("the body is empty; expected a JSON object");
        }
        // Strict UTF-8 without NUL bytes, which also keeps Jackson from guessing UTF-16 or UTF-32.
        JsonPayload.Utf8.check(body);
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new MalformedPayloadException("the body nests JSON deeper than " + MAX_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            // The location only: Jackson's own message may quote parts of the body.
            JsonLocation at = e.getLocation();
            throw new MalformedPayloadException("the body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; send it as application/json");
        } catch (IOException e) {
            throw new MalformedPayloadException("the body could not be read as JSON; send it as application/json");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPayloadException("the body must be a JSON object");
        }
        return new PayloadNode(root, "");
    }

    /** Returns the JSON path of this node, such as {@code push.changes[0].new}. */
    public String path() {
        return path;
    }

    private String childPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    @CheckForNull
    private JsonNode child(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** Tells whether the field is absent or JSON {@code null}. */
    public boolean isAbsent(String name) {
        return child(name) == null;
    }

    /** Returns a required object field. */
    public PayloadNode object(String name) throws MalformedPayloadException {
        return optionalObject(name).orElseThrow(() -> missing(name, "an object"));
    }

    /** Returns an object field, or empty when it is absent or {@code null}. */
    public Optional<PayloadNode> optionalObject(String name) throws MalformedPayloadException {
        JsonNode value = child(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw wrongType(name, "an object", value);
        }
        return Optional.of(new PayloadNode(value, childPath(name)));
    }

    /** Returns the elements of a required array field. */
    public List<PayloadNode> array(String name) throws MalformedPayloadException {
        return optionalArray(name).orElseThrow(() -> missing(name, "an array"));
    }

    /** Returns the elements of an array field, or empty when it is absent or {@code null}. */
    public Optional<List<PayloadNode>> optionalArray(String name) throws MalformedPayloadException {
        JsonNode value = child(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array", value);
        }
        List<PayloadNode> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            elements.add(new PayloadNode(value.get(i), childPath(name) + "[" + i + "]"));
        }
        return Optional.of(elements);
    }

    /** Requires this node, an array element, to be an object. */
    public PayloadNode asObject() throws MalformedPayloadException {
        if (!node.isObject()) {
            throw new MalformedPayloadException(
                    "field '" + path + "' must be an object, not " + describe(node));
        }
        return this;
    }

    /** Returns a required, non-empty text field. */
    public String text(String name) throws MalformedPayloadException {
        return optionalText(name).orElseThrow(() -> missing(name, "a string"));
    }

    /** Returns a text field, or empty when it is absent, {@code null} or empty. */
    public Optional<String> optionalText(String name) throws MalformedPayloadException {
        JsonNode value = child(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a string", value);
        }
        String text = value.textValue();
        if (text.length() > MAX_TEXT) {
            throw new MalformedPayloadException(
                    "field '" + childPath(name) + "' is longer than " + MAX_TEXT + " characters");
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** Returns a required positive whole number that fits an {@code int}. */
    public int positiveInt(String name) throws MalformedPayloadException {
        JsonNode value = child(name);
        if (value == null) {
            throw missing(name, "a number");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw wrongType(name, "a positive whole number", value);
        }
        return value.intValue();
    }

    /**
     * Returns a required commit id, lowercase, or empty when it is the all-zero id that means "no commit".
     *
     * @throws MalformedPayloadException when it is missing or not 40 or 64 hexadecimal digits
     */
    public Optional<String> commit(String name) throws MalformedPayloadException {
        String id = text(name).toLowerCase(Locale.ROOT);
        if (!COMMIT.matcher(id).matches()) {
            throw new MalformedPayloadException(
                    "field '" + childPath(name) + "' must be a commit id of 40 or 64 hexadecimal digits");
        }
        return NO_COMMIT.matcher(id).matches() ? Optional.empty() : Optional.of(id);
    }

    /**
     * Returns a full commit id, or empty when the field is absent or holds an abbreviated id (some hosts send only a
     * prefix, which cannot name the commit to build).
     *
     * @throws MalformedPayloadException when it is present but not hexadecimal
     */
    public Optional<String> fullCommitIfAny(String name) throws MalformedPayloadException {
        Optional<String> text = optionalText(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String id = text.get().toLowerCase(Locale.ROOT);
        if (COMMIT.matcher(id).matches()) {
            return NO_COMMIT.matcher(id).matches() ? Optional.empty() : Optional.of(id);
        }
        if (ABBREVIATED_COMMIT.matcher(id).matches()) {
            return Optional.empty();
        }
        throw new MalformedPayloadException(
                "field '" + childPath(name) + "' must be a hexadecimal commit id");
    }

    /** Builds the error for a required field that is absent. */
    public MalformedPayloadException missing(String name, String expected) {
        return new MalformedPayloadException("field '" + childPath(name) + "' is missing; expected " + expected);
    }

    private MalformedPayloadException wrongType(String name, String expected, JsonNode value) {
        return new MalformedPayloadException(
                "field '" + childPath(name) + "' must be " + expected + ", not " + describe(value));
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return "null";
    }
}
