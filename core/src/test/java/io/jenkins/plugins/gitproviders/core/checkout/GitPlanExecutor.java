package io.jenkins.plugins.gitproviders.core.checkout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a checkout plan with the real {@code git} command line, as the plugin does with the Git client: init, ask
 * the remote when the plan needs it, fetch the plan's refspecs, check out detached. Test-only: the clone URL is
 * replaced by a local repository's {@code file://} URL, everything else comes from the plan unchanged.
 */
final class GitPlanExecutor {
    private static final long TIMEOUT_SECONDS = 60;
    private final Path home;

    /** Runs git with an empty, private configuration below {@code home}, so the machine's settings do not leak in. */
    GitPlanExecutor(Path home) {
        this.home = home;
    }

    /** Tells whether a {@code git} command is on the PATH. */
    static boolean gitAvailable() {
        try {
            Process process = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Executes the plan into an empty folder, fetching from {@code url} instead of the plan's clone URL. */
    Result execute(CheckoutPlan plan, String url, Path workspace) {
        CheckoutPlan resolved = plan;
        if (plan.needsRemoteLookup()) {
            List<String> lsRemote = new ArrayList<>(List.of("ls-remote", "--symref", url));
            lsRemote.addAll(plan.remoteLookupRefs());
            resolved = plan.resolve(RemoteRefs.fromLsRemote(git(null, lsRemote)));
        }
        git(null, List.of("init", "-q", workspace.toString()));
        List<String> fetch = new ArrayList<>(List.of("fetch", "-q", "--no-tags"));
        if (resolved.depth() != null) {
            fetch.add("--depth=" + resolved.depth());
        }
        fetch.add(url);
        fetch.addAll(resolved.refspecs());
        git(workspace, fetch);
        git(workspace, List.of("checkout", "-q", "--detach", resolved.target().checkoutRef()));
        String head = git(workspace, List.of("rev-parse", "HEAD")).strip();
        List<String> refs = Arrays.stream(git(workspace, List.of("for-each-ref", "--format=%(refname)")).split("\n"))
                .filter(line -> !line.isBlank()).toList();
        return new Result(resolved, workspace, head, refs);
    }

    /** Runs git in a folder (or the home folder) and returns its standard output; fails with git's own message. */
    String git(Path directory, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory((directory != null ? directory : home).toFile());
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", home.resolve(".gitconfig").toString());
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_AUTHOR_NAME", "Test");
        env.put("GIT_AUTHOR_EMAIL", "test@example.com");
        env.put("GIT_COMMITTER_NAME", "Test");
        env.put("GIT_COMMITTER_EMAIL", "test@example.com");
        try {
            Files.createDirectories(home);
            Path errors = Files.createTempFile(home, "git", ".err");
            Process process = builder.redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("git timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new GitFailed(command + " failed: " + Files.readString(errors).strip());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reports what a checkout produced: the plan after the remote lookup, where, the commit, the local refs. */
    record Result(CheckoutPlan plan, Path workspace, String head, List<String> refs) {}

    /** Signals that git refused a command. */
    static final class GitFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GitFailed(String message) {
            super(message);
        }
    }
}
