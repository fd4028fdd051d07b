package io.jenkins.plugins.gitproviders.core.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.routing.JobIndex;
import io.jenkins.plugins.gitproviders.core.routing.RefFilter;
import io.jenkins.plugins.gitproviders.core.routing.RoutingResult;
import io.jenkins.plugins.gitproviders.core.routing.Subscription;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.ParseResult;
import io.jenkins.plugins.gitproviders.core.webhook.SignatureVerifier;
import io.jenkins.plugins.gitproviders.core.webhook.Verification;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookDelivery;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookFormat;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookParser;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookParsers;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Measures the webhook path in one run and prints the figures: deliveries per second for verify + parse + route of a
 * signed 8 KiB GitHub push against the floor (HMAC + JSON parse of the same bytes only), routing time per delivery
 * with 1,000 and 100,000 indexed jobs against a linear scan of the same subscriptions, and the index's memory per
 * subscription; then the receiver's cost ({@link ReceiverCostBenchmark}): bytes read and allocated for refused
 * oversized bodies, and verified deliveries per second with ten providers. A plain harness, not JMH: each figure is
 * the best of several timed rounds after a warm-up.
 *
 * <p>Run: {@code mvn -B -q -pl core -Pbenchmark test-compile exec:java}; add {@code -Dbenchmark.args=receiver} for the
 * receiver's figures only.
 */
public final class WebhookBenchmark {
    private static final String FIXTURE = "github/webhook/push-branch-created.drone-go-scm.json";
    private static final String SECRET = "It's a Secret to Everybody";
    private static final RepositoryKey TARGET = RepositoryKey.parseOrThrow(
            "https://github.com/bradrydzewski/drone-test-go");
    private static final int ROUNDS = 5;
    private static final long ROUND_NANOS = 1_000_000_000L;
    private static volatile long sink;

    private WebhookBenchmark() {}

    public static void main(String[] args) throws Exception {
        locateFixtures();
        if (List.of(args).contains("receiver")) {
            ReceiverCostBenchmark.run();
            return;
        }
        byte[] body = Fixtures.bytes(FIXTURE);
        String signature = "sha256=" + hmac(SECRET.getBytes(StandardCharsets.UTF_8), body);
        Map<String, String> headers = Map.of("Content-Type", "application/json", "X-GitHub-Event", "push",
                "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958", "X-Hub-Signature-256", signature);
        List<byte[]> secrets = List.of(SECRET.getBytes(StandardCharsets.UTF_8));
        WebhookParser parser = WebhookParsers.forFormat(WebhookFormat.GITHUB).orElseThrow();

        System.out.println("Git Providers webhook benchmark");
        System.out.printf(Locale.ROOT, "machine: %d processors, %s %s (%s), max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "delivery: %s, %d bytes, signed X-Hub-Signature-256; single thread%n%n",
                FIXTURE, body.length);

        // 1. Throughput of one delivery through verify + parse + route, against the floor.
        JobIndex index = new JobIndex();
        List<Subscription> subscriptions = subscriptions(1_000);
        subscriptions.forEach(index::put);
        ObjectMapper mapper = new ObjectMapper();
        LongSupplier pipeline = () -> {
            WebhookDelivery delivery = WebhookDelivery.post(headers, body);
            Verification verification = SignatureVerifier.verify(WebhookFormat.GITHUB, delivery, secrets);
            if (!verification.accepted()) {
                throw new IllegalStateException(verification.message());
            }
            ParseResult parsed = parser.parse(delivery);
            WebhookEvent event = parsed.eventValue().orElseThrow();
            RoutingResult routed = index.route("github", event);
            return routed.triggered().size();
        };
        LongSupplier floorOperation = () -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                        .getBytes(StandardCharsets.US_ASCII);
                boolean same = MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
                return mapper.readTree(body).size() + (same ? 1 : 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        WebhookDelivery reused = WebhookDelivery.post(headers, body);
        WebhookEvent parsedOnce = parser.parse(reused).eventValue().orElseThrow();
        // Rounds alternate between the operations, so a busy machine slows them alike and the ratio stays meaningful.
        double[] rates = perSecond(pipeline, floorOperation,
                () -> SignatureVerifier.verify(WebhookFormat.GITHUB, reused, secrets).accepted() ? 1 : 0,
                () -> parser.parse(reused).eventValue().isPresent() ? 1 : 0,
                () -> index.route("github", parsedOnce).triggered().size());
        double full = rates[0];
        double floor = rates[1];
        System.out.printf(Locale.ROOT, "verify + parse + route (1,000 jobs):  %,10.0f deliveries/s%n", full);
        System.out.printf(Locale.ROOT, "floor: HMAC-SHA256 + JSON tree parse: %,10.0f deliveries/s%n", floor);
        System.out.printf(Locale.ROOT, "ratio: %.0f %% of the floor (target >= 50 %%)%n", 100 * full / floor);
        System.out.printf(Locale.ROOT, "parts: verify %,.0f ns, parse %,.0f ns, key + route %,.0f ns%n%n",
                1e9 / rates[2], 1e9 / rates[3], 1e9 / rates[4]);

        // 2. Routing time per delivery, index against a linear scan of the same subscriptions.
        WebhookEvent event = parser.parse(WebhookDelivery.post(headers, body)).eventValue().orElseThrow();
        for (int jobs : new int[] {1_000, 100_000}) {
            JobIndex sized = new JobIndex();
            List<Subscription> all = subscriptions(jobs);
            all.forEach(sized::put);
            RepositoryKey key = RepositoryKey.of(event.repositoryInfo().orElseThrow()).orElseThrow();
            double[] routing = perSecond(() -> sized.route(key, "github", event).triggered().size(),
                    () -> linearScan(all, key, event));
            double indexNanos = 1e9 / routing[0];
            double scanNanos = 1e9 / routing[1];
            int triggered = sized.route(key, "github", event).triggered().size();
            if (triggered != linearScan(all, key, event)) {
                throw new IllegalStateException("the index and the scan disagree");
            }
            System.out.printf(Locale.ROOT, "routing, %,7d jobs: index %,10.0f ns/delivery, linear scan %,12.0f"
                    + " ns/delivery, speed-up %,8.0fx (%d triggered)%n", jobs, indexNanos, scanNanos,
                    scanNanos / indexNanos, triggered);
        }

        // 3. Memory of the index per subscription: heap after GC before and after filling it (an estimate).
        int count = 100_000;
        List<Subscription> prepared = subscriptions(count);
        long before = usedHeapAfterGc();
        JobIndex measured = new JobIndex();
        prepared.forEach(measured::put);
        long withIndex = usedHeapAfterGc();
        prepared = null;
        long indexOnlyBytes = withIndex - before;
        System.out.printf(Locale.ROOT, "%nmemory (estimate, heap after GC): index structures %,d bytes per"
                + " subscription over %,d subscriptions (the subscriptions themselves excluded)%n",
                indexOnlyBytes / count, measured.size());
        measured = null;
        long empty = usedHeapAfterGc();
        JobIndex whole = new JobIndex();
        subscriptions(count).forEach(whole::put);
        long full2 = usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "memory (estimate, heap after GC): index with its subscriptions %,d bytes"
                + " per subscription%n", (full2 - empty) / whole.size());
        sink += whole.size();
        System.out.println();
        ReceiverCostBenchmark.run();
    }

