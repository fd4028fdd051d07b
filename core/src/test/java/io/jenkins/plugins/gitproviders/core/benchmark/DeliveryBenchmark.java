package io.jenkins.plugins.gitproviders.core.benchmark;

import io.jenkins.plugins.gitproviders.core.delivery.CatchUp;
import io.jenkins.plugins.gitproviders.core.delivery.DeliveryJournal;
import io.jenkins.plugins.gitproviders.core.delivery.JournalEntry;
import io.jenkins.plugins.gitproviders.core.delivery.LastKnownCommits;
import io.jenkins.plugins.gitproviders.core.delivery.PushCoalescer;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.repository.RefTips;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.routing.RefFilter;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures what "nothing lost" costs and prints the figures: journal appends per second (each forced to disk) from one
 * and from eight request threads, a whole delivery's journal cycle (append, then complete once queued), the time to
 * replay a full journal at startup, folding a 10,000-push storm, and deciding a catch-up for a repository with 5,000
 * branches. A plain harness, not JMH; the journal lives in {@code core/target/delivery-benchmark}, on the disk the
 * build runs on (fsync costs depend on it entirely).
 *
 * <p>Run: {@code mvn -B -q -pl core -Pbenchmark test-compile exec:java
 * -Dbenchmark.main=io.jenkins.plugins.gitproviders.core.benchmark.DeliveryBenchmark}
 */
public final class DeliveryBenchmark {
    private static final RepositoryKey PAYMENTS = RepositoryKey.parseOrThrow("https://github.com/acme/payments");
    private static final long ROUND_NANOS = 3_000_000_000L;
    private static volatile long sink;

    private DeliveryBenchmark() {}

