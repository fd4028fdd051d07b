package io.jenkins.plugins.gitproviders.core.client;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Lays a {@link Diagnosis} out for people: the level a form shows it at, a one-line headline and one line per
 * check. Holds every decision of the rendering so that the Jenkins side only escapes the texts and picks the matching
 * {@code FormValidation}; the texts are plain, never markup.
 */
public final class DiagnosisReport {
    /** How a page presents the whole diagnosis. */
    public enum Level {
        /** Every check that ran passed. */
        OK,
        /** Something should be looked at, or nothing could be verified. */
        WARNING,
        /** At least one check failed: the provider does not work as configured. */
        ERROR
    }

    /**
     * One check as shown.
     *
     * @param status  the check's outcome
     * @param label   the outcome as the documentation and the command line name it (PASS, WARN, FAIL, SKIPPED)
     * @param title   the check's name ("Authentication")
     * @param message what was found
     * @param fix     what to do, or {@code null} when nothing needs doing
     */
    public record Line(CheckStatus status, String label, String title, String message, @CheckForNull String fix) {
        public Line {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(message, "message");
        }
    }

    private final Diagnosis diagnosis;

    private DiagnosisReport(Diagnosis diagnosis) {
        this.diagnosis = Objects.requireNonNull(diagnosis, "diagnosis");
    }

    /** Starts the report of a diagnosis. */
    public static DiagnosisReport of(Diagnosis diagnosis) {
        return new DiagnosisReport(diagnosis);
    }

    /** Returns the diagnosis reported on. */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /**
     * Rates the whole diagnosis: ERROR when a check failed, WARNING when one warned or when every check was skipped
     * (nothing was verified), OK otherwise.
     */
    public Level level() {
        if (nothingRan()) {
            return Level.WARNING;
        }
        return switch (diagnosis.overall()) {
            case FAIL -> Level.ERROR;
            case WARN, SKIPPED -> Level.WARNING;
            case PASS -> Level.OK;
        };
    }

    /** Returns one sentence that sums the diagnosis up, naming the checks that failed or warned. */
    public String headline() {
        String subject = subject();
        if (nothingRan()) {
            return subject + ": nothing could be checked.";
        }
        List<Check> failed = withStatus(CheckStatus.FAIL);
        if (!failed.isEmpty()) {
            return subject + " does not work: " + count(failed.size(), "check") + " failed (" + titles(failed) + ").";
        }
        List<Check> warned = withStatus(CheckStatus.WARN);
        if (!warned.isEmpty()) {
            return subject + " works, with " + count(warned.size(), "warning") + " (" + titles(warned) + ").";
        }
        return subject + " works: " + count(withStatus(CheckStatus.PASS).size(), "check") + " passed.";
    }

    /** Returns every check, in the order it ran. */
    public List<Line> lines() {
        return diagnosis.checks().stream().map(DiagnosisReport::line).toList();
    }

    /** Returns only the checks that failed or warned, each with its fix: what a summary page lists. */
    public List<Line> problems() {
        return diagnosis.checks().stream()
                .filter(check -> check.status() == CheckStatus.FAIL || check.status() == CheckStatus.WARN)
                .map(DiagnosisReport::line)
                .toList();
    }

    /** Returns the report as plain text: the headline, then one line per check with its fix indented below. */
    public String toText() {
        StringBuilder text = new StringBuilder(headline()).append('\n');
        for (Line line : lines()) {
            text.append("  [").append(line.label()).append("] ").append(line.title()).append(": ")
                    .append(line.message()).append('\n');
            if (line.fix() != null) {
                text.append("      Fix: ").append(line.fix()).append('\n');
            }
        }
        return text.toString();
    }

    /** Names an outcome as the troubleshooting pages and the command-line tool do: PASS, WARN, FAIL, SKIPPED. */
    public static String label(CheckStatus status) {
        return status.name();
    }

    private static Line line(Check check) {
        return new Line(check.status(), label(check.status()), check.id().title(), check.message(), check.fix());
    }

    private boolean nothingRan() {
        return diagnosis.checks().stream().allMatch(check -> check.status() == CheckStatus.SKIPPED);
    }

    private String subject() {
        String name = diagnosis.providerName();
        return name.isBlank() ? "The connection" : "Provider '" + name + "'";
    }

    private List<Check> withStatus(CheckStatus status) {
        return diagnosis.checks().stream().filter(check -> check.status() == status).toList();
    }

    private static String titles(List<Check> checks) {
        return checks.stream().map(check -> check.id().title()).collect(Collectors.joining(", "));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
