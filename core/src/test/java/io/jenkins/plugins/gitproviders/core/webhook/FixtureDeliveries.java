package io.jenkins.plugins.gitproviders.core.webhook;

import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the shared fixtures ({@code x.json} with its sibling {@code x.headers}) into deliveries, byte for byte.
 */
public final class FixtureDeliveries {
    private FixtureDeliveries() {}

    /** Loads a fixture body with its headers, as a POST delivery. */
    public static WebhookDelivery load(String relative) {
        return withBody(relative, Fixtures.bytes(relative));
    }

    /** Uses a fixture's headers with another body (for mutations). */
    public static WebhookDelivery withBody(String relative, byte[] body) {
        return new WebhookDelivery("POST", headers(relative), Map.of(), body);
    }

    /** Reads the fixture's sibling {@code .headers} file; none means no headers. */
    public static Map<String, List<String>> headers(String relative) {
        Path file = Fixtures.root().resolve(relative.replaceAll("\\.json$", ".headers"));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (!Files.exists(file)) {
            return headers;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new ArrayList<>())
                            .add(line.substring(colon + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return headers;
    }

    /** Lists every {@code .json} fixture below a folder, recursively, as paths relative to the fixtures root. */
    public static List<String> jsonFilesUnder(String folder) {
        Path root = Fixtures.root();
        try (Stream<Path> files = Files.walk(root.resolve(folder))) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
