package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;

/**
 * Identifies the repository a webhook event concerns, as the host described it.
 *
 * @param host          the host name, lowercase ({@code github.com}, {@code gitlab.example.com})
 * @param fullPath      the path on the host with nested groups ({@code group/sub/project}, {@code PROJ/repo}, {@code org/project/repo})
 * @param httpsCloneUrl the HTTPS clone address, when the delivery carries it
 * @param sshCloneUrl   the SSH clone address, when the delivery carries it
 * @param webUrl        the repository's page, when the delivery carries it
 */
public record RepositoryInfo(
        String host,
        String fullPath,
        @CheckForNull String httpsCloneUrl,
        @CheckForNull String sshCloneUrl,
        @CheckForNull String webUrl) {
    public RepositoryInfo {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(fullPath, "fullPath");
    }
}
