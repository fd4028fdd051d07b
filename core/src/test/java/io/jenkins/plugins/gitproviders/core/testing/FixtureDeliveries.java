package io.jenkins.plugins.gitproviders.core.testing;

import io.jenkins.plugins.gitproviders.core.webhook.WebhookDelivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds webhook deliveries from the shared fixtures: the {@code NAME.json} body, byte for byte, with the headers of
 * the sibling {@code NAME.headers} file ({@code Name: value} lines); a fixture without a headers file gets
 * {@code Content-Type: application/json} only.
 */
public final class FixtureDeliveries {
    private FixtureDeliveries() {}

    /** Loads a delivery by its body's path below the fixtures folder, such as {@code github/webhook/push.json}. */
    public static WebhookDelivery load(String bodyPath) {
        return WebhookDelivery.post(headers(bodyPath), Fixtures.bytes(bodyPath));
    }

    /** Loads a delivery with extra headers added to, or replacing, the recorded ones. */
    public static WebhookDelivery load(String bodyPath, Map<String, String> extraHeaders) {
        Map<String, String> headers = headers(bodyPath);
        headers.putAll(extraHeaders);
        return WebhookDelivery.post(headers, Fixtures.bytes(bodyPath));
    }

    /** Reads the recorded headers of a fixture, in file order; later lines with the same name win. */
    public static Map<String, String> headers(String bodyPath) {
        Path body = Fixtures.path(bodyPath);
        String name = body.getFileName().toString();
        Path headerFile = body.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".headers");
        Map<String, String> headers = new LinkedHashMap<>();
        if (!Files.exists(headerFile)) {
            headers.put("Content-Type", "application/json");
            return headers;
        }
        try {
            for (String line : Files.readAllLines(headerFile, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return headers;
    }

    /** Lists the paths of the {@code .json} bodies directly in a fixtures folder, sorted. */
    public static List<String> bodies(String folder) {
        Path dir = Fixtures.path(folder);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .map(file -> folder + "/" + file.getFileName())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
