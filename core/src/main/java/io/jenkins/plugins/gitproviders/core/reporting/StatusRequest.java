package io.jenkins.plugins.gitproviders.core.reporting;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.status.BuildState;
import io.jenkins.plugins.gitproviders.core.status.CommitStatus;
import java.util.Objects;

/**
 * One status to send through a provider: the provider as configured when the state changed, where the status goes,
 * and the status itself.
 *
 * @param provider the provider, whose host and credential are used
 * @param target   where the status goes; its context is the status's
 * @param status   what to report
 */
public record StatusRequest(ProviderSpec provider, BuildTarget target, CommitStatus status) {
    public StatusRequest {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        if (!status.context().equals(target.context())) {
            throw new IllegalArgumentException("The status's context is not its target's.");
        }
    }

    /**
     * Builds a request.
     *
     * @param targetUrl the address the status links to (the build's, or the job's while queued)
     * @throws IllegalArgumentException when the address is not an absolute http(s) address without user information
     */
    public static StatusRequest of(ProviderSpec provider, BuildTarget target, BuildState state, String description,
            String targetUrl) {
        return new StatusRequest(provider, target, new CommitStatus(state, target.context(), description, targetUrl));
    }

    /** Returns the slot: later requests for the same slot replace this one. */
    public String slot() {
        return target.slot();
    }
}
