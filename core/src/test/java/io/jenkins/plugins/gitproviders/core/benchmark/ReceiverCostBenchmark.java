package io.jenkins.plugins.gitproviders.core.benchmark;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.routing.DeliveryDeduplicator;
import io.jenkins.plugins.gitproviders.core.routing.JobIndex;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.webhook.SecretSource;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookHandler;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Measures what the webhook receiver spends on requests, through {@link WebhookHandler#handle(String, Map, Map,
 * InputStream, String)} as the plugin calls it: bytes read and bytes allocated on the handling thread
 * ({@code ThreadMXBean.getCurrentThreadAllocatedBytes}) for a refused 30 MiB body, and verified deliveries per
 * second with ten providers configured, with the signatures checked per delivery.
 *
 * <p>Run: {@code mvn -B -q -pl core -Pbenchmark test-compile exec:java -Dbenchmark.args=receiver}
 */
final class ReceiverCostBenchmark {
    private static final long THIRTY_MIB = 30L * 1024 * 1024;
    private static final String PUSH = "github/webhook/push-branch-created.drone-go-scm.json";
    private static final int PROVIDERS = 10;
    /** The index of the provider whose organization owns the pushed repository. */
    private static final int OWNER = 7;

    private ReceiverCostBenchmark() {}

    static void run() throws Exception {
        System.out.println("Receiver cost: what a request costs before and after authentication");
        System.out.println();
        refusedBodies();
        System.out.println();
        verifiedThroughput();
    }

    /** A body of JSON-looking bytes that counts what is read of it and allocates nothing itself. */
    private static final class CountingBody extends InputStream {
        private final long size;
        private long read;

        CountingBody(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return read < size ? (read++ == 0 ? '{' : ' ') : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = (int) Math.min(length, size - read);
            if (n <= 0) {
                return -1;
            }
            read += n;
            return n;
        }
    }

    private record Request(String what, Map<String, List<String>> headers, String providerName) {}

    private static void refusedBodies() throws IOException {
        List<ProviderSpec> providers = providers();
        WebhookHandler handler = handler(providers, new AtomicInteger());
        Map<String, List<String>> github = Map.of("X-GitHub-Event", List.of("push"));
        List<Request> requests = List.of(
                new Request("Content-Length 30 MiB over GitHub's 25 MiB cap", Map.of("X-GitHub-Event",
                        List.of("push"), "Content-Length", List.of(Long.toString(THIRTY_MIB))), null),
                new Request("no host headers (chunked)", Map.of("Content-Type", List.of("application/json")),
                        null),
                new Request("unknown provider in the address (chunked)", github, "nobody"),
                new Request("GitLab with a wrong X-Gitlab-Token (chunked)", Map.of("X-Gitlab-Event",
                        List.of("Push Hook"), "X-Gitlab-Token", List.of("guess")), null),
                new Request("Bitbucket Cloud, Content-Length 30 MiB over its 1 MiB cap", Map.of("X-Event-Key",
                        List.of("repo:push"), "Content-Length", List.of(Long.toString(THIRTY_MIB))), null),
                new Request("GitHub without Content-Length (chunked): read to the cap", github, null));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println("Refused 30 MiB bodies (" + PROVIDERS + " GitHub providers and 1 GitLab provider"
                + " configured; target: at most 64 KiB read when the headers decide):");
        for (Request request : requests) {
            WebhookResponse answer = null;
            long read = 0;
            long allocated = Long.MAX_VALUE;
            // The lowest of a few runs: the first warms up the code paths.
            for (int round = 0; round < 4; round++) {
                CountingBody body = new CountingBody(THIRTY_MIB);
                long before = threads.getCurrentThreadAllocatedBytes();
                answer = handler.handle("POST", request.headers(), Map.of(), body, request.providerName());
                allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
                read = body.read;
            }
            System.out.printf(Locale.ROOT, "  %-60s %d, read %,12d bytes, allocated %,12d bytes%n", request.what(),
                    answer.status(), read, allocated);
        }
    }

