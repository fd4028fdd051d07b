package io.jenkins.plugins.gitproviders.core.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a provider specification from the JSON file the command-line tool takes with {@code --provider}: the same
 * fields as the Jenkins configuration ({@code name}, {@code type}, {@code serverUrl}, {@code apiUrl}, {@code scope},
 * {@code username}, {@code email}, {@code credentialsId}, {@code sshCredentialsId}, {@code webhookSecretCredentialsId},
 * {@code previousWebhookSecretCredentialsId}, {@code active}, {@code allowedItems}, {@code allowOutsideScope},
 * {@code allowSha1Signatures}), and the core's list {@code webhookSecretCredentialsIds}. Secrets never go into this file.
 */
public final class ProviderFile {
    private static final long MAX_SIZE = 64 * 1024;
    private static final Set<String> FIELDS = Set.of("name", "type", "serverUrl", "apiUrl", "scope", "username",
            "email", "credentialsId", "sshCredentialsId", "webhookSecretCredentialsIds", "webhookSecretCredentialsId",
            "previousWebhookSecretCredentialsId", "active", "allowedItems", "allowOutsideScope", "allowSha1Signatures");
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ProviderFile() {}

    /** Reads and maps the file; throws with a message naming the file and the problem. */
    public static ProviderSpec read(Path file) throws IOException {
        if (Files.size(file) > MAX_SIZE) {
            throw new IOException(file + ": a provider file is at most 64 KiB");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        return parse(root, file.toString());
    }

    /** Maps a parsed JSON object; {@code origin} names it in messages. */
    public static ProviderSpec parse(@CheckForNull JsonNode root, String origin) throws IOException {
        if (root == null || !root.isObject()) {
            throw new IOException(origin + ": expected a JSON object describing one provider");
        }
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                unknown.add(field);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IOException(origin + ": unknown field(s) " + unknown + "; known fields are " + FIELDS);
        }
        String typeId = text(root, "type", origin);
        if (typeId == null) {
            throw new IOException(origin + ": 'type' is required (one of " + typeIds() + ")");
        }
        ProviderType type = ProviderType.fromId(typeId).orElseThrow(() -> new IOException(
                origin + ": unknown type '" + typeId + "' (one of " + typeIds() + ")"));
        String name = text(root, "name", origin);
        // The Jenkins configuration's two secret fields, or the list they make up in the core.
        List<String> secrets = new ArrayList<>();
        for (String field : List.of("webhookSecretCredentialsId", "previousWebhookSecretCredentialsId")) {
            String id = text(root, field, origin);
            if (id != null) {
                secrets.add(id);
            }
        }
        secrets.addAll(strings(root, "webhookSecretCredentialsIds", origin));
        return ProviderSpec.builder(name == null ? "" : name, type)
                .serverUrl(text(root, "serverUrl", origin))
                .apiUrl(text(root, "apiUrl", origin))
                .scope(text(root, "scope", origin))
                .username(text(root, "username", origin))
                .email(text(root, "email", origin))
                .credentialsId(text(root, "credentialsId", origin))
                .sshCredentialsId(text(root, "sshCredentialsId", origin))
                .webhookSecretCredentialsIds(secrets)
                .active(bool(root, "active", true, origin))
                .allowedItems(strings(root, "allowedItems", origin))
                .allowOutsideScope(bool(root, "allowOutsideScope", false, origin))
                .allowSha1Signatures(bool(root, "allowSha1Signatures", false, origin))
                .build();
    }

    private static boolean bool(JsonNode root, String field, boolean absent, String origin) throws IOException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isBoolean()) {
            throw new IOException(origin + ": '" + field + "' must be true or false");
        }
        return node.asBoolean();
    }

    private static List<String> strings(JsonNode root, String field, String origin) throws IOException {
        JsonNode node = root.get(field);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw new IOException(origin + ": '" + field + "' must be an array of strings");
        }
        for (JsonNode value : node) {
            if (!value.isTextual()) {
                throw new IOException(origin + ": '" + field + "' must be an array of strings");
            }
            values.add(value.asText());
        }
        return values;
    }

    @CheckForNull
    private static String text(JsonNode root, String field, String origin) throws IOException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IOException(origin + ": '" + field + "' must be a string");
        }
        return node.asText();
    }

    private static List<String> typeIds() {
        List<String> ids = new ArrayList<>();
        for (ProviderType type : ProviderType.values()) {
            ids.add(type.id());
        }
        return ids;
    }
}
