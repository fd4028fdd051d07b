package io.jenkins.plugins.gitproviders.core.model;

import java.util.Objects;

/**
 * Reports one thing wrong with a provider, tied to the field where a person can fix it.
 *
 * @param field    the field the problem belongs to, one of {@link ProviderField}'s names
 * @param severity whether the problem prevents saving
 * @param message  what is wrong and what to do, in words an administrator understands; never holds a secret
 */
public record Problem(String field, Severity severity, String message) {
    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** Creates a problem that prevents saving. */
    public static Problem error(String field, String message) {
        return new Problem(field, Severity.ERROR, message);
    }

    /** Creates a problem that is reported but allows saving. */
    public static Problem warning(String field, String message) {
        return new Problem(field, Severity.WARNING, message);
    }

    /** Tells whether the problem prevents saving. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + ProviderField.label(field) + ": " + message;
    }

    /** Tells how serious a problem is. */
    public enum Severity {
        /** The value is unusable; the provider cannot be saved. */
        ERROR,
        /** The value works but is risky; the provider can be saved. */
        WARNING
    }
}
