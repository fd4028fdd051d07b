package io.jenkins.plugins.gitproviders.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shared fixtures ({@code ../shared/fixtures} beside the project's root, or the {@code fixtures.dir}
 * system property set by the build).
 */
public final class Fixtures {
    private Fixtures() {}

    /** Returns the fixtures folder; fails with a clear message when it is missing. */
    public static Path root() {
        String configured = System.getProperty("fixtures.dir");
        Path root = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared", "fixtures");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("Shared fixtures not found at " + root.toAbsolutePath()
                    + "; they live in ../shared/fixtures beside the project's root");
        }
        return root.normalize();
    }

    /** Resolves a path below the fixtures folder, such as {@code github/webhook/push.json}. */
    public static Path path(String relative) {
        Path file = root().resolve(relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException("No fixture " + relative + " in " + root().toAbsolutePath());
        }
        return file;
    }

    /** Reads a fixture's exact bytes. */
    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
