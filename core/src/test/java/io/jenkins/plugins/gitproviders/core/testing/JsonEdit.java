package io.jenkins.plugins.gitproviders.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Changes a recorded JSON body the way a test needs, keeping everything else as recorded. */
public final class JsonEdit {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonEdit() {}

    /** Reads a fixture's body, lets the edit change its tree and writes it again. */
    public static byte[] fixture(String relative, Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(Fixtures.bytes(relative));
            edit.accept(root);
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the object at a JSON pointer ({@code /pull_request/head/repo}) for changing. */
    public static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }
}
