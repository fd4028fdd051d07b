package io.jenkins.plugins.gitproviders.core.status;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Names the state of a build as reported to a host, in host-neutral terms; {@link HostStates} spells it the way each
 * host does.
 */
public enum BuildState {
    /** Waiting in the Jenkins queue. */
    PENDING,
    /** Running: the checkout resolved the commit. */
    RUNNING,
    /** Finished successfully. */
    SUCCESS,
    /** Finished with a failure (or unstable, by default). */
    FAILURE,
    /** Stopped before it finished: aborted, or not built. */
    ABORTED,
    /** Could not run or report properly (an error of Jenkins, not of the code built). */
    ERROR;

    /** Tells whether the state ends a build: every state but {@link #PENDING} and {@link #RUNNING}. */
    public boolean isFinal() {
        return this != PENDING && this != RUNNING;
    }

    /** Returns the lowercase name that Pipelines write ({@code success}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a state as a Pipeline writes it ({@code success}, {@code FAILURE}), ignoring case and surrounding spaces.
     *
     * @throws IllegalArgumentException naming the accepted values when the text is none of them
     */
    public static BuildState parse(String text) {
        String wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return find(wanted).orElseThrow(() -> new IllegalArgumentException("Unknown build state '"
                + StatusTexts.shown(text) + "': use one of " + Arrays.stream(values()).map(BuildState::id)
                        .collect(Collectors.joining(", ")) + "."));
    }

    private static Optional<BuildState> find(String upper) {
        return Arrays.stream(values()).filter(state -> state.name().equals(upper)).findFirst();
    }
}
