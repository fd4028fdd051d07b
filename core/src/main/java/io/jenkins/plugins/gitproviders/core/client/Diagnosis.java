package io.jenkins.plugins.gitproviders.core.client;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports a whole connection diagnosis of one provider: the checks in the order they ran, plus the facts the plugin
 * watches between diagnoses (who the token belongs to, when it expires).
 *
 * @param providerName  the provider diagnosed
 * @param checks        every check, in order
 * @param tokenOwner    the account the token belongs to, when authentication succeeded
 * @param tokenExpiry   when the token expires, when the host tells
 * @param finishedAt    when the diagnosis finished
 */
public record Diagnosis(
        String providerName,
        List<Check> checks,
        @CheckForNull String tokenOwner,
        @CheckForNull Instant tokenExpiry,
        Instant finishedAt) {

    public Diagnosis {
        Objects.requireNonNull(providerName, "providerName");
        checks = List.copyOf(checks);
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /** Returns the worst status among the checks, PASS for an empty diagnosis; SKIPPED never counts. */
    public CheckStatus overall() {
        return checks.stream()
                .map(Check::status)
                .filter(status -> status != CheckStatus.SKIPPED)
                .max(Comparator.naturalOrder())
                .orElse(CheckStatus.PASS);
    }

    /** Tells whether any check failed. */
    public boolean failed() {
        return overall() == CheckStatus.FAIL;
    }

    /** Returns the check of the given kind, if it ran. */
    public Optional<Check> check(CheckId id) {
        return checks.stream().filter(check -> check.id() == id).findFirst();
    }

    public Optional<String> owner() {
        return Optional.ofNullable(tokenOwner);
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(tokenExpiry);
    }
}
