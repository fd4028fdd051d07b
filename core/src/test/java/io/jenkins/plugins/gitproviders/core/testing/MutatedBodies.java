package io.jenkins.plugins.gitproviders.core.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Derives a corpus of damaged bodies from a real delivery, for proving that a parser answers malformed or ignored,
 * never an exception: truncations, invalid UTF-8, bodies that are not JSON, nesting deeper than any parser accepts,
 * duplicate keys, and every field of the delivery replaced by a value of another type.
 */
public final class MutatedBodies {
    /** How a body was damaged, and the damaged bytes. */
    public record Mutation(String description, byte[] body, boolean mustBeRejected) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MutatedBodies() {}

    /**
     * Returns mutations that no parser may accept ({@code mustBeRejected}): truncations, broken encodings, non-JSON,
     * deep nesting, duplicate keys, a top-level array.
     */
    public static List<Mutation> structural(byte[] body) {
        List<Mutation> mutations = new ArrayList<>();
        int end = body.length;
        while (end > 0 && Character.isWhitespace(body[end - 1])) {
            end--;
        }
        // Cuts before the closing brace: a cut in trailing white space would leave valid JSON.
        for (int cut : new int[] {0, 1, end / 3, end / 2, end - 2, end - 1}) {
            if (cut >= 0 && cut < end) {
                mutations.add(new Mutation("truncated to " + cut + " bytes", Arrays.copyOf(body, cut), true));
            }
        }
        mutations.add(new Mutation("invalid UTF-8 byte inside", insert(body, body.length / 2, new byte[] {(byte) 0xC3, 0x28}), true));
        mutations.add(new Mutation("lone continuation byte", insert(body, 1, new byte[] {(byte) 0x80}), true));
        mutations.add(new Mutation("overlong encoding of '/'", insert(body, 1, new byte[] {(byte) 0xC0, (byte) 0xAF}), true));
        mutations.add(new Mutation("UTF-16 encoded", new String(body, StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_16), true));
        mutations.add(new Mutation("form-encoded", ("payload=" + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8), true));
        mutations.add(new Mutation("trailing garbage", concat(body, "}}".getBytes(StandardCharsets.UTF_8)), true));
        mutations.add(new Mutation("second document", concat(body, body), true));
        mutations.add(new Mutation("top-level array", concat(concat(bytes("["), body), bytes("]")), true));
        mutations.add(new Mutation("JSON null", bytes("null"), true));
        mutations.add(new Mutation("JSON string", bytes("\"repo:push\""), true));
        mutations.add(new Mutation("nested 100 000 deep", nested(100_000), true));
        mutations.add(new Mutation("nested 65 deep inside the body", insert(body, 1,
                concat(bytes("\"deep\":"), concat(nested(65), bytes(",")))), true));
        mutations.add(new Mutation("duplicate key", insert(body, 1, bytes("\"eventKey\":1,\"eventKey\":2,")), true));
        return mutations;
    }

    /**
     * Returns, for each value of the body (up to {@code limit}, shallowest first, where parsers read), the body with that
     * value replaced by one of another type. Some of them touch fields a parser never reads, so they need not be
     * rejected.
     */
    public static List<Mutation> wrongTypes(byte[] body, int limit) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        paths.sort(java.util.Comparator.comparingLong(path -> path.chars().filter(c -> c == '/').count()));
        List<Mutation> mutations = new ArrayList<>();
        for (String path : paths.subList(0, Math.min(limit, paths.size()))) {
            JsonNode copy = root.deepCopy();
            replace(copy, path);
            try {
                mutations.add(new Mutation("wrong type at " + path, MAPPER.writeValueAsBytes(copy), false));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mutations;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                paths.add(child);
                collect(field.getValue(), child, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(path + "/" + i);
                collect(node.get(i), path + "/" + i, paths);
            }
        }
    }

    private static void replace(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        JsonNode old = parent.isObject() ? parent.get(last) : parent.get(Integer.parseInt(last));
        JsonNode replacement = otherType(old);
        if (parent instanceof ObjectNode object) {
            object.set(last, replacement);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), replacement);
        }
    }

    private static JsonNode otherType(JsonNode old) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (old.isTextual()) {
            return nodes.numberNode(7);
        }
        if (old.isNumber()) {
            return nodes.textNode("7");
        }
        if (old.isObject()) {
            return nodes.arrayNode().add("x");
        }
        if (old.isArray()) {
            return nodes.objectNode().put("x", 1);
        }
        if (old.isBoolean()) {
            return nodes.textNode("true");
        }
        return nodes.objectNode();
    }

    private static byte[] nested(int depth) {
        byte[] nested = new byte[depth * 2];
        Arrays.fill(nested, 0, depth, (byte) '[');
        Arrays.fill(nested, depth, depth * 2, (byte) ']');
        return nested;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] insert(byte[] body, int at, byte[] inserted) {
        int position = Math.min(at, body.length);
        byte[] all = new byte[body.length + inserted.length];
        System.arraycopy(body, 0, all, 0, position);
        System.arraycopy(inserted, 0, all, position, inserted.length);
        System.arraycopy(body, position, all, position + inserted.length, body.length - position);
        return all;
    }
}
