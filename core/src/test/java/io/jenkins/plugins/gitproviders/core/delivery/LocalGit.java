package io.jenkins.plugins.gitproviders.core.delivery;

import io.jenkins.plugins.gitproviders.core.repository.RefSource;
import io.jenkins.plugins.gitproviders.core.repository.RefTips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code git} command line for tests: a bare repository stands for the host, and {@link #refSource}
 * answers as the plugin's implementation does, with {@code git ls-remote}. Runs with an empty, private configuration.
 */
final class LocalGit {
    private final Path home;

    LocalGit(Path home) {
        this.home = home;
    }

    /** Tells whether a {@code git} command is on the PATH. */
    static boolean available() {
        try {
            Process process = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Answers with {@code git ls-remote <url> <patterns>}; a failing command becomes an IOException with git's words. */
    RefSource refSource(String url) {
        return (provider, repository, patterns) -> {
            List<String> arguments = new ArrayList<>(List.of("ls-remote", url));
            arguments.addAll(patterns);
            return RefTips.fromLsRemote(run(null, arguments));
        };
    }

    String git(Path directory, String... arguments) {
        try {
            return run(directory, List.of(arguments));
        } catch (IOException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private String run(Path directory, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(arguments);
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder(command).directory((directory != null ? directory : home).toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_AUTHOR_NAME", "Test");
        env.put("GIT_AUTHOR_EMAIL", "test@example.com");
        env.put("GIT_COMMITTER_NAME", "Test");
        env.put("GIT_COMMITTER_EMAIL", "test@example.com");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("git " + String.join(" ", arguments) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return output;
    }
}
