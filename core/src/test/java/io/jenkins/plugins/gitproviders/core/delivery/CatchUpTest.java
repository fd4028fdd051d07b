package io.jenkins.plugins.gitproviders.core.delivery;

import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.PAYMENTS;
import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.T0;
import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.commit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.Assume.assumeTrue;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.repository.RefTips;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.routing.JobIndex;
import io.jenkins.plugins.gitproviders.core.routing.RefFilter;
import io.jenkins.plugins.gitproviders.core.routing.RoutingResult;
import io.jenkins.plugins.gitproviders.core.routing.Subscription;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class CatchUpTest {
    private static final String MAIN = "refs/heads/main";
    private static final ProviderSpec GITHUB = ProviderSpec.builder("github", ProviderType.GITHUB).build();
    private static final ProviderSpec GITLAB = ProviderSpec.builder("gitlab", ProviderType.GITLAB).build();
    private static final CatchUp.WatchedRepository ALL = new CatchUp.WatchedRepository(PAYMENTS, GITHUB,
            List.of(RefFilter.ALL), List.of(RefFilter.ALL));

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private static Optional<Map<String, LastKnownCommits.Known>> known(String... refAndCommit) {
        Map<String, LastKnownCommits.Known> refs = new LinkedHashMap<>();
        for (int i = 0; i < refAndCommit.length; i += 2) {
            refs.put(refAndCommit[i], new LastKnownCommits.Known(refAndCommit[i + 1], T0));
        }
        return Optional.of(refs);
    }

    private static RefTips tips(String... refAndCommit) {
        Map<String, String> refs = new LinkedHashMap<>();
        for (int i = 0; i < refAndCommit.length; i += 2) {
            refs.put(refAndCommit[i], refAndCommit[i + 1]);
        }
        return new RefTips(refs);
    }

    @Test
    public void shouldOnlyRecordABaselineForARepositorySeenForTheFirstTime() {
        CatchUp.Decision decision = CatchUp.decide(ALL, tips(MAIN, commit(1), "refs/tags/v1", commit(2)),
                Optional.empty(), T0);

        assertThat(decision.pushes()).isEmpty();
        assertThat(decision.baselined()).isTrue();
        assertThat(decision.observed()).isEqualTo(Map.of(MAIN, commit(1), "refs/tags/v1", commit(2)));
    }

    @Test
    public void shouldSynthesiseThePushAPushWouldHaveDelivered() {
        CatchUp.Decision decision = CatchUp.decide(ALL, tips(MAIN, commit(2)), known(MAIN, commit(1)),
                T0.plusSeconds(60));

        CatchUp.Push push = decision.pushes().get(0);
        assertThat(decision.pushes()).hasSize(1);
        WebhookEvent event = push.event();
        assertThat(event.kind()).isEqualTo(EventKind.BRANCH_PUSH);
        assertThat(event.hostType()).isEqualTo(ProviderType.GITHUB);
        assertThat(event.ref()).isEqualTo(MAIN);
        assertThat(event.before()).isEqualTo(commit(1));
        assertThat(event.after()).isEqualTo(commit(2));
        assertThat(event.headCommit()).isEqualTo(commit(2));
        assertThat(event.sender()).isNull();
        assertThat(event.deliveryId()).startsWith("catch-up-").hasSize("catch-up-".length() + 16);
        assertThat(event.repositoryInfo()).hasValueSatisfying(info -> {
            assertThat(info.host()).isEqualTo("github.com");
            assertThat(info.fullPath()).isEqualTo("acme/payments");
        });
        assertThat(push.provider()).isEqualTo("github");
        assertThat(push.cause()).isEqualTo("Catch-up after a gap in webhook deliveries: branch main of"
                + " github.com/acme/payments moved from 2000000 to 3000000 while no delivery reached Jenkins");
        // The same change gets the same delivery id, so a second catch-up or a late delivery is recognised
        assertThat(CatchUp.decide(ALL, tips(MAIN, commit(2)), known(MAIN, commit(1)), T0).pushes().get(0).event()
                .deliveryId()).isEqualTo(event.deliveryId());
    }

    @Test
    public void shouldTellACaughtUpEventFromADeliveredOneByTheEventAlone() {
        // The journal and the builds keep only the event: the cause must be read back from it
        CatchUp.Decision decision = CatchUp.decide(ALL, tips(MAIN, commit(2), "refs/heads/new", commit(3),
                "refs/tags/v2", commit(4)), known(MAIN, commit(1), "refs/heads/gone", commit(5)), T0.plusSeconds(60));

        assertThat(decision.pushes()).hasSize(4).allSatisfy(push -> {
            assertThat(CatchUp.isCatchUp(push.event())).isTrue();
            assertThat(CatchUp.causeOf(push.event())).contains(push.cause());
        });
        assertThat(decision.pushes()).extracting(CatchUp.Push::cause).containsExactly(
                "Catch-up after a gap in webhook deliveries: branch main of github.com/acme/payments moved from"
                        + " 2000000 to 3000000 while no delivery reached Jenkins",
                "Catch-up after a gap in webhook deliveries: branch new of github.com/acme/payments was created at"
                        + " 4000000 while no delivery reached Jenkins",
                "Catch-up after a gap in webhook deliveries: tag v2 of github.com/acme/payments was created at"
                        + " 5000000 while no delivery reached Jenkins",
                "Catch-up after a gap in webhook deliveries: branch gone of github.com/acme/payments was deleted (it"
                        + " was at 6000000) while no delivery reached Jenkins");
        // A delivered push is not one, even if its id were to look alike: hosts send a sender
        WebhookEvent delivered = Deliveries.push("main", commit(1), commit(2));
        assertThat(CatchUp.isCatchUp(delivered)).isFalse();
        assertThat(CatchUp.causeOf(delivered)).isEmpty();
        WebhookEvent lookalike = new WebhookEvent(ProviderType.GITHUB, EventKind.BRANCH_PUSH,
                delivered.repository(), MAIN, commit(1), commit(2), null, null, null, commit(2), "mallory",
                "catch-up-0123456789abcdef");
        assertThat(CatchUp.causeOf(lookalike)).isEmpty();
    }

    @Test
    public void shouldReportBranchesCreatedAndDeletedAndNewTags() {
        CatchUp.Decision decision = CatchUp.decide(ALL,
                tips(MAIN, commit(1), "refs/heads/feature", commit(3), "refs/tags/v2", commit(4),
                        "refs/tags/v1", commit(9)),
                known(MAIN, commit(1), "refs/heads/old", commit(2), "refs/tags/v1", commit(5)), T0.plusSeconds(1));

        assertThat(decision.pushes()).extracting(push -> push.event().kind(), push -> push.event().ref())
                .containsExactly(
                        tuple(EventKind.BRANCH_CREATED, "refs/heads/feature"),
                        tuple(EventKind.TAG_PUSH, "refs/tags/v2"),
                        tuple(EventKind.BRANCH_DELETED, "refs/heads/old"));
        // A tag that moved is not rebuilt; its new commit is recorded
        assertThat(decision.observed()).containsEntry("refs/tags/v1", commit(9));
        assertThat(decision.gone()).containsExactly("refs/heads/old");
        CatchUp.Push deleted = decision.pushes().get(2);
        assertThat(deleted.event().before()).isEqualTo(commit(2));
        assertThat(deleted.event().after()).isNull();
        assertThat(deleted.cause()).contains("branch old of github.com/acme/payments was deleted (it was at");
    }

    @Test
    public void shouldLookOnlyAtTheRefsJobsWatch() {
        CatchUp.WatchedRepository releases = new CatchUp.WatchedRepository(PAYMENTS, GITHUB,
                List.of(RefFilter.of("release/*", "")), List.of());
        assertThat(releases.patterns()).containsExactly("refs/heads/*");

        CatchUp.Decision decision = CatchUp.decide(releases,
                tips(MAIN, commit(2), "refs/heads/release/1", commit(4), "refs/tags/v9", commit(5)),
                known(MAIN, commit(1), "refs/heads/release/1", commit(3)), T0);

        assertThat(decision.pushes()).extracting(push -> push.event().ref()).containsExactly("refs/heads/release/1");
        assertThat(decision.observed()).containsOnlyKeys("refs/heads/release/1");
    }

    @Test
    public void shouldLeaveAloneRefsADeliveryUpdatedAfterTheHostWasAsked() {
        Optional<Map<String, LastKnownCommits.Known>> known = Optional.of(Map.of(
                MAIN, new LastKnownCommits.Known(commit(5), T0.plusSeconds(30)),
                "refs/heads/new", new LastKnownCommits.Known(commit(6), T0.plusSeconds(30))));

        CatchUp.Decision decision = CatchUp.decide(ALL, tips(MAIN, commit(4)), known, T0);

        assertThat(decision.pushes()).isEmpty();
        assertThat(decision.gone()).isEmpty();
    }

    @Test
    public void shouldNotTakeAnEmptyAnswerForTheDeletionOfEveryBranch() {
        CatchUp.Decision decision = CatchUp.decide(ALL, RefTips.none(), known(MAIN, commit(1), "refs/heads/b",
                commit(2)), T0);

        assertThat(decision.pushes()).isEmpty();
        assertThat(decision.gone()).isEmpty();
        assertThat(decision.note()).isEqualTo("The host listed no watched ref of github.com/acme/payments although 2"
                + " are known; not taken for their deletion");
    }

    @Test
    public void shouldListWatchedRepositoriesWithTheProviderThatServesThem() {
        RepositoryKey tools = RepositoryKey.parseOrThrow("https://gitlab.com/platform/tools");
        List<Subscription> subscriptions = List.of(
                Subscription.all("a", PAYMENTS),
                new Subscription("b", "GitHub", PAYMENTS, RefFilter.of("release/*", ""), RefFilter.ALL,
                        Set.of(EventKind.BRANCH_PUSH)),
                new Subscription("c", null, tools, RefFilter.ALL, RefFilter.of("v*", ""), Set.of(EventKind.TAG_PUSH)),
                new Subscription("prs", null, RepositoryKey.parseOrThrow("https://github.com/acme/web"),
                        RefFilter.ALL, RefFilter.ALL, Set.of(EventKind.PULL_REQUEST_OPENED)),
                new Subscription("unknown", "nope", PAYMENTS, RefFilter.ALL, RefFilter.ALL, Set.of()),
                Subscription.all("no-provider", RepositoryKey.parseOrThrow("https://git.example.com/x/y")));

        List<CatchUp.WatchedRepository> watched = CatchUp.watched(subscriptions, List.of(GITHUB, GITLAB));

        assertThat(watched).hasSize(2);
        CatchUp.WatchedRepository payments = watched.get(0);
        assertThat(payments.repository()).isEqualTo(PAYMENTS);
        assertThat(payments.provider()).isEqualTo(GITHUB);
        assertThat(payments.branches()).containsExactly(RefFilter.ALL, RefFilter.of("release/*", ""));
        assertThat(payments.tags()).containsExactly(RefFilter.ALL);
        CatchUp.WatchedRepository gitlab = watched.get(1);
        assertThat(gitlab.provider()).isEqualTo(GITLAB);
        assertThat(gitlab.branches()).isEmpty();
        assertThat(gitlab.patterns()).containsExactly("refs/tags/*");

        // An inactive provider serves nothing
        assertThat(CatchUp.watched(subscriptions, List.of(GITHUB.toBuilder().active(false).build()))).isEmpty();
    }

    @Test
    public void shouldCatchUpWithARealRepositoryAndTriggerTheJobsAPushWould() throws IOException {
        assumeTrue("git is not installed", LocalGit.available());
        // Given a host repository with main, watched by two jobs (one for release branches only)
        Path root = folder.getRoot().toPath();
        LocalGit git = new LocalGit(root.resolve("home"));
        Path seed = root.resolve("seed");
        git.git(null, "init", "-q", seed.toString());
        git.git(seed, "checkout", "-q", "-b", "main");
        git.git(seed, "commit", "-q", "--allow-empty", "-m", "one");
        git.git(seed, "branch", "old");
        Path bare = root.resolve("payments.git");
        git.git(null, "init", "-q", "--bare", bare.toString());
        String url = bare.toUri().toString();
        git.git(seed, "push", "-q", url, "main", "old");
        JobIndex index = new JobIndex();
        index.put(new Subscription("build", null, PAYMENTS, RefFilter.ALL, RefFilter.ALL,
                Set.of(EventKind.BRANCH_PUSH, EventKind.BRANCH_CREATED)));
        index.put(new Subscription("release", null, PAYMENTS, RefFilter.of("release/*", ""), RefFilter.ALL,
                Set.of(EventKind.BRANCH_PUSH)));
        List<CatchUp.WatchedRepository> watched = CatchUp.watched(index.subscriptions(), List.of(GITHUB));
        LastKnownCommits known = new LastKnownCommits();
        Deliveries.MutableClock clock = new Deliveries.MutableClock(T0);

        // When Jenkins first catches up, it only records a baseline
        CatchUp.Report first = CatchUp.run(watched, git.refSource(url), known, clock);
        assertThat(first.pushes()).isEmpty();
        assertThat(first.baselined()).isEqualTo(1);
        assertThat(known.size()).isEqualTo(2);

        // And when, while it was down, main moved on, a branch was created and another deleted
        git.git(seed, "commit", "-q", "--allow-empty", "-m", "two");
        String two = git.git(seed, "rev-parse", "HEAD").strip();
        git.git(seed, "push", "-q", url, "main", "main:refs/heads/release/1", ":refs/heads/old");
        clock.advanceSeconds(600);
        CatchUp.Report second = CatchUp.run(watched, git.refSource(url), known, clock);

        // Then each change becomes the event a push would have delivered, and routes to the jobs a push would trigger
        assertThat(second.failures()).isEmpty();
        assertThat(second.pushes()).extracting(push -> push.event().kind() + " " + push.event().ref())
                .containsExactly("BRANCH_PUSH refs/heads/main", "BRANCH_CREATED refs/heads/release/1",
                        "BRANCH_DELETED refs/heads/old");
        assertThat(second.pushes().get(0).event().after()).isEqualTo(two);
        List<String> triggered = second.pushes().stream()
                .map(push -> index.route(push.repository(), push.provider(), push.event()))
                .map(RoutingResult::triggered).map(Object::toString).toList();
        assertThat(triggered).containsExactly("[build]", "[build]", "[]");

        // And a third run finds nothing more
        clock.advanceSeconds(600);
        assertThat(CatchUp.run(watched, git.refSource(url), known, clock).pushes()).isEmpty();
    }

    @Test
    public void shouldReportAHostThatCannotBeAskedAndKeepItsBaseline() {
        LastKnownCommits known = new LastKnownCommits();
        known.record(PAYMENTS, MAIN, commit(1), T0);

        CatchUp.Report report = CatchUp.run(List.of(ALL), (provider, repository, patterns) -> {
            throw new IOException("git ls-remote failed: fatal: could not read Username for 'https://github.com'");
        }, known, Clock.fixed(Instant.parse("2026-03-02T00:00:00Z"), ZoneOffset.UTC));

        assertThat(report.pushes()).isEmpty();
        assertThat(report.failures()).singleElement().extracting(CatchUp.Failure::message)
                .isEqualTo("Could not list the refs of github.com/acme/payments through provider 'github': git"
                        + " ls-remote failed: fatal: could not read Username for 'https://github.com'");
        assertThat(known.snapshot(PAYMENTS).orElseThrow()).containsOnlyKeys(MAIN);
    }
}
