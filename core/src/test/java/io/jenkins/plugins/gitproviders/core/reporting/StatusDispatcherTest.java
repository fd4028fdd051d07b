package io.jenkins.plugins.gitproviders.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.status.BuildState;
import io.jenkins.plugins.gitproviders.core.status.ResultMapping;
import io.jenkins.plugins.gitproviders.core.status.RetryPolicy;
import io.jenkins.plugins.gitproviders.core.status.StatusException;
import io.jenkins.plugins.gitproviders.core.status.StatusFailure;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.junit.Test;

/** Runs the dispatcher with hand-driven workers and timer, so that every interleaving is chosen by the test. */
public class StatusDispatcherTest {
    private static final String SHA = "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd";
    private static final ProviderSpec GITEA = ProviderSpec.builder("gitea", ProviderType.GITEA)
            .serverUrl("https://gitea.example.com").build();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    private final Deque<Runnable> workers = new ArrayDeque<>();
    private final List<Duration> delays = new ArrayList<>();
    private final Deque<Runnable> delayed = new ArrayDeque<>();
    private final List<String> sent = new ArrayList<>();
    private final Deque<StatusFailure> answers = new ArrayDeque<>();
    private final List<String> outcomes = new ArrayList<>();
    private Consumer<StatusRequest> duringSend = request -> { };

    private final StatusDispatcher dispatcher = new StatusDispatcher(workers::add, (task, delay) -> {
        delays.add(delay);
        delayed.add(task);
    }, RetryPolicy.DEFAULT, CLOCK, this::send, 3);

    private void send(StatusRequest request) throws StatusException {
        sent.add(request.status().state().id());
        duringSend.accept(request);
        StatusFailure failure = answers.poll();
        if (failure != null) {
            throw new StatusException(failure);
        }
    }

    private final StatusDispatcher.Outcome outcome = new StatusDispatcher.Outcome() {
        @Override
        public void reported(StatusRequest request) {
            outcomes.add("reported " + request.status().state().id());
        }

        @Override
        public void failed(StatusRequest request, StatusFailure failure) {
            outcomes.add("failed " + request.status().state().id() + ": " + failure.message());
        }

        @Override
        public void superseded(StatusRequest request) {
            outcomes.add("superseded " + request.status().state().id());
        }
    };

    private void submit(BuildState state) {
        submit(state, "jenkins/app");
    }

    private void submit(BuildState state, String context) {
        BuildTarget target = BuildTarget.of(GITEA, new StatusTarget(List.of("acme", "app"), SHA, null, null,
                List.of()), context, BuildTarget.Origin.CHECKOUT, ResultMapping.DEFAULT);
        dispatcher.submit(StatusRequest.of(GITEA, target, state, state.id(), "https://ci.example.com/job/app/1/"),
                outcome);
    }

    private void runWorkers() {
        while (!workers.isEmpty()) {
            workers.poll().run();
        }
    }

    private static StatusFailure failure(StatusFailure.Kind kind) {
        return new StatusFailure(kind, 0, kind.name(), "fix", null);
    }

    @Test
    public void shouldSendOffTheCallersThreadAndTellTheOutcome() {
        submit(BuildState.PENDING);

        assertThat(sent).isEmpty();
        runWorkers();

        assertThat(sent).containsExactly("pending");
        assertThat(outcomes).containsExactly("reported pending");
        assertThat(dispatcher.waiting()).isZero();
    }

    @Test
    public void shouldSendOnlyTheNewestStateThatWaits() {
        submit(BuildState.PENDING);
        submit(BuildState.SUCCESS);
        runWorkers();

        assertThat(sent).containsExactly("success");
        assertThat(outcomes).containsExactly("superseded pending", "reported success");
    }

    @Test
    public void shouldSendANewerStateAfterTheOneBeingSentNeverBeforeIt() {
        duringSend = request -> {
            if (request.status().state() == BuildState.PENDING) {
                submit(BuildState.SUCCESS);
            }
        };
        submit(BuildState.PENDING);
        runWorkers();

        assertThat(sent).containsExactly("pending", "success");
        assertThat(outcomes).containsExactly("reported pending", "reported success");
    }

