package io.jenkins.plugins.gitproviders.core.checkout;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes what a Pipeline asked to check out, parsed from the step's {@code ref} parameter.
 *
 * <p>Forms, tried in this order:
 * <ol>
 *   <li>absent or blank: the remote's default branch;</li>
 *   <li>{@code refs/heads/<name>}: that branch; {@code refs/tags/<name>}: that tag;</li>
 *   <li>{@code PR-<number>}: a pull (merge) request, spelled as Jenkins multibranch names them;</li>
 *   <li>40 or 64 hexadecimal digits: that exact commit (SHA-1 or SHA-256);</li>
 *   <li>anything else: a short name that may be a branch or a tag; if both exist, the tag wins, as in
 *       {@code git rev-parse} (refs/tags/ is searched before refs/heads/).</li>
 * </ol>
 * A branch literally named {@code PR-12} or looking like a commit id is reached with {@code refs/heads/...}.
 */
public sealed interface RefRequest {
    /** Recognises a pull request number. */
    Pattern PULL_REQUEST = Pattern.compile("PR-([0-9]{1,18})");
    /** Recognises a full commit id. */
    Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");

    /**
     * Parses and validates the step's {@code ref} parameter.
     *
     * @throws CheckoutException when the value is not a ref git would accept, naming the rule it breaks
     */
    static RefRequest parse(@CheckForNull String ref) {
        if (ref == null || ref.isBlank()) {
            return new DefaultBranch();
        }
        String value = ref.strip();
        if (value.startsWith("refs/heads/")) {
            return new Branch(shortName(value, value.substring("refs/heads/".length())));
        }
        if (value.startsWith("refs/tags/")) {
            return new Tag(shortName(value, value.substring("refs/tags/".length())));
        }
        if (value.startsWith("refs/")) {
            throw new CheckoutException("Ref " + Texts.quote(value) + " is not supported: only refs/heads/<branch>"
                    + " and refs/tags/<tag> can be given in full; for a pull request give PR-<number>, for a"
                    + " commit its full id.");
        }
        Matcher pr = PULL_REQUEST.matcher(value);
        if (pr.matches()) {
            long number = Long.parseLong(pr.group(1));
            if (number < 1 || number > Integer.MAX_VALUE) {
                throw new CheckoutException("Pull request number in ref " + Texts.quote(value)
                        + " is out of range: give PR-<number> with a number from 1 to " + Integer.MAX_VALUE + ".");
            }
            return new PullRequest((int) number);
        }
        if (COMMIT.matcher(value).matches()) {
            return new Commit(value.toLowerCase(Locale.ROOT));
        }
        if (value.equals("HEAD")) {
            throw new CheckoutException("Ref 'HEAD' is not accepted: leave ref out to check out the default branch.");
        }
        return new BranchOrTag(shortName(value, value));
    }

    /** Validates a branch or tag name both alone and as the full ref git will see. */
    private static String shortName(String given, String name) {
        String problem = RefNames.problem(name).or(() -> RefNames.problem("refs/heads/" + name)).orElse(null);
        if (problem != null) {
            throw new CheckoutException("Ref " + Texts.quote(given) + " is not a valid Git ref: it " + problem
                    + ". Give a branch or tag name as git check-ref-format allows, a full commit id (40 or 64 hex"
                    + " digits), or PR-<number>.");
        }
        return name;
    }

    /** Asks for the remote's default branch, whatever the remote's HEAD points to. */
    record DefaultBranch() implements RefRequest {}

    /** Asks for a branch, by its short name. */
    record Branch(String name) implements RefRequest {
        public Branch {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Asks for a tag, by its short name. */
    record Tag(String name) implements RefRequest {
        public Tag {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Asks for a short name that may be a tag or a branch; the tag wins when both exist. */
    record BranchOrTag(String name) implements RefRequest {
        public BranchOrTag {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Asks for an exact commit, by its full lowercase id. */
    record Commit(String id) implements RefRequest {
        public Commit {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Asks for a pull or merge request's head (Azure DevOps: its merge commit), by number. */
    record PullRequest(int number) implements RefRequest {}
}
