package io.jenkins.plugins.gitproviders.core.repository;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.util.List;

/**
 * Asks a host which commit a repository's refs point to now. The plugin implements it with {@code git ls-remote}
 * through the Git client plugin (with the provider's credentials), or with a host API; tests with a local
 * repository. Used to catch up after a gap and to confirm a webhook's commit before building it.
 */
@FunctionalInterface
public interface RefSource {
    /**
     * Returns the current commits of the repository's refs that match the patterns.
     *
     * @param providerName the provider serving the repository, or {@code null} for the one serving its host
     * @param repository   the repository
     * @param patterns     full ref names or {@code refs/heads/*}-style patterns, as {@code git ls-remote} takes them
     * @throws IOException when the host cannot be asked or does not answer; the message must carry no credential
     */
    RefTips refs(@CheckForNull String providerName, RepositoryKey repository, List<String> patterns) throws IOException;
}
