package io.jenkins.plugins.gitproviders.core.delivery;

import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.routing.RoutingResult;
import io.jenkins.plugins.gitproviders.core.webhook.DeliveryLog;
import io.jenkins.plugins.gitproviders.core.webhook.DeliveryRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DeliveryLogStoreTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private Path file() {
        return folder.getRoot().toPath().resolve(DeliveryLogStore.FILE_NAME);
    }

    private static DeliveryRecord record(int second, int status, String message) {
        return new DeliveryRecord(T0.plusSeconds(second), status, "github", "BRANCH_PUSH", "github.com/acme/payments",
                "refs/heads/main", List.of("folder/build"), List.of(new RoutingResult.Skip("docs",
                        "branch 'main' is excluded by 'ma*'")), 0, message);
    }

    @Test
    public void shouldShowTheSameDeliveriesAfterARestart() throws IOException {
        // Given a log with three deliveries, one refused before anything was known
        DeliveryLog before = new DeliveryLog();
        before.add(record(1, 202, "Triggered 1 job"));
        before.add(new DeliveryRecord(T0.plusSeconds(2), 401, null, null, null, null, List.of(), List.of(), 0,
                "Signature does not match"));
        before.add(record(3, 200, "Already processed"));
        DeliveryLogStore store = new DeliveryLogStore(file());

        // When it is saved, and restored into the empty log of a restarted Jenkins
        assertThat(store.save(before)).isEqualTo(3);
        DeliveryLog after = new DeliveryLog();
        DeliveryLogStore.Loaded loaded = store.restoreInto(after);

        // Then the page shows the same deliveries in the same order
        assertThat(loaded.problem()).isNull();
        assertThat(after.newestFirst()).isEqualTo(before.newestFirst());
    }

    @Test
    public void shouldCutLongTextsToWhatThePageShows() throws IOException {
        String hugeRef = "refs/heads/" + "x".repeat(100_000);
        DeliveryRecord big = new DeliveryRecord(T0, 202, "github", "BRANCH_PUSH", "github.com/acme/payments", hugeRef,
                IntStream.range(0, 50).mapToObj(i -> "job-" + i).toList(),
                List.of(new RoutingResult.Skip("docs", "r".repeat(5000))), 3, "m".repeat(50_000));
        DeliveryLogStore store = new DeliveryLogStore(file());

        store.save(List.of(big));
        DeliveryRecord read = store.load().records().get(0);

        assertThat(read.ref()).hasSize(DeliveryLogStore.MAX_NAME).endsWith("\u2026").startsWith("refs/heads/xxx");
        assertThat(read.message()).hasSize(DeliveryLogStore.MAX_MESSAGE);
        assertThat(read.skipped().get(0).reason()).hasSize(DeliveryLogStore.MAX_NAME);
        // The jobs beyond the page's limit are counted, not kept
        assertThat(read.triggered()).hasSize(DeliveryRecord.MAX_JOBS);
        assertThat(read.omittedJobs()).isEqualTo(3 + 50 - DeliveryRecord.MAX_JOBS);
        assertThat(Files.size(file())).isLessThan(5_000);
    }

    @Test
    public void shouldKeepTheNewestWithinTheEntryAndByteLimits() throws IOException {
        List<DeliveryRecord> newestFirst = IntStream.range(0, 300).map(i -> 299 - i)
                .mapToObj(i -> record(i, 202, "delivery " + i + " " + "m".repeat(500))).toList();

        DeliveryLogStore byEntries = new DeliveryLogStore(file(), 100, 1 << 20);
        assertThat(byEntries.save(newestFirst)).isEqualTo(100);
        assertThat(byEntries.load().records()).extracting(DeliveryRecord::receivedAt)
                .startsWith(T0.plusSeconds(299)).endsWith(T0.plusSeconds(200));

        DeliveryLogStore byBytes = new DeliveryLogStore(file(), 100, 20_000);
        int written = byBytes.save(newestFirst);
        assertThat(written).isBetween(10, 40);
        assertThat(Files.size(file())).isLessThanOrEqualTo(20_000);
        assertThat(byBytes.load().records()).hasSize(written).first().extracting(DeliveryRecord::receivedAt)
                .isEqualTo(T0.plusSeconds(299));
    }

    @Test
    public void shouldStartEmptyAndSayWhyWhenTheFileIsDamaged() throws IOException {
        Files.writeString(file(), "{\"version\":1,\"deliveries\":[{\"at\":\"2026-03", StandardCharsets.UTF_8);
        DeliveryLogStore store = new DeliveryLogStore(file());

        DeliveryLogStore.Loaded loaded = store.load();

        assertThat(loaded.records()).isEmpty();
        assertThat(loaded.problem()).isEqualTo("The saved deliveries log " + file() + " is damaged (not JSON); the"
                + " list starts empty and the file is replaced at the next save");

        // And the next save replaces it
        store.save(List.of(record(1, 202, "ok")));
        assertThat(store.load().problem()).isNull();
    }

    @Test
    public void shouldLeaveOutDamagedRecordsAndKeepTheOthers() throws IOException {
        Files.writeString(file(), "{\"version\":1,\"deliveries\":["
                + "{\"at\":\"2026-03-01T12:00:02Z\",\"status\":202,\"message\":\"good\",\"triggered\":[\"a\"]},"
                + "{\"at\":\"yesterday\",\"status\":202,\"message\":\"bad time\"},"
                + "{\"at\":\"2026-03-01T12:00:00Z\",\"status\":7,\"message\":\"bad status\"},"
                + "{\"at\":\"2026-03-01T12:00:01Z\",\"status\":401,\"triggered\":[1,{}]}]}", StandardCharsets.UTF_8);

        DeliveryLogStore.Loaded loaded = new DeliveryLogStore(file()).load();

        assertThat(loaded.records()).extracting(DeliveryRecord::status).containsExactly(202, 401);
        assertThat(loaded.records().get(1).triggered()).isEmpty();
        assertThat(loaded.records().get(1).message()).isEmpty();
        assertThat(loaded.skipped()).isEqualTo(2);
        assertThat(loaded.problem()).startsWith("2 damaged record(s)");
    }

    @Test
    public void shouldNotReadAnOversizedFile() throws IOException {
        Files.write(file(), new byte[3 * 1024]);
        DeliveryLogStore.Loaded loaded = new DeliveryLogStore(file(), 10, 1024).load();
        assertThat(loaded.records()).isEmpty();
        assertThat(loaded.problem()).contains("is 3072 bytes, more than this version writes");
    }

    @Test
    public void shouldReadAMissingFileAsAnEmptyListWithoutAProblem() {
        DeliveryLogStore.Loaded loaded = new DeliveryLogStore(file()).load();
        assertThat(loaded.records()).isEmpty();
        assertThat(loaded.problem()).isNull();
    }
}
