package io.jenkins.plugins.gitproviders.core.client.library;

import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Tracks the time left of one operation's total budget, measured on the monotonic clock (the diagnosis' own
 * {@link java.time.Clock} may be fixed, in tests).
 */
public final class Budget {
    private final Duration total;
    private final long deadlineNanos;

    private Budget(Duration total) {
        this.total = total;
        this.deadlineNanos = System.nanoTime() + total.toNanos();
    }

    /** Starts a budget of the given length now. */
    public static Budget start(Duration total) {
        return new Budget(total);
    }

    public Duration total() {
        return total;
    }

    /** Returns the time left, zero once the budget is spent. */
    public Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Returns the time left, or throws when none is; a request is never started without time to finish it. */
    public Duration remainingOrThrow() throws BudgetExceededException {
        Duration left = remaining();
        if (left.isZero()) {
            throw new BudgetExceededException(total);
        }
        return left;
    }

    /** Formats a duration for messages: "15 s", "0.5 s". */
    public static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Signals that the total budget was spent before a request could be made or answered. */
    public static final class BudgetExceededException extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        public BudgetExceededException(Duration total) {
            super("No answer within the time budget of " + seconds(total));
        }
    }
}
