package io.jenkins.plugins.gitproviders.core.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Shares the JSON mapping and the crash-safe file replacement of the stores in this package. Events are bound as
 * records, component by component, so a component added to {@link WebhookEvent} is stored without a change here;
 * values a newer version wrote and this one does not know are ignored on reading.
 */
final class StoredJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    private StoredJson() {}

    static JsonNode encode(WebhookEvent event) {
        return MAPPER.valueToTree(event);
    }

    /**
     * Reads an event back.
     *
     * @throws IllegalArgumentException when the node is not an event this version can build (an unknown host type
     *                                  or event kind, a missing value)
     */
    static WebhookEvent decode(JsonNode node) {
        try {
            return MAPPER.treeToValue(node, WebhookEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored webhook event: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Replaces a file with new content so that a crash leaves either the old or the new file, never a mix: writes a
     * sibling temporary file, forces it to disk, renames it over the target atomically, then forces the directory.
     */
    static void replace(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // A file system without atomic rename (rare for a Jenkins home): a crash here could lose the file, which
            // the readers tolerate.
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(directory);
    }

    /** Forces a directory's entries to disk, so a rename survives a power cut; not possible on every system. */
    static void forceDirectory(Path directory) {
        if (directory == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; its file system orders the rename itself.
        }
    }

    /** Describes an I/O failure for a message: the exception's kind and message, which never hold a secret here. */
    static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
