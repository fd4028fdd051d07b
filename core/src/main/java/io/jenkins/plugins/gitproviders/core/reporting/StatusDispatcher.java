package io.jenkins.plugins.gitproviders.core.reporting;

import io.jenkins.plugins.gitproviders.core.status.RetryPolicy;
import io.jenkins.plugins.gitproviders.core.status.StatusException;
import io.jenkins.plugins.gitproviders.core.status.StatusFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends statuses off the caller's thread. Requests for one slot (provider, repository, commit, context) are sent one
 * at a time, in order, and only the newest waiting one is sent: a state that was overtaken before it was sent, or
 * while it waited for a retry, is dropped ({@link Outcome#superseded}), so an older state never overwrites a newer one
 * and each state change costs at most one request per attempt. A failure that may pass (timeout, unreachable host,
 * server error, rate limit) is retried after the {@link RetryPolicy}'s delay; when it gives up, or for a failure that
 * will not pass, {@link Outcome#failed} is told once. Nothing here blocks the caller: {@link #submit} only records the
 * request and hands the work to the executor.
 */
public final class StatusDispatcher {
    /** Sends one status (the plugin resolves the credential and calls the host type's reporter). */
    @FunctionalInterface
    public interface Sender {
        void send(StatusRequest request) throws StatusException;
    }

    /** Runs a task after a delay (the plugin: Jenkins' shared timer, which only hands the task to the executor). */
    @FunctionalInterface
    public interface Delays {
        void schedule(Runnable task, Duration delay);
    }

    /** Learns how a request ended; called on the executor's threads, never while a lock is held. */
    public interface Outcome {
        /** The host took the status. */
        void reported(StatusRequest request);

        /** The status was not reported and will not be retried; the failure says why and what to do. */
        void failed(StatusRequest request, StatusFailure failure);

        /** A newer state for the same slot replaced this one before it was reported. */
        void superseded(StatusRequest request);
    }

    private final Executor workers;
    private final Delays delays;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sender sender;
    private final int maxSlots;
    /** The slots with a request waiting, being sent or waiting for a retry; guarded by {@code this}. */
    private final Map<String, Slot> slots = new HashMap<>();

    /**
     * Creates a dispatcher.
     *
     * @param workers  runs the sending (a small pool: each task sends one request)
     * @param delays   schedules retries
     * @param policy   when to retry
     * @param clock    the time a rate limit's reset is compared with
     * @param sender   sends one request
     * @param maxSlots how many slots may wait at once; more are refused (a host that never answers must not hold
     *                 Jenkins' memory)
     */
    public StatusDispatcher(Executor workers, Delays delays, RetryPolicy policy, Clock clock, Sender sender,
            int maxSlots) {
        this.workers = Objects.requireNonNull(workers, "workers");
        this.delays = Objects.requireNonNull(delays, "delays");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sender = Objects.requireNonNull(sender, "sender");
        if (maxSlots < 1) {
            throw new IllegalArgumentException("At least one slot, not " + maxSlots + ".");
        }
        this.maxSlots = maxSlots;
    }

    /** Queues a status; returns at once. A waiting request of the same slot is dropped in its favour. */
    public void submit(StatusRequest request, Outcome outcome) {
        Pending pending = new Pending(request, outcome);
        Pending replaced = null;
        boolean start = false;
        boolean refused = false;
        synchronized (this) {
            Slot slot = slots.get(request.slot());
            if (slot == null && slots.size() >= maxSlots) {
                refused = true;
            } else {
                if (slot == null) {
                    slot = new Slot();
                    slots.put(request.slot(), slot);
                }
                if (slot.latest != null && !slot.latest.sending) {
                    replaced = slot.latest;
                }
                slot.latest = pending;
                if (!slot.busy) {
                    slot.busy = true;
                    start = true;
                }
            }
        }
        if (replaced != null) {
            Pending dropped = replaced;
            tell(() -> dropped.outcome.superseded(dropped.request));
        }
        if (refused) {
            tell(() -> outcome.failed(request, overloaded(request)));
        } else if (start) {
            execute(request.slot());
        }
    }

    /** Returns how many slots wait or are being sent (for tests and the connection checks). */
    public synchronized int waiting() {
        return slots.size();
    }

    private void execute(String key) {
        try {
            workers.execute(() -> send(key));
        } catch (RejectedExecutionException e) {
            // The executor is shutting down with Jenkins: statuses live in memory only, so they end here.
            synchronized (this) {
                slots.remove(key);
            }
        }
    }

    private void send(String key) {
        Pending pending;
        synchronized (this) {
            Slot slot = slots.get(key);
            if (slot == null || slot.latest == null) {
                return;
            }
            pending = slot.latest;
            pending.sending = true;
            pending.attempts++;
        }
        StatusFailure failure = null;
        try {
            sender.send(pending.request);
        } catch (StatusException e) {
            failure = e.failure();
        } catch (RuntimeException e) {
            failure = unexpected(pending.request, e);
        }
        boolean next = false;
        boolean overtaken = false;
        Optional<Duration> delay = Optional.empty();
        synchronized (this) {
            Slot slot = slots.get(key);
            pending.sending = false;
            if (slot.latest != pending) {
                overtaken = true;
                next = true;
            } else if (failure != null) {
                delay = policy.delayBeforeNextAttempt(pending.attempts, failure, clock.instant());
            }
            if (!next && delay.isEmpty()) {
                slots.remove(key);
            }
        }
        if (failure == null) {
            pending.outcome.reported(pending.request);
        } else if (overtaken) {
            // A retry of a state that a newer one replaced is dropped; the newer one is sent now.
            tell(() -> pending.outcome.superseded(pending.request));
        } else if (delay.isEmpty()) {
            StatusFailure given = failure;
            tell(() -> pending.outcome.failed(pending.request, given));
        }
        if (next) {
            execute(key);
        } else if (delay.isPresent()) {
            delays.schedule(() -> execute(key), delay.get());
        }
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // An outcome that fails must not stop the other slots; it has nothing to report to.
        }
    }

    private StatusFailure overloaded(StatusRequest request) {
        return new StatusFailure(StatusFailure.Kind.TIMEOUT, 0, "Build status for "
                + request.target().target().repositoryPath() + " not reported to provider '"
                + request.provider().name() + "': " + maxSlots + " statuses are already waiting to be sent.",
                "A host that does not answer holds statuses back: check the provider's connection checks.", null);
    }

    private static StatusFailure unexpected(StatusRequest request, RuntimeException e) {
        // The exception's message is not repeated: it could hold anything a library put there.
        return new StatusFailure(StatusFailure.Kind.INVALID_REQUEST, 0, "Build status for "
                + request.target().target().repositoryPath() + " not reported to provider '"
                + request.provider().name() + "': unexpected " + e.getClass().getName() + ".",
                "Report this to the plugin's maintainers, with the Jenkins log.", null);
    }

    /** One slot's state: the newest request and whether a task sends or will retry it. */
    private static final class Slot {
        private Pending latest;
        private boolean busy;
    }

    /** A request with its outcome and how often it was sent. */
    private static final class Pending {
        private final StatusRequest request;
        private final Outcome outcome;
        private int attempts;
        private boolean sending;

        Pending(StatusRequest request, Outcome outcome) {
            this.request = request;
            this.outcome = outcome;
        }
    }
}
