package io.jenkins.plugins.gitproviders.core.client;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports the outcome of one check: its status, what was found, and, unless it passed, how to fix it.
 *
 * @param id      which check
 * @param status  the outcome
 * @param message what was found, never containing a secret
 * @param fix     what to do about it, or {@code null} when nothing needs doing
 */
public record Check(CheckId id, CheckStatus status, String message, @CheckForNull String fix) {
    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    public static Check pass(CheckId id, String message) {
        return new Check(id, CheckStatus.PASS, message, null);
    }

    public static Check warn(CheckId id, String message, String fix) {
        return new Check(id, CheckStatus.WARN, message, fix);
    }

    public static Check fail(CheckId id, String message, String fix) {
        return new Check(id, CheckStatus.FAIL, message, fix);
    }

    public static Check skipped(CheckId id, String reason) {
        return new Check(id, CheckStatus.SKIPPED, reason, null);
    }

    public Optional<String> fixValue() {
        return Optional.ofNullable(fix);
    }
}