    /**
     * Builds subscriptions of {@code jobs} jobs: three watch the pushed repository (all branches, main only, and
     * pull requests only), the others watch one repository each with a mix of branch filters.
     */
    static List<Subscription> subscriptions(int jobs) {
        List<Subscription> list = new ArrayList<>(jobs);
        list.add(Subscription.all("target/all", TARGET));
        list.add(new Subscription("target/main", "github", TARGET, RefFilter.of("main", ""), RefFilter.ALL, Set.of()));
        list.add(new Subscription("target/prs", null, TARGET, RefFilter.ALL, RefFilter.ALL,
                Set.of(EventKind.PULL_REQUEST_OPENED, EventKind.PULL_REQUEST_UPDATED)));
        for (int i = 3; i < jobs; i++) {
            RepositoryKey repository = RepositoryKey.parseOrThrow(
                    "https://github.com/org-" + (i % 997) + "/repository-" + i + ".git");
            RefFilter branches = switch (i % 3) {
                case 0 -> RefFilter.ALL;
                case 1 -> RefFilter.of("main release/*", "");
                default -> RefFilter.of("", "wip/**");
            };
            list.add(new Subscription("folder-" + (i % 100) + "/job-" + i, null, repository, branches, RefFilter.ALL,
                    Set.of()));
        }
        return list;
    }

    /** Routes as peers do: looks at every subscription. Uses the same normalised keys and filters as the index. */
    static int linearScan(List<Subscription> all, RepositoryKey key, WebhookEvent event) {
        int triggered = 0;
        String branch = event.shortRef().orElse("");
        for (Subscription subscription : all) {
            if (subscription.repository().sameRepository(key)
                    && (subscription.providerName() == null || subscription.providerName().equals("github"))
                    && subscription.events().contains(event.kind())
                    && subscription.branches().matches(branch)) {
                triggered++;
            }
        }
        return triggered;
    }

    /**
     * Returns the best operations per second of each operation over several one-second rounds, after two warm-up
     * rounds; the operations take turns round by round.
     */
    static double[] perSecond(LongSupplier... operations) {
        double[] best = new double[operations.length];
        for (int round = -2; round < ROUNDS; round++) {
            for (int op = 0; op < operations.length; op++) {
                long count = 0;
                long result = 0;
                long start = System.nanoTime();
                long elapsed;
                do {
                    for (int i = 0; i < 16; i++) {
                        result += operations[op].getAsLong();
                    }
                    count += 16;
                    elapsed = System.nanoTime() - start;
                } while (elapsed < ROUND_NANOS);
                sink += result;
                if (round >= 0) {
                    best[op] = Math.max(best[op], count * 1e9 / elapsed);
                }
            }
        }
        return best;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static String hmac(byte[] key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** Finds the shared fixtures from the module or the project directory, where exec:java may run. */
    private static void locateFixtures() {
        if (System.getProperty("fixtures.dir") != null) {
            return;
        }
        for (String candidate : new String[] {"../shared/fixtures", "../../shared/fixtures"}) {
            Path path = Paths.get(candidate);
            if (Files.isDirectory(path)) {
                System.setProperty("fixtures.dir", path.toAbsolutePath().normalize().toString());
                return;
            }
        }
    }
}