    public static void main(String[] args) throws Exception {
        // Maven runs the harness from the project's root or from core/, depending on how it was started.
        Path target = Files.isDirectory(Paths.get("core", "target")) ? Paths.get("core", "target") : Paths.get("target");
        Path directory = target.resolve("delivery-benchmark").toAbsolutePath();
        Files.createDirectories(directory);
        System.out.println("Git Providers delivery benchmark");
        System.out.printf(Locale.ROOT, "machine: %d processors, %s %s; journal on %s (%s)%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), directory, Files.getFileStore(directory).type());

        List<WebhookResponse.Dispatch> dispatches = List.of(new WebhookResponse.Dispatch("payments/build",
                push("main", commit(1), commit(2))));
        DeliveryJournal.Limits roomy = new DeliveryJournal.Limits(1_000_000, 1L << 30);

        // 1. Appends forced to disk, one request thread.
        Path single = fresh(directory, "single.log");
        try (DeliveryJournal journal = DeliveryJournal.open(single, roomy, Clock.systemUTC())) {
            long[] result = timed(() -> journal.append("github", PAYMENTS, "d", dispatches));
            System.out.printf(Locale.ROOT, "journal append (fsync), 1 thread:  %,8.0f appends/s (%,.2f ms each)%n",
                    rate(result), 1e3 / rate(result));
        }

        // 2. Eight request threads: appenders arriving during an fsync share the next one.
        Path concurrent = fresh(directory, "concurrent.log");
        try (DeliveryJournal journal = DeliveryJournal.open(concurrent, roomy, Clock.systemUTC())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            AtomicLong count = new AtomicLong();
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() - start < ROUND_NANOS) {
                        journal.append("github", PAYMENTS, "d", dispatches);
                        count.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
            double perSecond = count.get() * 1e9 / (System.nanoTime() - start);
            System.out.printf(Locale.ROOT, "journal append (fsync), 8 threads: %,8.0f appends/s%n", perSecond);
        }

        // 3. A delivery's whole cycle: append before answering, complete once its build is queued.
        Path cycle = fresh(directory, "cycle.log");
        try (DeliveryJournal journal = DeliveryJournal.open(cycle, DeliveryJournal.Limits.DEFAULT,
                Clock.systemUTC())) {
            long[] result = timed(() -> {
                JournalEntry entry = journal.append("github", PAYMENTS, "d", dispatches);
                journal.complete(entry.id());
                return entry;
            });
            System.out.printf(Locale.ROOT, "journal append + complete, 1 thread: %,6.0f deliveries/s, file %,d bytes"
                    + " after %,d deliveries (compacted)%n", rate(result), Files.size(cycle), result[0]);
        }

        // 4. Startup with a full journal: 10,000 pending deliveries.
        Path full = fresh(directory, "full.log");
        try (DeliveryJournal journal = DeliveryJournal.open(full, DeliveryJournal.Limits.DEFAULT,
                Clock.systemUTC())) {
            for (int i = 0; i < DeliveryJournal.Limits.DEFAULT.maxEntries(); i++) {
                journal.append("github", PAYMENTS, "d-" + i, List.of(new WebhookResponse.Dispatch("payments/build",
                        push("main", commit(i), commit(i + 1)))));
            }
        }
        long size = Files.size(full);
        long best = Long.MAX_VALUE;
        int replayed = 0;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            try (DeliveryJournal journal = DeliveryJournal.open(full, DeliveryJournal.Limits.DEFAULT,
                    Clock.systemUTC())) {
                replayed = journal.replay().entries().size();
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf(Locale.ROOT, "replay at startup: %,d pending deliveries (%,d bytes) in %,d ms%n", replayed,
                size, best / 1_000_000);

        // 5. A push storm folded into the queue.
        List<WebhookEvent> storm = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            storm.add(push("main", commit(i), commit(i + 1)));
        }
        long bestStorm = Long.MAX_VALUE;
        int items = 0;
        for (int round = 0; round < 20; round++) {
            long start = System.nanoTime();
            Map<Object, PushCoalescer.Candidate> queue = new HashMap<>();
            long arrival = 0;
            for (WebhookEvent event : storm) {
                PushCoalescer.Candidate candidate = new PushCoalescer.Candidate(event, ++arrival, null);
                queue.merge(PushCoalescer.keyOf("payments/build", event).orElseThrow(), candidate,
                        PushCoalescer::newer);
            }
            bestStorm = Math.min(bestStorm, System.nanoTime() - start);
            items = queue.size();
        }
        System.out.printf(Locale.ROOT, "push storm: 10,000 pushes to one branch -> %d queue item, %,d ns per push"
                + " (key + decision)%n", items, bestStorm / 10_000);

        // 6. Catching up a repository with 5,000 branches, 50 of which moved.
        Map<String, String> tips = new LinkedHashMap<>();
        LastKnownCommits known = new LastKnownCommits();
        Instant then = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 5_000; i++) {
            tips.put("refs/heads/b" + i, commit(i % 100 == 0 ? i + 1 : i));
            known.record(PAYMENTS, "refs/heads/b" + i, commit(i), then);
        }
        CatchUp.WatchedRepository watched = new CatchUp.WatchedRepository(PAYMENTS,
                ProviderSpec.builder("github", ProviderType.GITHUB).build(), List.of(RefFilter.of("b*", "")),
                List.of());
        RefTips answer = new RefTips(tips);
        long bestCatchUp = Long.MAX_VALUE;
        int pushes = 0;
        for (int round = 0; round < 50; round++) {
            long start = System.nanoTime();
            Optional<Map<String, LastKnownCommits.Known>> snapshot = known.snapshot(PAYMENTS);
            pushes = CatchUp.decide(watched, answer, snapshot, then.plusSeconds(60)).pushes().size();
            bestCatchUp = Math.min(bestCatchUp, System.nanoTime() - start);
        }
        System.out.printf(Locale.ROOT, "catch-up decision: 5,000 branches, %d moved, in %,d us%n", pushes,
                bestCatchUp / 1_000);
    }

    private interface Step {
        Object run() throws IOException;
    }

    /** Runs the step for one round; returns {count, nanoseconds}. */
    private static long[] timed(Step step) throws IOException {
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() - start < ROUND_NANOS) {
            sink += step.run().hashCode();
            count++;
        }
        return new long[] {count, System.nanoTime() - start};
    }

    private static double rate(long[] result) {
        return result[0] * 1e9 / result[1];
    }

    private static Path fresh(Path directory, String name) throws IOException {
        Path file = directory.resolve(name);
        Files.deleteIfExists(file);
        return file;
    }

    private static String commit(long n) {
        return String.format(Locale.ROOT, "%040x", n + 1);
    }

    private static WebhookEvent push(String branch, String before, String after) {
        return new WebhookEvent(ProviderType.GITHUB, EventKind.BRANCH_PUSH,
                new RepositoryInfo("github.com", "acme/payments", "https://github.com/acme/payments.git", null, null),
                "refs/heads/" + branch, before, after, null, null, null, after, "octocat", "d");
    }
}
