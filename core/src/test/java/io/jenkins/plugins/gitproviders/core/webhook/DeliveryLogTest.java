package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.routing.RoutingResult;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.Test;

public class DeliveryLogTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final WebhookEvent PUSH = new WebhookEvent(ProviderType.GITHUB, EventKind.BRANCH_PUSH,
            new RepositoryInfo("github.com", "octo/hello", null, null, null), "refs/heads/main", null,
            "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd", null, null, null, null, "octocat", "d-1");

    /** An answer given after the provider 'github' verified the delivery. */
    private static WebhookResponse answer(int status, String message, int second) {
        return verified(status, message, T0.plusSeconds(second), null, null, List.of(), List.of());
    }

    /** An answer of provider 'github' after verification, as the handler gives it. */
    private static WebhookResponse verified(int status, String message, Instant at, WebhookEvent event,
            RepositoryKey repository, List<String> triggered, List<RoutingResult.Skip> skipped) {
        return new WebhookResponse(status, message, at, "github", event, repository, triggered, skipped, false,
                List.of(), event == null ? List.of() : List.of(event), true, null);
    }

    @Test
    public void shouldKeepTheLastDeliveriesNewestFirst() {
        // Given a log of three
        DeliveryLog log = new DeliveryLog(3);

        // When five deliveries arrive
        IntStream.range(0, 5).forEach(i -> log.record(answer(400, "malformed " + i, i)));

        // Then the last three are kept, newest first
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.newestFirst()).extracting(DeliveryRecord::message)
                .containsExactly("malformed 4", "malformed 3", "malformed 2");
    }

    @Test
    public void shouldNotRecordRequestsThatAreNotPosts() {
        DeliveryLog log = new DeliveryLog();

        log.record(WebhookResponse.of(405, "Webhook deliveries must be sent with POST", T0));
        log.record(answer(404, "No provider whose secret verified this delivery serves host x", 1));

        assertThat(log.newestFirst()).extracting(DeliveryRecord::status).containsExactly(404);
        assertThat(log.refusedCount()).isZero();
        assertThat(log.capacity()).isEqualTo(100);
    }

    @Test
    public void shouldRecordWhatWasTriggeredAndWhyOthersWereNot() {
        WebhookResponse response = verified(202, "Triggered 1 job", T0, PUSH,
                RepositoryKey.parseOrThrow("https://github.com/octo/hello"), List.of("ci"),
                List.of(new RoutingResult.Skip("release", "branch 'main' is not included (included: release/*)")));

        DeliveryRecord record = DeliveryRecord.of(response);

        assertThat(record.receivedAt()).isEqualTo(T0);
        assertThat(record.provider()).isEqualTo("github");
        assertThat(record.event()).isEqualTo("BRANCH_PUSH");
        assertThat(record.repository()).isEqualTo("github.com/octo/hello");
        assertThat(record.ref()).isEqualTo("refs/heads/main");
        assertThat(record.triggered()).containsExactly("ci");
        assertThat(record.skipped()).containsExactly(
                new RoutingResult.Skip("release", "branch 'main' is not included (included: release/*)"));
        assertThat(record.triggeredAny()).isTrue();
        assertThat(record.successful()).isTrue();
        assertThat(record.omittedJobs()).isZero();
    }

    @Test
    public void shouldCutLongJobListsAndCountWhatItLeftOut() {
        List<String> jobs = IntStream.range(0, DeliveryRecord.MAX_JOBS + 5).mapToObj(i -> "job-" + i).toList();
        WebhookResponse response = verified(202, "Triggered 25 jobs", T0, PUSH, null, jobs, List.of());

        DeliveryRecord record = DeliveryRecord.of(response);

        assertThat(record.triggered()).hasSize(DeliveryRecord.MAX_JOBS).startsWith("job-0");
        assertThat(record.omittedJobs()).isEqualTo(5);
    }

    @Test
    public void shouldRecordARefusalWithItsReasonOnly() {
        DeliveryRecord record = DeliveryRecord.of(WebhookResponse.unverified("Provider 'github':"
                + " X-Hub-Signature-256 does not match", T0));

        assertThat(record.provider()).isNull();
        assertThat(record.event()).isNull();
        assertThat(record.triggeredAny()).isFalse();
        assertThat(record.successful()).isFalse();
        assertThat(record.status()).isEqualTo(401);
        assertThat(record.message()).as("Jenkins keeps the reason the host is not told")
                .isEqualTo("Provider 'github': X-Hub-Signature-256 does not match");
    }

    @Test
    public void shouldKeepUnverifiedRequestsApartSoThatTheyCannotPushDeliveriesOut() {
        // Given a full log of real deliveries
        DeliveryLog log = new DeliveryLog();
        IntStream.range(0, 100).forEach(i -> log.record(answer(202, "Triggered 1 job", i)));

        // When anyone sends a thousand requests that fail verification (and one too large to read)
        IntStream.range(0, 1000).forEach(i -> log.record(WebhookResponse.of(401, "bad signature " + i,
                T0.plusSeconds(200 + i))));
        log.record(WebhookResponse.of(413, "The delivery is larger than 1048576 bytes", T0.plusSeconds(1300)));

        // Then the real deliveries are all still listed, and the refusals are counted with a few samples
        assertThat(log.size()).isEqualTo(100);
        assertThat(log.newestFirst()).extracting(DeliveryRecord::status).containsOnly(202);
        assertThat(log.refusedCount()).isEqualTo(1001);
        assertThat(log.refusedNewestFirst()).hasSize(DeliveryLog.REFUSED_SAMPLES)
                .extracting(DeliveryRecord::message)
                .startsWith("The delivery is larger than 1048576 bytes", "bad signature 999");
    }

    @Test
    public void shouldRefuseAnEmptyLog() {
        assertThatThrownBy(() -> new DeliveryLog(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
