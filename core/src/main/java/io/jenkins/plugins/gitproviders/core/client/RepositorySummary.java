package io.jenkins.plugins.gitproviders.core.client;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;

/**
 * Describes a repository as a host lists it, for repository pickers.
 *
 * @param fullName      the path on the host ({@code owner/name}, {@code group/sub/name}, {@code PROJ/repo}, {@code org/project/repo})
 * @param httpsCloneUrl the HTTPS clone address
 * @param sshCloneUrl   the SSH clone address, when the host offers one
 * @param webUrl        the repository's page
 * @param defaultBranch the default branch, when the host tells
 * @param privateRepository whether the repository is private
 */
public record RepositorySummary(
        String fullName,
        String httpsCloneUrl,
        @CheckForNull String sshCloneUrl,
        @CheckForNull String webUrl,
        @CheckForNull String defaultBranch,
        boolean privateRepository) {
    public RepositorySummary {
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(httpsCloneUrl, "httpsCloneUrl");
    }
}
