package io.jenkins.plugins.gitproviders.core.client.library;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.client.Check;
import io.jenkins.plugins.gitproviders.core.client.CheckId;
import io.jenkins.plugins.gitproviders.core.client.Diagnosis;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Collects the checks of one diagnosis as a worker thread produces them, so that a diagnosis cut short by its
 * budget still reports everything found so far, then a failed check for the step that hung.
 */
public final class DiagnosisRun {
    /** One diagnosis' work, run on the worker thread. */
    @FunctionalInterface
    public interface Steps {
        void run(DiagnosisRun run) throws Exception;
    }

    private final List<Check> checks = new ArrayList<>();
    private final java.util.function.UnaryOperator<String> redact;
    @CheckForNull
    private CheckId current;
    @CheckForNull
    private String owner;
    @CheckForNull
    private Instant expiry;
    private boolean closed;

    private DiagnosisRun(java.util.function.UnaryOperator<String> redact) {
        this.redact = redact;
    }

    /** Marks the check now running, so a timeout can name it. */
    public synchronized void begin(CheckId id) {
        current = id;
    }

    public synchronized void add(Check check) {
        if (!closed) {
            // Every text passes the redaction, whatever it was built from (addresses, host messages, exceptions).
            checks.add(new Check(check.id(), check.status(), redact.apply(check.message()),
                    check.fix() == null ? null : redact.apply(check.fix())));
            current = null;
        }
    }

    public synchronized void owner(String login) {
        owner = login;
    }

    public synchronized void expiry(@CheckForNull Instant value) {
        expiry = value;
    }

    /** Adds a skipped check, with the reason, for every check that has not reported yet. */
    public synchronized void skipRemaining(String reason) {
        for (CheckId id : CheckId.values()) {
            if (checks.stream().noneMatch(check -> check.id() == id)) {
                add(Check.skipped(id, reason));
            }
        }
    }

    private synchronized Diagnosis finish(String providerName, Clock clock) {
        closed = true;
        List<Check> ordered = new ArrayList<>();
        for (CheckId id : CheckId.values()) {
            checks.stream().filter(check -> check.id() == id).forEach(ordered::add);
        }
        return new Diagnosis(providerName, ordered, owner, expiry, clock.instant());
    }

    private synchronized Diagnosis timedOut(String providerName, Clock clock, String message, String fix) {
        CheckId hung = current;
        if (hung == null) {
            hung = List.of(CheckId.values()).stream()
                    .filter(id -> checks.stream().noneMatch(check -> check.id() == id))
                    .findFirst()
                    .orElse(CheckId.RATE_LIMIT);
        }
        add(Check.fail(hung, message, fix));
        skipRemaining("Not checked: the time budget was spent.");
        return finish(providerName, clock);
    }

    /**
     * Diagnoses a provider of a library-based client within the settings' budget: the steps run on a worker thread,
     * a spent budget fails the step in progress with the network layer's "did not answer" message, and every text is
     * stripped of the secret.
     */
    public static Diagnosis underBudget(ProviderSpec provider, String secret, String hostName, HttpSettings settings,
            Clock clock, Function<Budget, Steps> steps) {
        Budget budget = Budget.start(settings.totalBudget());
        String apiUrl = provider.effectiveApiUrl().orElse("(no server URL)");
        String[] timeout = Network.describeFailure(new Budget.BudgetExceededException(settings.totalBudget()),
                hostName, apiUrl, settings, secret);
        return execute(provider.name(), budget, clock, timeout[0], timeout[1], text -> Network.redact(text, secret),
                steps.apply(budget));
    }

    /**
     * Runs the steps on a worker thread and returns within the budget: what the steps reported, or, when time runs
     * out, what they reported so far plus a failed check built from {@code timeoutMessage} and {@code timeoutFix}.
     * An unexpected exception becomes a failed check too. Every message and fix is passed through {@code redact}.
     */
    public static Diagnosis execute(String providerName, Budget budget, Clock clock, String timeoutMessage,
            String timeoutFix, java.util.function.UnaryOperator<String> redact, Steps steps) {
        DiagnosisRun run = new DiagnosisRun(redact);
        FutureTask<Void> task = new FutureTask<>(() -> {
            steps.run(run);
            return null;
        });
        Thread worker = new Thread(task, "git-providers-diagnosis");
        worker.setDaemon(true);
        worker.start();
        try {
            task.get(Math.max(1, budget.remaining().toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Closed before the worker is interrupted, so that its "interrupted" report cannot win the race.
            Diagnosis timedOut = run.timedOut(providerName, clock, timeoutMessage, timeoutFix);
            task.cancel(true);
            return timedOut;
        } catch (InterruptedException e) {
            Diagnosis interrupted = run.timedOut(providerName, clock, "The diagnosis was interrupted.",
                    "Run it again.");
            task.cancel(true);
            Thread.currentThread().interrupt();
            return interrupted;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            synchronized (run) {
                CheckId failed = run.current != null ? run.current : CheckId.REACHABILITY;
                // The type only: a parser's message quotes the answer it could not read.
                run.add(Check.fail(failed, "The diagnosis stopped on an unexpected error ("
                        + cause.getClass().getSimpleName() + ").",
                        "Run the diagnosis again; if the error stays, report it with this message."));
                run.skipRemaining("Not checked: the diagnosis stopped on an error.");
            }
        }
        return run.finish(providerName, clock);
    }
}
