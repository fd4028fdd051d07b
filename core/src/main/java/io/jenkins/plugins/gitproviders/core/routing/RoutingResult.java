package io.jenkins.plugins.gitproviders.core.routing;

import java.util.List;
import java.util.Objects;

/**
 * Tells which jobs one event triggers, and why each other job watching the repository was left alone.
 *
 * @param triggered the identifiers of the jobs to schedule, sorted
 * @param skipped   the jobs that watch the repository but were not triggered, with the reason, sorted by job
 */
public record RoutingResult(List<String> triggered, List<Skip> skipped) {
    /** No job watches the repository. */
    public static final RoutingResult NONE = new RoutingResult(List.of(), List.of());

    public RoutingResult {
        triggered = List.copyOf(triggered);
        skipped = List.copyOf(skipped);
    }

    /**
     * Names a job that watches the repository but was not triggered.
     *
     * @param job        the job's identifier
     * @param reason     why, in words for the deliveries page ("branch 'wip/x' is excluded by 'wip/*'")
     * @param hostReason why, in words for the host's answer: the same, less what the host must not learn (the names
     *                   of other providers)
     */
    public record Skip(String job, String reason, String hostReason) {
        public Skip {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(hostReason, "hostReason");
        }

        /** A skip whose reason may be shown to the host as it is. */
        public Skip(String job, String reason) {
            this(job, reason, reason);
        }
    }
}
