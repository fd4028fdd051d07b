package io.jenkins.plugins.gitproviders.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Test;

public class DeliveryDeduplicatorTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    public void shouldProcessTheSameDeliveryExactlyOnceFrom16Threads() throws Exception {
        // Given one delivery id sent 100 times by 16 threads at once
        DeliveryDeduplicator deduplicator = new DeliveryDeduplicator();
        AtomicInteger processed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    Optional<DeliveryDeduplicator.Ticket> ticket =
                            deduplicator.begin(DeliveryDeduplicator.deliveryKey("github", "72d3162e-cc78"));
                    ticket.ifPresent(t -> {
                        processed.incrementAndGet();
                        t.complete();
                    });
                    return null;
                }));
            }
            // When they all run
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // Then it was processed exactly once and is remembered
        assertThat(processed).hasValue(1);
        assertThat(deduplicator.isProcessed(DeliveryDeduplicator.deliveryKey("github", "72d3162e-cc78"))).isTrue();
    }

    @Test
    public void shouldProcessARedeliveryAfterAnAbandonedAttempt() {
        DeliveryDeduplicator deduplicator = new DeliveryDeduplicator(10, Duration.ofHours(1), clock);
        DeliveryDeduplicator.Ticket first = deduplicator.begin("id-1").orElseThrow();

        assertThat(deduplicator.begin("id-1")).as("while in flight").isEmpty();
        first.abandon();
        first.complete(); // too late: the ticket was already abandoned
        assertThat(deduplicator.isProcessed("id-1")).isFalse();

        DeliveryDeduplicator.Ticket second = deduplicator.begin("id-1").orElseThrow();
        second.complete();
        assertThat(deduplicator.begin("id-1")).as("after completion").isEmpty();
    }

    @Test
    public void shouldAbandonATicketClosedWithoutCompletion() {
        DeliveryDeduplicator deduplicator = new DeliveryDeduplicator(10, Duration.ofHours(1), clock);
        try (DeliveryDeduplicator.Ticket ticket = deduplicator.begin("id-1").orElseThrow()) {
            assertThat(ticket).isNotNull(); // processing fails before complete()
        }
        assertThat(deduplicator.begin("id-1")).isPresent();
    }

    @Test
    public void shouldRefuseADeliveryWhenAnyOfItsKeysWasProcessed() {
        // Given a change processed through one hook
        DeliveryDeduplicator deduplicator = new DeliveryDeduplicator(10, Duration.ofHours(1), clock);
        RepositoryKey repository = RepositoryKey.parseOrThrow("https://github.com/octo/hello");
        String change = DeliveryDeduplicator.changeKey(repository, "refs/heads/main", Events.COMMIT,
                EventKind.BRANCH_PUSH);
        deduplicator.begin(List.of("delivery-a", change)).orElseThrow().complete();

        // When a second hook delivers the same change under another delivery id
        assertThat(deduplicator.begin(List.of("delivery-b", change))).isEmpty();

        // Then the refused delivery's own id was not left claimed, and another event kind is a different change
        assertThat(deduplicator.begin("delivery-b")).isPresent();
        assertThat(deduplicator.begin(DeliveryDeduplicator.changeKey(repository, "refs/heads/main", Events.COMMIT,
                EventKind.PULL_REQUEST_UPDATED))).isPresent();
    }

    @Test
    public void shouldForgetKeysOlderThanTheMaximumAge() {
        DeliveryDeduplicator deduplicator = new DeliveryDeduplicator(100, Duration.ofHours(72), clock);
        deduplicator.begin("old").orElseThrow().complete();
        clock.advance(Duration.ofHours(71));
        deduplicator.begin("recent").orElseThrow().complete();

        clock.advance(Duration.ofHours(2));

        assertThat(deduplicator.begin("old")).as("73 hours old").isPresent();
        assertThat(deduplicator.begin("recent")).as("2 hours old").isEmpty();
    }

    @Test
    public void shouldKeepAtMostTheMaximumNumberOfKeysDroppingTheOldest() {
        DeliveryDeduplicator deduplicator = new DeliveryDeduplicator(3, Duration.ofHours(72), clock);
        for (String id : List.of("a", "b", "c", "d")) {
            deduplicator.begin(id).orElseThrow().complete();
        }

        assertThat(deduplicator.size()).isEqualTo(3);
        assertThat(deduplicator.isProcessed("a")).isFalse();
        assertThat(deduplicator.isProcessed("b")).isTrue();
        assertThat(deduplicator.isProcessed("d")).isTrue();
    }

    @Test
    public void shouldKeepAHundredThousandIdsByDefault() {
        DeliveryDeduplicator deduplicator = new DeliveryDeduplicator();
        for (int i = 0; i < 100_000; i++) {
            deduplicator.begin("id-" + i).orElseThrow().complete();
        }
        deduplicator.begin("one-more").orElseThrow().complete();

        assertThat(deduplicator.size()).isEqualTo(100_000);
        assertThat(deduplicator.isProcessed("id-0")).isFalse();
        assertThat(deduplicator.isProcessed("id-1")).isTrue();
    }

    @Test
    public void shouldRefuseLimitsThatAreNotPositive() {
        assertThatThrownBy(() -> new DeliveryDeduplicator(0, Duration.ofHours(1), clock))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new DeliveryDeduplicator(1, Duration.ZERO, clock)).hasMessageContaining("positive");
    }

    @Test
    public void shouldKeepKeysOfFixedSizeWhateverTheDeliveryNames() {
        RepositoryKey repository = RepositoryKey.parseOrThrow("https://github.com/octo/hello");
        String huge = "x".repeat(4 * 1024 * 1024);

        String delivery = DeliveryDeduplicator.deliveryKey("github", huge);
        String change = DeliveryDeduplicator.changeKey(repository, "refs/heads/" + huge, "a".repeat(40),
                EventKind.BRANCH_PUSH);

        assertThat(delivery).matches("d:[0-9a-f]{64}");
        assertThat(change).matches("c:[0-9a-f]{64}");
        // Parts are delimited, so moving text from one part to the next makes another key
        assertThat(DeliveryDeduplicator.deliveryKey("ab", "c")).isNotEqualTo(DeliveryDeduplicator.deliveryKey("a",
                "bc"));
    }
}
