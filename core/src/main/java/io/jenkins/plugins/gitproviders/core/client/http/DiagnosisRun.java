package io.jenkins.plugins.gitproviders.core.client.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.client.Check;
import io.jenkins.plugins.gitproviders.core.client.CheckId;
import io.jenkins.plugins.gitproviders.core.client.CheckStatus;
import io.jenkins.plugins.gitproviders.core.client.Diagnosis;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the checks of one diagnosis in {@link CheckId} order: a failure stops the run and marks the remaining
 * checks as skipped, and every message and fix is scrubbed of the credential before it leaves.
 */
public final class DiagnosisRun {
    private final String providerName;
    private final Clock clock;
    private final Map<CheckId, Check> checks = new EnumMap<>(CheckId.class);
    private Authorization authorization = Authorization.none();
    @CheckForNull
    private String owner;
    @CheckForNull
    private java.time.Instant expiry;

    public DiagnosisRun(String providerName, Clock clock) {
        this.providerName = providerName;
        this.clock = clock;
    }

    /** Names the credential whose forms are scrubbed from every text. */
    public DiagnosisRun scrubbing(Authorization value) {
        this.authorization = value;
        return this;
    }

    /** Records a check; a later check of the same id replaces it. */
    public DiagnosisRun add(Check check) {
        checks.put(check.id(), check);
        return this;
    }

    public DiagnosisRun owner(@CheckForNull String value) {
        this.owner = value;
        return this;
    }

    public DiagnosisRun expiry(@CheckForNull java.time.Instant value) {
        this.expiry = value;
        return this;
    }

    /** Tells whether a check of the given id was recorded. */
    public boolean has(CheckId id) {
        return checks.containsKey(id);
    }

    /**
     * Records a request failure as the failure of the first check not yet recorded (the one in progress); a rate
     * limit also fails the rate limit check, with its reset time.
     */
    public DiagnosisRun fail(HttpProblem problem) {
        CheckId current = next();
        if (problem.kind() == HttpProblem.Kind.RATE_LIMITED) {
            if (current != CheckId.RATE_LIMIT) {
                add(Check.fail(current, "Not checked: " + problem.getMessage(), problem.fix()));
            }
            add(Check.fail(CheckId.RATE_LIMIT, problem.getMessage(), problem.fix()));
        } else {
            add(Check.fail(current, problem.getMessage(), problem.fix()));
        }
        return this;
    }

    /** Returns the first check id, in order, not yet recorded. */
    public CheckId next() {
        for (CheckId id : CheckId.values()) {
            if (!checks.containsKey(id)) {
                return id;
            }
        }
        return CheckId.RATE_LIMIT;
    }

    /** Finishes the diagnosis: missing checks become skipped (after a failure) and all texts are scrubbed. */
    public Diagnosis finish() {
        boolean failed = checks.values().stream().anyMatch(check -> check.status() == CheckStatus.FAIL);
        List<Check> ordered = new ArrayList<>();
        for (CheckId id : CheckId.values()) {
            Check check = checks.get(id);
            if (check == null) {
                check = Check.skipped(id, failed ? "Not checked because an earlier check failed."
                        : "Not checked.");
            }
            ordered.add(new Check(check.id(), check.status(), authorization.scrub(check.message()),
                    check.fix() == null ? null : authorization.scrub(check.fix())));
        }
        ordered.sort(Comparator.comparing(Check::id));
        return new Diagnosis(authorization.scrub(providerName), ordered,
                owner == null ? null : authorization.scrub(owner), expiry, clock.instant());
    }

    /**
     * Rates the rate limit the session saw last: PASS with what is left, WARN when exhausted, PASS with "not
     * reported" when the host sends no rate limit headers.
     */
    public static Check rateLimitCheck(Session session, String hostName) {
        return session.lastRateLimit()
                .map(limit -> limit.exhausted()
                        ? Check.warn(CheckId.RATE_LIMIT, "The rate limit is exhausted: " + limit.describe() + ".",
                                "Wait for the reset before scanning; give Jenkins a token of its own if other"
                                        + " tools share this one.")
                        : Check.pass(CheckId.RATE_LIMIT, capitalized(limit.describe()) + "."))
                .orElseGet(() -> Check.pass(CheckId.RATE_LIMIT,
                        "Not reported: " + hostName + " sends no rate limit headers on these calls."));
    }

    /** Starts a sentence: the check's title ("Rate limit") already names what the text describes. */
    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
