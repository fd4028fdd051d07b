package io.jenkins.plugins.gitproviders.core.status;

import java.util.Objects;

/**
 * Maps the result of a finished build to the state reported: success to {@link BuildState#SUCCESS}, failure to
 * {@link BuildState#FAILURE}, aborted and not built to {@link BuildState#ABORTED}, and unstable to a configurable final
 * state, {@link BuildState#FAILURE} unless chosen otherwise (an unstable build should not turn a merge check green by
 * default).
 *
 * @param unstable the state an unstable build reports
 */
public record ResultMapping(BuildState unstable) {
    /** Unstable builds report a failure. */
    public static final ResultMapping DEFAULT = new ResultMapping(BuildState.FAILURE);

    public ResultMapping {
        Objects.requireNonNull(unstable, "unstable");
        if (!unstable.isFinal()) {
            throw new IllegalArgumentException("An unstable build has finished: report it as "
                    + "success, failure, aborted or error, not as " + unstable.id() + ".");
        }
    }

    /** Returns the state a build with the given result reports. */
    public BuildState stateOf(JenkinsResult result) {
        return switch (result) {
            case SUCCESS -> BuildState.SUCCESS;
            case UNSTABLE -> unstable;
            case FAILURE -> BuildState.FAILURE;
            case NOT_BUILT, ABORTED -> BuildState.ABORTED;
        };
    }
}
