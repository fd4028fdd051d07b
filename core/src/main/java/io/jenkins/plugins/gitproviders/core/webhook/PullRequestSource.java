package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Set;

/**
 * Tells where a pull request's changes come from and what the host says of its author, so that triggers can decide
 * whether to build a pull request from a fork.
 *
 * <p>"Trusted" is what the host vouches for, per host:
 * <ul>
 *   <li>GitHub and GitHub Enterprise: {@code pull_request.author_association} is {@code OWNER}, {@code MEMBER} or
 *       {@code COLLABORATOR} (the author may write to the repository or belongs to its organization);</li>
 *   <li>GitLab, Bitbucket Cloud and Data Center, Gitea/Forgejo and Azure DevOps: their deliveries say nothing of the
 *       author's rights, so a pull request from a fork is never trusted (one from the repository itself needs no
 *       trust: its author could push to the repository).</li>
 * </ul>
 *
 * @param repository    the source repository's path on its host ({@code alice/hello}), or {@code null} when the host
 *                      no longer tells (a deleted fork)
 * @param fork          whether the source repository differs from the target repository; {@code true} when the
 *                      host does not tell
 * @param authorTrusted whether the host vouches for the author, as described above
 * @param authorRole    what the host says of the author ({@code CONTRIBUTOR}, {@code MEMBER}...), or {@code null}
 */
public record PullRequestSource(
        @CheckForNull String repository, boolean fork, boolean authorTrusted, @CheckForNull String authorRole) {
    /** The GitHub author associations that make an author trusted. */
    public static final Set<String> TRUSTED_GITHUB_ASSOCIATIONS = Set.of("OWNER", "MEMBER", "COLLABORATOR");

    /** A pull request from a branch of the target repository itself. */
    public static PullRequestSource sameRepository(@CheckForNull String repository) {
        return new PullRequestSource(repository, false, false, null);
    }

    /**
     * Compares source and target repositories by their paths, ignoring case; an unknown source counts as a fork.
     *
     * @param authorRole what the host says of the author, or {@code null}
     */
    public static PullRequestSource of(@CheckForNull String source, String target, boolean authorTrusted,
            @CheckForNull String authorRole) {
        boolean fork = source == null || !source.equalsIgnoreCase(target);
        return new PullRequestSource(source, fork, authorTrusted, authorRole);
    }
}
