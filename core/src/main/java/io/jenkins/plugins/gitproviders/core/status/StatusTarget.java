package io.jenkins.plugins.gitproviders.core.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.checkout.RepositoryReference;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names the commit a status is for: the repository (path segments on the host), the commit id, and what the host
 * needs beside them: the branch ({@code ref}), the pull request (Azure DevOps reports a pull request build to the pull
 * request) and, for a GitLab merge request from a fork, the source project the commit lives in.
 *
 * @param repository       the repository's path segments ({@code [owner, repo]}, {@code [group, sub, project]},
 *                         {@code [PROJ, repo]}, {@code [organization, project, repo]})
 * @param commit           the commit id in lowercase hex; reporters accept only a full id (see {@link #fullCommit})
 * @param ref              the branch or tag built (short name), or {@code null}
 * @param pullRequest      the pull or merge request number of a pull request build, or {@code null}
 * @param sourceRepository the path segments of a merge request's source project when it is a fork, else empty
 */
public record StatusTarget(List<String> repository, String commit, @CheckForNull String ref,
                           @CheckForNull Integer pullRequest, List<String> sourceRepository) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");
    private static final Pattern FULL = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final int MAX_REF = 255;

    public StatusTarget {
        repository = List.copyOf(repository);
        sourceRepository = List.copyOf(sourceRepository);
        if (repository.isEmpty() || repository.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("The status target names no repository.");
        }
        for (String segment : concat(repository, sourceRepository)) {
            if (!isPathSegment(segment)) {
                throw new IllegalArgumentException("'" + StatusTexts.shown(segment) + "' is not a repository path"
                        + " segment: it must not be '.' or '..' nor contain '/', '\\', '?', '#', '%' or control"
                        + " characters.");
            }
        }
        String id = Objects.requireNonNull(commit, "commit").strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + StatusTexts.shown(commit) + "' is not a commit id (hexadecimal"
                    + " digits).");
        }
        commit = id;
        if (ref != null) {
            ref = StatusTexts.oneLine(ref);
            if (ref.isEmpty() || ref.length() > MAX_REF) {
                throw new IllegalArgumentException("The branch name of a status is empty or longer than " + MAX_REF
                        + " characters.");
            }
        }
        if (pullRequest != null && pullRequest <= 0) {
            throw new IllegalArgumentException("A pull request number is positive, not " + pullRequest + ".");
        }
    }

    /**
     * Names a commit of a repository given as the checkout step or a webhook event names it, checked against the
     * provider's rules for repository paths.
     *
     * @throws IllegalArgumentException when the path or the commit id is malformed
     */
    public static StatusTarget of(ProviderSpec provider, String repository, String commit) {
        return new StatusTarget(RepositoryReference.parse(provider, repository).segments(), commit, null, null,
                List.of());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** Tells whether a segment stays one segment in every host's URL (Azure DevOps projects may hold spaces). */
    private static boolean isPathSegment(String segment) {
        if (segment.equals(".") || segment.equals("..") || segment.length() > MAX_REF) {
            return false;
        }
        return segment.chars().noneMatch(c -> c == '/' || c == '\\' || c == '?' || c == '#' || c == '%'
                || Character.isISOControl(c));
    }

    /** Returns a copy naming the branch or tag built. */
    public StatusTarget withRef(@CheckForNull String value) {
        return new StatusTarget(repository, commit, value, pullRequest, sourceRepository);
    }

    /** Returns a copy for a pull request build. */
    public StatusTarget withPullRequest(@CheckForNull Integer number) {
        return new StatusTarget(repository, commit, ref, number, sourceRepository);
    }

    /**
     * Returns a copy whose commit lives in a fork: the source project of a GitLab merge request, which is where
     * GitLab keeps the commit and its statuses. The same repository as the target means no fork.
     */
    public StatusTarget withSourceRepository(ProviderSpec provider, @CheckForNull String path) {
        List<String> source = path == null || path.isBlank() ? List.of()
                : RepositoryReference.parse(provider, path).segments();
        return new StatusTarget(repository, commit, ref, pullRequest,
                source.equals(repository) ? List.of() : source);
    }

    /** Returns the repository path, segments joined by {@code /}. */
    public String repositoryPath() {
        return String.join("/", repository);
    }

    /** Tells whether the commit id is a full SHA-1 (40) or SHA-256 (64) id. */
    public boolean hasFullCommit() {
        return FULL.matcher(commit).matches();
    }

    /**
     * Returns the full commit id, or refuses a short one before anything is sent: a status on an abbreviated id would
     * go nowhere or to the wrong commit. Bitbucket Cloud pull request events carry only 12 characters; the status
     * goes to the full id that the checkout resolved.
     *
     * @throws StatusException of kind {@link StatusFailure.Kind#INVALID_REQUEST} for a short id
     */
    public String fullCommit(ProviderType type) throws StatusException {
        if (hasFullCommit()) {
            return commit;
        }
        String why = type == ProviderType.BITBUCKET_CLOUD && commit.length() == 12
                ? " Bitbucket Cloud pull request events carry only 12-character commit ids."
                : "";
        throw new StatusException(new StatusFailure(StatusFailure.Kind.INVALID_REQUEST, 0,
                "Build status not reported: '" + commit + "' of " + repositoryPath() + " is not a full commit id ("
                        + commit.length() + " characters, not 40 or 64)." + why,
                "Report the status to the full commit id the checkout resolved (the commit that"
                        + " gitProviderCheckout returns), not to the id of the event.", null));
    }
}
