package io.jenkins.plugins.gitproviders.core.status;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Mirrors the results a Jenkins build ends with ({@code hudson.model.Result}), by name, so that core maps them without
 * Jenkins on its class path.
 */
public enum JenkinsResult {
    SUCCESS,
    UNSTABLE,
    FAILURE,
    NOT_BUILT,
    ABORTED;

    /**
     * Reads the name Jenkins gives a result ({@code Result.toString()}: {@code SUCCESS}, {@code NOT_BUILT}).
     *
     * @throws IllegalArgumentException for any other text
     */
    public static JenkinsResult parse(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(result -> result.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown Jenkins result '" + StatusTexts.shown(name)
                        + "': expected one of " + Arrays.stream(values()).map(Enum::name)
                                .collect(Collectors.joining(", ")) + "."));
    }
}