    @Test
    public void shouldKeepSlotsApart() {
        submit(BuildState.PENDING, "jenkins/app");
        submit(BuildState.SUCCESS, "jenkins/app/lint");
        runWorkers();

        assertThat(sent).containsExactly("pending", "success");
    }

    @Test
    public void shouldRetryWhatMayPassWithTheBackOffOfThePolicy() {
        answers.add(failure(StatusFailure.Kind.SERVER_ERROR));
        answers.add(failure(StatusFailure.Kind.TIMEOUT));
        submit(BuildState.SUCCESS);
        runWorkers();
        delayed.poll().run();
        runWorkers();
        delayed.poll().run();
        runWorkers();

        assertThat(sent).containsExactly("success", "success", "success");
        assertThat(delays).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(20));
        assertThat(outcomes).containsExactly("reported success");
    }

    @Test
    public void shouldTellAFailureOnceWhenThePolicyGivesUp() {
        for (int i = 0; i < 4; i++) {
            answers.add(failure(StatusFailure.Kind.UNREACHABLE));
        }
        submit(BuildState.SUCCESS);
        runWorkers();
        while (!delayed.isEmpty()) {
            delayed.poll().run();
            runWorkers();
        }

        assertThat(sent).hasSize(RetryPolicy.DEFAULT.maxAttempts());
        assertThat(outcomes).containsExactly("failed success: UNREACHABLE");
        assertThat(dispatcher.waiting()).isZero();
    }

    @Test
    public void shouldNeverRetryARejectedToken() {
        answers.add(failure(StatusFailure.Kind.UNAUTHORIZED));
        submit(BuildState.PENDING);
        runWorkers();

        assertThat(sent).containsExactly("pending");
        assertThat(delays).isEmpty();
        assertThat(outcomes).containsExactly("failed pending: UNAUTHORIZED");
    }

    @Test
    public void shouldDropARetryWhenANewerStateArrivesWhileItWaits() {
        answers.add(failure(StatusFailure.Kind.SERVER_ERROR));
        submit(BuildState.PENDING);
        runWorkers();
        submit(BuildState.FAILURE);
        delayed.poll().run();
        runWorkers();

        assertThat(sent).containsExactly("pending", "failure");
        assertThat(outcomes).containsExactly("superseded pending", "reported failure");
    }

    @Test
    public void shouldDropARetryAndSendTheNewerStateAtOnceWhenItArrivedDuringTheFailedAttempt() {
        answers.add(failure(StatusFailure.Kind.TIMEOUT));
        duringSend = request -> {
            if (request.status().state() == BuildState.PENDING) {
                submit(BuildState.ABORTED);
            }
        };
        submit(BuildState.PENDING);
        runWorkers();

        assertThat(sent).containsExactly("pending", "aborted");
        assertThat(delays).isEmpty();
        assertThat(outcomes).containsExactly("superseded pending", "reported aborted");
    }

    @Test
    public void shouldRefuseMoreSlotsThanItMayHoldAndSayWhy() {
        submit(BuildState.PENDING, "a");
        submit(BuildState.PENDING, "b");
        submit(BuildState.PENDING, "c");
        submit(BuildState.PENDING, "d");

        assertThat(outcomes).singleElement().asString()
                .startsWith("failed pending: Build status for acme/app not reported to provider 'gitea': 3 statuses"
                        + " are already waiting to be sent.");
        runWorkers();
        assertThat(sent).hasSize(3);
    }

    @Test
    public void shouldTurnAnUnexpectedExceptionIntoAFailureWithoutItsMessage() {
        StatusDispatcher throwing = new StatusDispatcher(Runnable::run, (task, delay) -> { }, RetryPolicy.DEFAULT,
                CLOCK, request -> {
                    throw new IllegalStateException("secret-ish detail");
                }, 10);
        BuildTarget target = BuildTarget.of(GITEA, new StatusTarget(List.of("acme", "app"), SHA, null, null,
                List.of()), "jenkins/app", BuildTarget.Origin.CHECKOUT, ResultMapping.DEFAULT);

        throwing.submit(StatusRequest.of(GITEA, target, BuildState.SUCCESS, "", "https://ci.example.com/"), outcome);

        assertThat(outcomes).singleElement().asString()
                .contains("unexpected java.lang.IllegalStateException")
                .doesNotContain("secret-ish");
    }
}
