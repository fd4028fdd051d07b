package io.jenkins.plugins.gitproviders.core.client;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.status.CommitStatus;
import io.jenkins.plugins.gitproviders.core.status.StatusException;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;

/**
 * Reports a build's status to one type of Git host, with exactly one HTTP request per call (Bitbucket Data Center: one
 * more, once per provider, to find out that an old server needs the old resource). Implementations never retry,
 * never log, and never put the credential into a message or exception; the secret is also blanked out of the
 * status's context and description before they are sent. Instances are thread-safe; keep one per provider type for
 * the life of the plugin, since some remember what a server supports.
 */
public interface StatusReporter {
    /**
     * Sends one status to a commit.
     *
     * @param provider   the provider whose host and token are used
     * @param credential the provider's API credential
     * @param target     the repository and the full commit id (a short id is refused before anything is sent)
     * @param status     what to report
     * @throws StatusException with the diagnosed failure when nothing was reported; the caller decides about a retry
     *                         with {@link io.jenkins.plugins.gitproviders.core.status.RetryPolicy}
     */
    void report(ProviderSpec provider, ApiCredential credential, StatusTarget target, CommitStatus status)
            throws StatusException;
}
