package io.jenkins.plugins.gitproviders.core.delivery;

import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.PAYMENTS;
import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.T0;
import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.commit;
import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.dispatches;
import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.routing.DeliveryDeduplicator;
import io.jenkins.plugins.gitproviders.core.routing.JobIndex;
import io.jenkins.plugins.gitproviders.core.routing.Subscription;
import io.jenkins.plugins.gitproviders.core.testing.FixtureDeliveries;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.PullRequestSource;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookDelivery;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookHandler;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DeliveryJournalTest {
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private Path file() {
        return folder.getRoot().toPath().resolve(DeliveryJournal.FILE_NAME);
    }

    private DeliveryJournal open() throws JournalException {
        return DeliveryJournal.open(file(), DeliveryJournal.Limits.DEFAULT, CLOCK);
    }

    @Test
    public void shouldReplayAcceptedDeliveriesWhoseBuildsWereNotQueued() throws IOException {
        // Given three accepted deliveries, of which the first had its builds queued
        WebhookEvent main = push("main", commit(1), commit(2));
        WebhookEvent release = push("release", commit(3), commit(4));
        try (DeliveryJournal journal = open()) {
            JournalEntry first = journal.append("github", PAYMENTS, "d-1", dispatches(main, "a", "b"));
            journal.append("github", PAYMENTS, "d-2", dispatches(release, "c"));
            journal.append("github", null, null, dispatches(main, "d"));
            journal.complete(first.id());
        }

        // When Jenkins starts again
        try (DeliveryJournal journal = open()) {
            // Then the two others are replayed, oldest first, exactly as accepted
            JournalReplay replay = journal.replay();
            assertThat(replay.clean()).isTrue();
            assertThat(replay.entries()).hasSize(2);
            JournalEntry second = replay.entries().get(0);
            assertThat(second.id()).isEqualTo(2);
            assertThat(second.provider()).isEqualTo("github");
            assertThat(second.repository()).isEqualTo(PAYMENTS);
            assertThat(second.deliveryId()).isEqualTo("d-2");
            assertThat(second.acceptedAt()).isEqualTo(T0);
            assertThat(second.dispatches()).containsExactly(new WebhookResponse.Dispatch("c", release));
            assertThat(replay.entries().get(1).repository()).isNull();
            assertThat(replay.entries().get(1).dispatches()).containsExactly(new WebhookResponse.Dispatch("d", main));
            assertThat(journal.pending()).isEqualTo(replay.entries());
        }
    }

    @Test
    public void shouldKeepNumberingEntriesUpwardsAcrossRestarts() throws IOException {
        try (DeliveryJournal journal = open()) {
            long id = journal.append("github", PAYMENTS, "d-1", dispatches(push("main", null, commit(1)), "a")).id();
            journal.complete(id);
        }
        try (DeliveryJournal journal = open()) {
            // The journal is empty, yet the sequence goes on: it orders deliveries across restarts.
            assertThat(journal.pending()).isEmpty();
            assertThat(journal.append("github", PAYMENTS, "d-2", dispatches(push("main", null, commit(2)), "a"))
                    .id()).isEqualTo(2);
        }
    }

    @Test
    public void shouldForgetEachJobOnceItsBuildIsQueued() throws IOException {
        WebhookEvent event = push("main", commit(1), commit(2));
        try (DeliveryJournal journal = open()) {
            JournalEntry entry = journal.append("github", PAYMENTS, "d-1", dispatches(event, "a", "b"));
            assertThat(journal.completeDispatch(entry.id(), "a")).isTrue();
            assertThat(journal.completeDispatch(entry.id(), "unknown")).isFalse();
        }
        try (DeliveryJournal journal = open()) {
            assertThat(journal.pending()).singleElement().extracting(JournalEntry::dispatches)
                    .isEqualTo(dispatches(event, "b"));
            long id = journal.pending().get(0).id();
            assertThat(journal.completeDispatch(id, "b")).isTrue();
            assertThat(journal.pending()).isEmpty();
            assertThat(journal.complete(id)).isFalse();
        }
        try (DeliveryJournal journal = open()) {
            assertThat(journal.pending()).isEmpty();
        }
    }

    @Test
    public void shouldSkipARecordCutShortByACrashAndCountIt() throws IOException {
        // Given a journal whose last record was cut short by a crash in the middle of its write
        try (DeliveryJournal journal = open()) {
            journal.append("github", PAYMENTS, "d-1", dispatches(push("main", null, commit(1)), "a"));
            journal.append("github", PAYMENTS, "d-2", dispatches(push("main", commit(1), commit(2)), "a"));
        }
        byte[] whole = Files.readAllBytes(file());
        Files.write(file(), Arrays.copyOf(whole, whole.length - 40));

        // When it is opened
        try (DeliveryJournal journal = open()) {
            // Then the whole record is replayed, the torn one is skipped and counted
            JournalReplay replay = journal.replay();
            assertThat(replay.entries()).extracting(JournalEntry::deliveryId).containsExactly("d-1");
            assertThat(replay.tornRecords()).isEqualTo(1);
            assertThat(replay.corruptRecords()).isZero();
            assertThat(replay.problem()).contains("1 record(s) cut short by a crash");

            // And a new record does not follow the torn one: the file was rewritten without it
            journal.append("github", PAYMENTS, "d-3", dispatches(push("main", commit(1), commit(3)), "a"));
        }
        try (DeliveryJournal journal = open()) {
            assertThat(journal.replay().clean()).isTrue();
            assertThat(journal.pending()).extracting(JournalEntry::deliveryId).containsExactly("d-1", "d-3");
        }
    }

    @Test
    public void shouldSkipADamagedRecordInTheMiddleAndKeepTheOthers() throws IOException {
        try (DeliveryJournal journal = open()) {
            for (int i = 1; i <= 3; i++) {
                journal.append("github", PAYMENTS, "d-" + i, dispatches(push("main", null, commit(i)), "a"));
            }
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file(), StandardCharsets.UTF_8));
        // lines: header, d-1, d-2, d-3; flip one character of d-2's JSON so its checksum fails
        lines.set(2, lines.get(2).replace("\"d-2\"", "\"d-X\""));
        Files.write(file(), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));

        try (DeliveryJournal journal = open()) {
            assertThat(journal.replay().entries()).extracting(JournalEntry::deliveryId).containsExactly("d-1", "d-3");
            assertThat(journal.replay().corruptRecords()).isEqualTo(1);
            assertThat(journal.replay().tornRecords()).isZero();
            assertThat(journal.replay().problem()).contains("1 damaged record(s)");
        }
    }

    @Test
    public void shouldSkipAnOverlongLineWithoutHoldingItAndReadWhatFollows() throws IOException {
        try (DeliveryJournal journal = open()) {
            journal.append("github", PAYMENTS, "d-1", dispatches(push("main", null, commit(1)), "a"));
        }
        byte[] before = Files.readAllBytes(file());
        byte[] garbage = new byte[3 << 20];
        Arrays.fill(garbage, (byte) 'x');
        byte[] after = DeliveryJournal.line(DeliveryJournal.addRecord(new JournalEntry(7, T0, "github", PAYMENTS,
                "d-7", dispatches(push("main", commit(1), commit(2)), "a"))));
        Files.write(file(), before);
        Files.write(file(), garbage, StandardOpenOption.APPEND);
        Files.write(file(), new byte[] {'\n'}, StandardOpenOption.APPEND);
        Files.write(file(), after, StandardOpenOption.APPEND);

        try (DeliveryJournal journal = open()) {
            assertThat(journal.replay().entries()).extracting(JournalEntry::deliveryId).containsExactly("d-1", "d-7");
            assertThat(journal.replay().corruptRecords()).isEqualTo(1);
            // Numbering goes on after the highest entry read
            assertThat(journal.append("github", PAYMENTS, "d-8", dispatches(push("x", null, commit(9)), "a")).id())
                    .isEqualTo(8);
        }
    }

    @Test
    public void shouldRefuseNewDeliveriesWhenFullRatherThanDropAny() throws IOException {
        // Given a journal with room for two pending deliveries, both taken
        DeliveryJournal.Limits limits = new DeliveryJournal.Limits(2, 1 << 20);
        try (DeliveryJournal journal = DeliveryJournal.open(file(), limits, CLOCK)) {
            JournalEntry first = journal.append("github", PAYMENTS, "d-1", dispatches(push("a", null, commit(1)), "j"));
            journal.append("github", PAYMENTS, "d-2", dispatches(push("b", null, commit(2)), "j"));

            // When a third arrives, it is refused with a message telling what happens and what to check
            assertThatThrownBy(() -> journal.append("github", PAYMENTS, "d-3",
                    dispatches(push("c", null, commit(3)), "j")))
                    .isInstanceOf(JournalFullException.class)
                    .hasMessage("The delivery journal holds 2 deliveries whose builds are not yet queued (limit 2):"
                            + " Jenkins answers 503 so the host retries later. Check that the build queue is moving"
                            + " and that jobs are not blocked; the journal empties as builds are queued.");
            assertThat(journal.status().full()).isTrue();
            assertThat(journal.status().problem()).startsWith("The delivery journal holds 2 deliveries");

            // Then the earlier ones are all still there, and once one is queued the host's retry is accepted
            assertThat(journal.pending()).extracting(JournalEntry::deliveryId).containsExactly("d-1", "d-2");
            journal.complete(first.id());
            journal.append("github", PAYMENTS, "d-3", dispatches(push("c", null, commit(3)), "j"));
            assertThat(journal.status().problem()).isNull();
        }
    }

    @Test
    public void shouldRefuseADeliveryThatExceedsTheByteLimit() throws IOException {
        DeliveryJournal.Limits limits = new DeliveryJournal.Limits(1000, 8192);
        try (DeliveryJournal journal = DeliveryJournal.open(file(), limits, CLOCK)) {
            String[] many = new String[200];
            Arrays.setAll(many, i -> "folder/job-with-a-long-name-" + i);
            assertThatThrownBy(() -> journal.append("github", PAYMENTS, "d-1",
                    dispatches(push("main", null, commit(1)), many)))
                    .isInstanceOf(JournalFullException.class)
                    .hasMessageContaining("(limit 8192)");
            assertThat(journal.pending()).isEmpty();
        }
    }

    @Test
    public void shouldKeepTheFileBelowTwiceTheByteLimitAsDeliveriesComeAndGo() throws IOException {
        DeliveryJournal.Limits limits = new DeliveryJournal.Limits(100, 8192);
        try (DeliveryJournal journal = DeliveryJournal.open(file(), limits, CLOCK)) {
            long largest = 0;
            for (int i = 0; i < 400; i++) {
                JournalEntry entry = journal.append("github", PAYMENTS, "d-" + i,
                        dispatches(push("main", commit(i), commit(i + 1)), "a", "b"));
                largest = Math.max(largest, Files.size(file()));
                if (i % 10 != 0) {
                    journal.complete(entry.id());
                }
                if (journal.pending().size() == 5) {
                    for (JournalEntry pending : journal.pending()) {
                        journal.complete(pending.id());
                    }
                }
                largest = Math.max(largest, Files.size(file()));
            }
            assertThat(largest).isLessThan(2L * limits.maxBytes() + 1024);
            assertThat(journal.status().fileBytes()).isEqualTo(Files.size(file()));
        }
    }

    @Test
    public void shouldRecordEveryDeliveryOfConcurrentAppenders() throws Exception {
        // Given eight request threads appending at once, each completing every other of its entries
        int threads = 8;
        int perThread = 100;
        Map<String, Boolean> expected = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try (DeliveryJournal journal = open()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        String id = thread + "-" + i;
                        JournalEntry entry = journal.append("github", PAYMENTS, id,
                                dispatches(push("b" + thread, null, commit(thread * 1000L + i)), "job-" + thread));
                        if (i % 2 == 0) {
                            journal.complete(entry.id());
                        } else {
                            expected.put(id, true);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // When the journal is read back, every pending delivery is there once, with its own event, and no record is damaged
        try (DeliveryJournal journal = open()) {
            assertThat(journal.replay().clean()).isTrue();
            List<JournalEntry> entries = journal.replay().entries();
            assertThat(entries).extracting(JournalEntry::deliveryId)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            assertThat(entries).extracting(JournalEntry::id).doesNotHaveDuplicates();
            for (JournalEntry entry : entries) {
                String thread = entry.deliveryId().substring(0, entry.deliveryId().indexOf('-'));
                assertThat(entry.dispatches()).singleElement().extracting(WebhookResponse.Dispatch::job)
                        .isEqualTo("job-" + thread);
            }
        }
    }

    @Test
    public void shouldStoreNeitherTheSecretNorTheBodyOfASignedDelivery() throws Exception {
        // Given a real GitHub push, signed, accepted by the handler for one job
        String secret = "It's a Secret to Everybody";
        String fixture = "github/webhook/push-branch-created.drone-go-scm.json";
        byte[] body = Fixtures.bytes(fixture);
        String signature = hmac(secret, body);
        WebhookDelivery delivery = FixtureDeliveries.load(fixture, Map.of("X-Hub-Signature-256",
                "sha256=" + signature, "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958"));
        JobIndex index = new JobIndex();
        index.put(Subscription.all("drone", io.jenkins.plugins.gitproviders.core.repository.RepositoryKey
                .parseOrThrow("https://github.com/bradrydzewski/drone-test-go")));
        ProviderSpec github = ProviderSpec.builder("github", ProviderType.GITHUB)
                .webhookSecretCredentialsIds(List.of("s")).build();
        WebhookResponse response = new WebhookHandler(List.of(github),
                provider -> List.of(secret.getBytes(StandardCharsets.UTF_8)), index, new DeliveryDeduplicator(), CLOCK)
                .handle(delivery, "github");
        assertThat(response.status()).isEqualTo(202);

        // When it is journaled
        try (DeliveryJournal journal = open()) {
            journal.append(response.provider(), response.repository(), response.event().deliveryId(),
                    response.dispatches());
        }

        // Then the file holds the event, but not the secret, the signature or what only the body carries
        String stored = Files.readString(file(), StandardCharsets.UTF_8);
        assertThat(stored).contains("d2b75aa7797ec26b088fa2dd527e9d2c052fcedd", "refs/heads/feature-branch");
        assertThat(stored).doesNotContain(secret, signature, "Update .drone.yml", "tree_id",
                "f38d6b02c9ee18de68e5e6682721a22df4c9a29d");
        try (DeliveryJournal journal = open()) {
            assertThat(journal.pending()).singleElement().extracting(JournalEntry::dispatches)
                    .isEqualTo(response.dispatches());
        }
    }

    @Test
    public void shouldRestoreEveryComponentOfAnEvent() throws IOException {
        // An event with every component set: a component added later must survive the journal too.
        WebhookEvent full = everyComponentSet();
        try (DeliveryJournal journal = open()) {
            journal.append("github", PAYMENTS, "d-1", dispatches(full, "a"));
        }
        try (DeliveryJournal journal = open()) {
            assertThat(journal.pending().get(0).dispatches().get(0).event()).isEqualTo(full);
        }
    }

    @Test
    public void shouldMoveAsideAFileOfANewerFormatWithoutReadingIt() throws IOException {
        byte[] newer = DeliveryJournal.line(StoredJson.MAPPER.createObjectNode().put("t", "journal")
                .put("version", DeliveryJournal.FORMAT_VERSION + 1));
        Files.write(file(), newer);

        try (DeliveryJournal journal = open()) {
            assertThat(journal.replay().entries()).isEmpty();
            assertThat(journal.replay().problem()).contains("written by a newer version of the plugin (format 2)");
            assertThat(file().resolveSibling(DeliveryJournal.FILE_NAME + ".v2")).hasBinaryContent(newer);
        }
    }

    @Test
    public void shouldReportAJournalThatCannotBeRead() throws IOException {
        // A directory where the file should be cannot be read, whoever runs the test
        Files.createDirectory(file());

        assertThatThrownBy(this::open)
                .isInstanceOf(JournalException.class)
                .hasMessageStartingWith("Could not read the delivery journal " + file() + " (")
                .hasMessageEndingWith("deliveries accepted before the restart cannot be replayed. Check the file's"
                        + " permissions and restart Jenkins.");
    }

    @Test
    public void shouldReportAFailureToWriteAndRebuildTheFileOnceWritable() throws IOException {
        try (DeliveryJournal journal = open()) {
            journal.append("github", PAYMENTS, "d-1", dispatches(push("main", null, commit(1)), "a"));
            // The file is replaced by something that cannot be written (closing releases the file; the next write
            // opens it again)
            journal.close();
            Files.delete(file());
            Files.createDirectory(file());

            assertThatThrownBy(() -> journal.append("github", PAYMENTS, "d-2",
                    dispatches(push("main", commit(1), commit(2)), "a")))
                    .isInstanceOf(JournalException.class)
                    .hasMessageStartingWith("Could not open the delivery journal " + file())
                    .hasMessageEndingWith("Jenkins answers 503 so the host retries later; check the disk space and"
                            + " permissions of the Jenkins home directory.");
            assertThat(journal.status().problem()).startsWith("Could not open the delivery journal");
            assertThat(journal.pending()).extracting(JournalEntry::deliveryId).containsExactly("d-1");

            Files.delete(file());
            journal.append("github", PAYMENTS, "d-2", dispatches(push("main", commit(1), commit(2)), "a"));
            assertThat(journal.status().problem()).isNull();
        }
        // The file was rebuilt from memory: the delivery accepted before the failure is still there
        try (DeliveryJournal journal = open()) {
            assertThat(journal.replay().clean()).isTrue();
            assertThat(journal.pending()).extracting(JournalEntry::deliveryId).containsExactly("d-1", "d-2");
        }
    }

    @Test
    public void shouldReadAnEmptyOrMissingFileAsNothingPending() throws IOException {
        try (DeliveryJournal journal = open()) {
            assertThat(journal.replay().entries()).isEmpty();
            assertThat(journal.replay().clean()).isTrue();
        }
        Files.write(file(), new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        try (DeliveryJournal journal = open()) {
            assertThat(journal.replay().clean()).isTrue();
            assertThat(journal.status().pendingEntries()).isZero();
        }
    }

    private static WebhookEvent everyComponentSet() {
        RecordComponent[] components = WebhookEvent.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Map<Class<?>, Object> samples = new HashMap<>();
        samples.put(ProviderType.class, ProviderType.GITLAB_SELF_MANAGED);
        samples.put(EventKind.class, EventKind.PULL_REQUEST_UPDATED);
        samples.put(RepositoryInfo.class, new RepositoryInfo("gitlab.example.com", "group/sub/project",
                "https://gitlab.example.com/group/sub/project.git", "git@gitlab.example.com:group/sub/project.git",
                "https://gitlab.example.com/group/sub/project"));
        samples.put(Integer.class, 42);
        samples.put(Boolean.class, Boolean.TRUE);
        samples.put(boolean.class, true);
        samples.put(Long.class, 7L);
        samples.put(PullRequestSource.class, new PullRequestSource("alice/project", true, false, "CONTRIBUTOR"));
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            Object value = type == String.class ? components[i].getName() + "-value" : samples.get(type);
            if (value == null && type.isEnum()) {
                value = type.getEnumConstants()[type.getEnumConstants().length - 1];
            }
            assertThat(value).as("a sample value for component " + components[i].getName() + " of " + type)
                    .isNotNull();
            values[i] = value;
        }
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return WebhookEvent.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String hmac(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