    private static void verifiedThroughput() throws Exception {
        byte[] body = Fixtures.bytes(PUSH);
        String signature = "sha256=" + hmac("secret-" + OWNER, body);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("X-GitHub-Event", List.of("push"));
        headers.put("X-Hub-Signature-256", List.of(signature));
        headers.put("Content-Length", List.of(Integer.toString(body.length)));
        List<ProviderSpec> providers = providers();
        AtomicInteger lookups = new AtomicInteger();
        JobIndex index = new JobIndex();
        WebhookBenchmark.subscriptions(1_000).forEach(index::put);

        System.out.printf(Locale.ROOT, "Verified deliveries (%s, %,d bytes, 1,000 indexed jobs; single thread;"
                + " the operations take turns, best of 5 one-second rounds):%n", PUSH, body.length);
        SecretSource secrets = secrets(lookups);
        String named = "github-" + OWNER;
        List<ProviderSpec> single = List.of(providers.get(OWNER));
        LongSupplier[] operations = {
            () -> deliver(providers, secrets, index, headers, body, null),
            () -> deliver(providers, secrets, index, headers, body, named),
            () -> deliver(single, secrets, index, headers, body, null)};
        // A first pass only warms up: the whole path (reading, HMAC, Jackson, routing) takes longer to compile than
        // the harness's two warm-up rounds, and the operations would otherwise be measured at different stages.
        WebhookBenchmark.perSecond(operations);
        double[] rates = WebhookBenchmark.perSecond(operations);
        String[] labels = {PROVIDERS + " providers, bare address (narrowed by the repository's owner)",
                PROVIDERS + " providers, address naming the provider", "1 provider, bare address"};
        String[] targets = {null, named, null};
        for (int i = 0; i < labels.length; i++) {
            lookups.set(0);
            deliver(i == 2 ? single : providers, secrets, index, headers, body, targets[i]);
            System.out.printf(Locale.ROOT, "  %-60s %,10.0f deliveries/s, %d provider(s) tried%n", labels[i],
                    rates[i], lookups.get());
        }
        AtomicInteger forged = new AtomicInteger();
        Map<String, List<String>> forgedHeaders = new LinkedHashMap<>(headers);
        forgedHeaders.put("X-Hub-Signature-256", List.of("sha256=" + "0".repeat(64)));
        List<ProviderSpec> unscoped = providers.stream().map(p -> p.toBuilder().scope(null).build()).toList();
        int status = new WebhookHandler(unscoped, secrets(forged), index, new DeliveryDeduplicator(),
                Clock.systemUTC()).handle("POST", forgedHeaders, Map.of(), new ByteArrayInputStream(body), null)
                .status();
        System.out.printf(Locale.ROOT, "  %-60s %d, %d of %d providers tried (at most %d signatures per"
                + " delivery)%n", "forged, " + PROVIDERS + " providers without scope, bare address", status,
                forged.get(), PROVIDERS, WebhookHandler.MAX_BODY_HMACS);
    }

    /** Answers one signed delivery with a fresh de-duplication memory, so that it is routed, not a duplicate. */
    private static long deliver(List<ProviderSpec> providers, SecretSource secrets, JobIndex index,
            Map<String, List<String>> headers, byte[] body, String providerName) {
        WebhookHandler handler = new WebhookHandler(providers, secrets, index, new DeliveryDeduplicator(),
                Clock.systemUTC());
        try {
            WebhookResponse answer = handler.handle("POST", headers, Map.of(), new ByteArrayInputStream(body),
                    providerName);
            if (answer.status() != 202) {
                throw new IllegalStateException(answer.fullMessage());
            }
            return answer.triggered().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ten GitHub providers, one per organization, each with its own secret, and one GitLab provider. */
    private static List<ProviderSpec> providers() {
        List<ProviderSpec> providers = new ArrayList<>();
        for (int i = 0; i < PROVIDERS; i++) {
            providers.add(ProviderSpec.builder("github-" + i, ProviderType.GITHUB)
                    .scope(i == OWNER ? "bradrydzewski" : "org-" + i)
                    .webhookSecretCredentialsIds(List.of("secret-" + i)).build());
        }
        providers.add(ProviderSpec.builder("gitlab", ProviderType.GITLAB)
                .webhookSecretCredentialsIds(List.of("gitlab-secret")).build());
        return providers;
    }

    private static WebhookHandler handler(List<ProviderSpec> providers, AtomicInteger lookups) {
        return new WebhookHandler(providers, secrets(lookups), new JobIndex(), new DeliveryDeduplicator(),
                Clock.systemUTC());
    }

    /** Resolves each provider's one secret, named as its credential ID, counting the look-ups. */
    private static SecretSource secrets(AtomicInteger lookups) {
        return provider -> {
            lookups.incrementAndGet();
            return provider.webhookSecretCredentialsIds().stream()
                    .map(id -> id.getBytes(StandardCharsets.UTF_8)).toList();
        };
    }

    private static String hmac(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
