package io.jenkins.plugins.gitproviders.steps;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Builds a bare repository as a Gitea host stores it, with the real {@code git} CLI: {@code main} with two commits
 * (README {@code one}, then {@code two}), tag {@code v1} on the first, and pull request 7 ({@code refs/pull/7/head},
 * README {@code pr}) on a commit no branch holds.
 */
public final class TestRepository {
    public final String first;
    public final String main;
    public final String pullRequest;
    private final File work;
    private final File bare;

    private TestRepository(String first, String main, String pullRequest, File work, File bare) {
        this.first = first;
        this.main = main;
        this.pullRequest = pullRequest;
        this.work = work;
        this.bare = bare;
    }

    /** Returns the commit {@code main} pointed to when the repository was created. */
    public String initialMain() {
        return main;
    }

    /** Commits a new README on {@code main} and pushes it to the bare repository, as a push to the host would. */
    public String pushToMain(String readme) throws IOException, InterruptedException {
        String commit = commit(work, readme);
        git(work, "push", "-q", bare.getAbsolutePath(), "main");
        return commit;
    }

    /** Creates {@code <root>/<path>.git}. */
    public static TestRepository create(File root, String path) throws IOException, InterruptedException {
        File work = new File(root, "work-" + path.replace('/', '-'));
        File bare = new File(root, path + ".git");
        git(root, "init", "-q", work.getAbsolutePath());
        git(work, "symbolic-ref", "HEAD", "refs/heads/main");
        String first = commit(work, "one");
        git(work, "tag", "v1");
        git(work, "checkout", "-q", "-b", "feature");
        String pullRequest = commit(work, "pr");
        git(work, "checkout", "-q", "main");
        String main = commit(work, "two");
        git(root, "clone", "-q", "--bare", work.getAbsolutePath(), bare.getAbsolutePath());
        git(bare, "update-ref", "refs/pull/7/head", pullRequest);
        git(bare, "branch", "-D", "feature");
        git(bare, "symbolic-ref", "HEAD", "refs/heads/main");
        // As hosts do, so that a webhook's commit can be fetched by its id over any protocol version.
        git(bare, "config", "uploadpack.allowReachableSHA1InWant", "true");
        return new TestRepository(first, main, pullRequest, work, bare);
    }

    private static String commit(File work, String readme) throws IOException, InterruptedException {
        Files.writeString(new File(work, "README").toPath(), readme + "\n", StandardCharsets.UTF_8);
        git(work, "add", "README");
        git(work, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", readme);
        return git(work, "rev-parse", "HEAD").strip();
    }

    private static String git(File dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }
}
