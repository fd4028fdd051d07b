package io.jenkins.plugins.gitproviders.core.delivery;

import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.PAYMENTS;
import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.T0;
import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.commit;
import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.pullRequest;
import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.push;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.repository.RefTips;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.routing.RefFilter;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class LastKnownCommitsTest {
    private static final String MAIN = "refs/heads/main";

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void shouldLearnFromPushesAndForgetDeletedRefs() {
        LastKnownCommits known = new LastKnownCommits();
        assertThat(known.snapshot(PAYMENTS)).isEmpty();
        known.observe(PAYMENTS, Map.of(), List.of(), T0.minusSeconds(60));

        known.recordEvent(PAYMENTS, push("main", commit(1), commit(2)), T0);
        known.recordEvent(PAYMENTS, push("old", null, commit(3)), T0);
        known.recordEvent(PAYMENTS, pullRequest(7, commit(9)), T0);
        assertThat(known.snapshot(PAYMENTS)).contains(Map.of(
                MAIN, new LastKnownCommits.Known(commit(2), T0),
                "refs/heads/old", new LastKnownCommits.Known(commit(3), T0)));

        WebhookEvent deletion = new WebhookEvent(ProviderType.GITHUB, EventKind.BRANCH_DELETED,
                new RepositoryInfo("github.com", "acme/payments", null, null, null), "refs/heads/old", commit(3),
                "0".repeat(40), null, null, null, null, "octocat", "d-del");
        known.recordEvent(PAYMENTS, deletion, T0.plusSeconds(1));
        assertThat(known.snapshot(PAYMENTS).orElseThrow()).containsOnlyKeys(MAIN);
        assertThat(known.size()).isEqualTo(1);
    }

    @Test
    public void shouldLeaveTheBaselineOfAnUnknownRepositoryToCatchingUp() {
        // Given a repository no catch-up has observed (a job got the trigger after the last catch-up)
        LastKnownCommits known = new LastKnownCommits();

        // When a push to one branch is delivered
        known.recordEvent(PAYMENTS, push("main", commit(1), commit(2)), T0);

        // Then the repository still has no baseline: one branch alone would make every other look created
        assertThat(known.hasBaseline(PAYMENTS)).isFalse();
        assertThat(known.snapshot(PAYMENTS)).isEmpty();
        CatchUp.WatchedRepository watched = new CatchUp.WatchedRepository(PAYMENTS,
                ProviderSpec.builder("github", ProviderType.GITHUB).build(),
                List.of(RefFilter.ALL), List.of());
        CatchUp.Decision decision = CatchUp.decide(watched,
                new RefTips(Map.of(MAIN, commit(2),
                        "refs/heads/other", commit(3))), known.snapshot(PAYMENTS), T0.plusSeconds(1));
        assertThat(decision.baselined()).isTrue();
        assertThat(decision.pushes()).isEmpty();
    }

    @Test
    public void shouldFindACaughtUpChangeAgainWhenItCouldNotBeRouted() {
        // Given a catch-up that found main moved, a new branch and a deleted one, and recorded what it observed
        CatchUp.WatchedRepository watched = new CatchUp.WatchedRepository(PAYMENTS,
                ProviderSpec.builder("github", ProviderType.GITHUB).build(), List.of(RefFilter.ALL), List.of());
        LastKnownCommits known = new LastKnownCommits();
        known.observe(PAYMENTS, Map.of(MAIN, commit(1), "refs/heads/old", commit(5)), List.of(), T0);
        RefTips host = new RefTips(Map.of(MAIN, commit(2), "refs/heads/new", commit(3)));
        CatchUp.Report first = CatchUp.run(List.of(watched), (p, r, patterns) -> host, known,
                Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
        assertThat(first.pushes()).hasSize(3);

        // When none of its events could be routed (the journal was full) and they are put back
        first.pushes().forEach(push -> known.retract(PAYMENTS, push.event(), T0.plusSeconds(61)));

        // Then the next catch-up finds the same three changes again
        CatchUp.Report second = CatchUp.run(List.of(watched), (p, r, patterns) -> host, known,
                Clock.fixed(T0.plusSeconds(120), ZoneOffset.UTC));
        assertThat(second.pushes()).extracting(push -> push.event().kind() + " " + push.event().ref())
                .containsExactly("BRANCH_PUSH refs/heads/main", "BRANCH_CREATED refs/heads/new",
                        "BRANCH_DELETED refs/heads/old");
        assertThat(second.pushes().get(0).event().deliveryId()).isEqualTo(first.pushes().get(0).event().deliveryId());
    }

    @Test
    public void shouldFindARepositoryWhateverPortItsKeyNames() {
        LastKnownCommits known = new LastKnownCommits();
        RepositoryKey withPort = RepositoryKey.parseOrThrow("https://git.example.com:8443/acme/payments");
        known.record(withPort, MAIN, commit(1), T0);
        assertThat(known.snapshot(withPort.withoutPort())).isPresent();
    }

    @Test
    public void shouldIgnoreWhatIsNotACommitOrARef() {
        LastKnownCommits known = new LastKnownCommits();
        known.record(PAYMENTS, MAIN, "not-a-commit", T0);
        known.record(PAYMENTS, "main", commit(1), T0);
        known.record(PAYMENTS, MAIN, "0".repeat(40), T0);
        assertThat(known.size()).isZero();
    }

    @Test
    public void shouldNotLetAnObservationOverwriteWhatADeliveryTaughtLater() {
        LastKnownCommits known = new LastKnownCommits();
        known.record(PAYMENTS, MAIN, commit(5), T0.plusSeconds(10));
        known.record(PAYMENTS, "refs/heads/gone", commit(6), T0.plusSeconds(10));

        // A catch-up that asked the host at T0 (before the deliveries) answers with older commits
        known.observe(PAYMENTS, Map.of(MAIN, commit(4)), List.of("refs/heads/gone"), T0);

        assertThat(known.snapshot(PAYMENTS).orElseThrow().get(MAIN).commit()).isEqualTo(commit(5));
        assertThat(known.snapshot(PAYMENTS).orElseThrow()).containsKey("refs/heads/gone");
    }

    @Test
    public void shouldForgetTheRepositoriesUpdatedLeastRecentlyWhenFull() {
        LastKnownCommits known = new LastKnownCommits(10);
        for (int r = 0; r < 4; r++) {
            RepositoryKey repository = RepositoryKey.parseOrThrow("https://github.com/acme/repo-" + r);
            for (int b = 0; b < 3; b++) {
                known.record(repository, "refs/heads/b" + b, commit(r * 10L + b), T0.plusSeconds(r));
            }
        }
        // 12 refs exceed 10: whole repositories go, oldest first, never single refs
        assertThat(known.size()).isLessThanOrEqualTo(10).isEqualTo(9);
        assertThat(known.snapshot(RepositoryKey.parseOrThrow("https://github.com/acme/repo-0"))).isEmpty();
        assertThat(known.snapshot(RepositoryKey.parseOrThrow("https://github.com/acme/repo-3")).orElseThrow())
                .hasSize(3);
    }

    @Test
    public void shouldReadBackWhatItSaved() throws IOException {
        Path file = folder.getRoot().toPath().resolve(LastKnownCommits.FILE_NAME);
        LastKnownCommits known = new LastKnownCommits();
        known.record(PAYMENTS, MAIN, commit(1), T0);
        known.record(PAYMENTS, "refs/tags/v1", commit(2), T0.plusSeconds(5));
        RepositoryKey empty = RepositoryKey.parseOrThrow("https://gitlab.com/group/sub/empty");
        known.observe(empty, Map.of(), List.of(), T0);

        known.save(file);
        LastKnownCommits.Loaded loaded = LastKnownCommits.load(file, 100);

        assertThat(loaded.problem()).isNull();
        assertThat(loaded.commits().snapshot(PAYMENTS)).isEqualTo(known.snapshot(PAYMENTS));
        // A repository without refs keeps its baseline
        assertThat(loaded.commits().snapshot(empty)).contains(Map.of());
        assertThat(loaded.commits().repositoryCount()).isEqualTo(2);
    }

    @Test
    public void shouldReadADamagedFileAsNoBaselineAndSaySo() throws IOException {
        Path file = folder.getRoot().toPath().resolve(LastKnownCommits.FILE_NAME);
        Files.writeString(file, "{\"version\":1,\"repositories\":[{\"host\":\"github.com\",\"path\":\"acme/payments\","
                + "\"at\":\"2026-03-01T12:00:00Z\",\"refs\":{\"refs/heads/main\":{\"commit\":\"" + commit(1)
                + "\",\"at\":\"2026-03-01T12:00:00Z\"}}},{\"host\":\"Not A Host\",\"path\":\"x/y\"}]}",
                StandardCharsets.UTF_8);
        LastKnownCommits.Loaded partly = LastKnownCommits.load(file, 100);
        assertThat(partly.skipped()).isEqualTo(1);
        assertThat(partly.commits().snapshot(PAYMENTS).orElseThrow()).containsOnlyKeys(MAIN);
        assertThat(partly.problem()).startsWith("1 damaged repositories");

        Files.writeString(file, "{\"version\":1,\"repos", StandardCharsets.UTF_8);
        LastKnownCommits.Loaded broken = LastKnownCommits.load(file, 100);
        assertThat(broken.commits().repositoryCount()).isZero();
        assertThat(broken.problem()).contains("could not be read").contains("nothing missed is built");

        assertThat(LastKnownCommits.load(folder.getRoot().toPath().resolve("missing.json"), 100).problem()).isNull();
    }
}
