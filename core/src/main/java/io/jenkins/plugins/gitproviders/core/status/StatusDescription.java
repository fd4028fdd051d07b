package io.jenkins.plugins.gitproviders.core.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;

/**
 * Writes the short description shown beside a status. The plugin's own descriptions are fixed sentences with a
 * duration: nothing from a webhook payload (commit messages, branch or pull request titles) ever goes into one, since
 * anyone who can push may write those. A description given by a Pipeline is cleaned to one line and cut to
 * {@value #MAX_LENGTH} characters, GitHub's limit; the reporters also blank out the credential's secret in it.
 */
public final class StatusDescription {
    /** The longest description sent: GitHub refuses longer ones. */
    public static final int MAX_LENGTH = 140;

    private StatusDescription() {}

    /** Cleans a description: one line, without control characters, at most {@value #MAX_LENGTH} characters. */
    public static String of(@CheckForNull String text) {
        return text == null ? "" : StatusTexts.cut(StatusTexts.oneLine(text), MAX_LENGTH);
    }

    /** Describes a build waiting in the queue. */
    public static String queued() {
        return "Waiting in the Jenkins queue";
    }

    /** Describes a running build. */
    public static String running() {
        return "Running in Jenkins";
    }

    /** Describes a finished build by its result and how long it took ({@code null} when unknown). */
    public static String finished(JenkinsResult result, @CheckForNull Duration duration) {
        String time = duration == null ? "" : " in " + format(duration);
        return switch (result) {
            case SUCCESS -> "Succeeded" + time;
            case UNSTABLE -> "Unstable (tests failed or quality gates not met)" + time;
            case FAILURE -> "Failed" + time;
            case ABORTED -> "Aborted" + (duration == null ? "" : " after " + format(duration));
            case NOT_BUILT -> "Not built";
        };
    }

    /** Formats a duration as people read it, rounded up to seconds: {@code 1 s}, {@code 2 min 5 s}, {@code 1 h}. */
    static String format(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
