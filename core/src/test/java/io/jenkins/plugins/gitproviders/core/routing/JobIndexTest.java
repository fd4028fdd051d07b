package io.jenkins.plugins.gitproviders.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.PullRequestSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

public class JobIndexTest {
    private static final RepositoryKey HELLO = RepositoryKey.parseOrThrow("https://github.com/octo/hello");
    private static final RepositoryKey OTHER = RepositoryKey.parseOrThrow("https://github.com/octo/other");

    private final JobIndex index = new JobIndex();

    @Test
    public void shouldTriggerTheJobsWatchingTheRepositoryWhateverAddressTheyWrote() {
        // Given jobs that named the repository in different forms, and one watching another repository
        index.put(Subscription.all("b-job", RepositoryKey.parseOrThrow("git@github.com:Octo/Hello.git")));
        index.put(Subscription.all("a-job", RepositoryKey.parseOrThrow("https://github.com/octo/hello/")));
        index.put(Subscription.all("elsewhere", OTHER));

        // When a push to the repository is routed
        RoutingResult result = index.route("github", Events.push("github.com", "Octo/Hello", "main"));

        // Then both watching jobs are triggered, in a stable order, and the other job is not even mentioned
        assertThat(result.triggered()).containsExactly("a-job", "b-job");
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    public void shouldListEverySubscriptionForCatchingUp() {
        Subscription b = Subscription.all("b", HELLO);
        Subscription a1 = Subscription.all("a", OTHER);
        Subscription a2 = new Subscription("a", "github", HELLO, RefFilter.ALL, RefFilter.ALL, Set.of());
        index.put(b);
        index.putAll("a", List.of(a1, a2));
        index.rename("b", "c");

        assertThat(index.subscriptions()).containsExactly(a1, a2, b.withJobId("c"));
        index.remove("a");
        assertThat(index.subscriptions()).containsExactly(b.withJobId("c"));
    }

    @Test
    public void shouldExplainWhyEachWatchingJobWasSkipped() {
        index.put(new Subscription("branches", null, HELLO, RefFilter.of("main release/*", "release/old-*"),
                RefFilter.ALL, Set.of()));
        index.put(new Subscription("excluded", null, HELLO, RefFilter.of("", "feature/*"), RefFilter.ALL, Set.of()));
        index.put(new Subscription("only-tags", null, HELLO, RefFilter.ALL, RefFilter.ALL, Set.of(EventKind.TAG_PUSH)));
        index.put(new Subscription("gitlab-only", "gitlab", HELLO, RefFilter.ALL, RefFilter.ALL, Set.of()));
        index.put(new Subscription("github-any", "github", HELLO, RefFilter.ALL, RefFilter.ALL, Set.of()));

        RoutingResult result = index.route("github", Events.push("github.com", "octo/hello", "feature/x"));

        assertThat(result.triggered()).containsExactly("github-any");
        assertThat(result.skipped()).containsExactly(
                new RoutingResult.Skip("branches", "branch 'feature/x' is not included (included: main, release/*)"),
                new RoutingResult.Skip("excluded", "branch 'feature/x' is excluded by 'feature/*'"),
                // The host is told the reason without the other provider's name.
                new RoutingResult.Skip("gitlab-only", "watches provider 'gitlab', not 'github'",
                        "watches another provider"),
                new RoutingResult.Skip("only-tags", "event branch push is not selected"));
    }

    @Test
    public void shouldNeverTriggerAJobFromAProviderItMayNotUse() {
        index.put(Subscription.all("payments", HELLO)
                .withDeniedProviders(Map.of("github", "the Git providers of folder 'team-a'")));
        index.put(Subscription.all("allowed", HELLO)
                .withDeniedProviders(Map.of("gitlab", "the provider's allowed jobs and folders")));

        RoutingResult fromGithub = index.route("github", Events.push("github.com", "octo/hello", "main"));
        RoutingResult fromMirror = index.route("github-mirror", Events.push("github.com", "octo/hello", "main"));

        assertThat(fromGithub.triggered()).containsExactly("allowed");
        assertThat(fromGithub.skipped()).containsExactly(new RoutingResult.Skip("payments",
                "may not use provider 'github': the Git providers of folder 'team-a' leave the job out",
                "may not use this provider"));
        // Only the providers named are refused: the job still watches any other provider.
        assertThat(fromMirror.triggered()).containsExactly("allowed", "payments");
    }

    @Test
    public void shouldKeepTheDeniedProvidersWhenAJobIsRenamed() {
        index.put(Subscription.all("old-name", HELLO)
                .withDeniedProviders(Map.of("github", "the provider's allowed jobs and folders")));

        index.rename("old-name", "new-name");

        assertThat(index.route("github", Events.push("github.com", "octo/hello", "main")).triggered()).isEmpty();
    }

    @Test
    public void shouldMatchTagsWithTheTagFilterAndPullRequestsByTargetBranch() {
        index.put(new Subscription("releases", null, HELLO, RefFilter.of("main", ""), RefFilter.of("v*", "v*-rc*"),
                Set.of()));

        assertThat(index.route("github", Events.tag("github.com", "octo/hello", "v1.0")).triggered())
                .containsExactly("releases");
        assertThat(index.route("github", Events.tag("github.com", "octo/hello", "v1.0-rc1")).skipped())
                .containsExactly(new RoutingResult.Skip("releases", "tag 'v1.0-rc1' is excluded by 'v*-rc*'"));
        assertThat(index.route("github", Events.pullRequest("github.com", "octo/hello", "feature/x", "main"))
                .triggered()).containsExactly("releases");
        assertThat(index.route("github", Events.pullRequest("github.com", "octo/hello", "main", "develop"))
                .skipped()).extracting(RoutingResult.Skip::reason)
                .containsExactly("target branch 'develop' is not included (included: main)");
    }

    @Test
    public void shouldTriggerAJobOnceWhenAnyOfItsSubscriptionsMatches() {
        index.putAll("multi", List.of(
                new Subscription("multi", null, HELLO, RefFilter.of("main", ""), RefFilter.ALL, Set.of()),
                new Subscription("multi", null, HELLO, RefFilter.of("develop", ""), RefFilter.ALL, Set.of()),
                new Subscription("multi", null, OTHER, RefFilter.ALL, RefFilter.ALL, Set.of())));

        assertThat(index.route("github", Events.push("github.com", "octo/hello", "develop")).triggered())
                .containsExactly("multi");
        assertThat(index.route("github", Events.push("github.com", "octo/hello", "feature")).skipped())
                .containsExactly(new RoutingResult.Skip("multi", "branch 'feature' is not included (included: main)"));
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.jobCount()).isEqualTo(1);
    }

    @Test
    public void shouldReplaceAJobsSubscriptionsOnPut() {
        index.put(Subscription.all("job", HELLO));
        index.put(Subscription.all("job", OTHER));

        assertThat(index.route("github", Events.push("github.com", "octo/hello", "main"))).isEqualTo(RoutingResult.NONE);
        assertThat(index.route("github", Events.push("github.com", "octo/other", "main")).triggered())
                .containsExactly("job");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    public void shouldForgetRemovedJobsAndFollowRenames() {
        index.put(Subscription.all("old-name", HELLO));
        index.put(Subscription.all("removed", HELLO));

        assertThat(index.remove("removed")).isTrue();
        assertThat(index.remove("removed")).isFalse();
        assertThat(index.rename("old-name", "folder/new-name")).isTrue();
        assertThat(index.rename("missing", "whatever")).isFalse();

        assertThat(index.route("github", Events.push("github.com", "octo/hello", "main")).triggered())
                .containsExactly("folder/new-name");
        assertThat(index.subscriptionsOf("old-name")).isEmpty();
        assertThat(index.subscriptionsOf("folder/new-name")).singleElement()
                .extracting(Subscription::jobId).isEqualTo("folder/new-name");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    public void shouldNotTriggerOnPingOrOnAnEventWithoutRepository() {
        index.put(Subscription.all("job", HELLO));

        assertThat(index.route("github", Events.event("github.com", "octo/hello", EventKind.PING, null, null))
                .skipped()).containsExactly(new RoutingResult.Skip("job", "a ping triggers no job"));
        assertThat(index.route("github", new io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent(
                io.jenkins.plugins.gitproviders.core.model.ProviderType.GITHUB, EventKind.PING, null, null, null,
                null, null, null, null, null, null, null))).isEqualTo(RoutingResult.NONE);
    }

    @Test
    public void shouldRefuseASubscriptionOfAnotherJob() {
        assertThatThrownBy(() -> index.putAll("a", List.of(Subscription.all("b", HELLO))))
                .hasMessageContaining("job 'b'").hasMessageContaining("job 'a'");
    }

    @Test
    public void shouldStayConsistentUnderConcurrentChangesAndRoutes() throws Exception {
        // Given 8 threads each adding, renaming and removing their own jobs while 4 threads route
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 500; i++) {
                        String job = "t" + thread + "-" + i;
                        index.put(Subscription.all(job, i % 2 == 0 ? HELLO : OTHER));
                        if (i % 5 == 0) {
                            index.rename(job, job + "-renamed");
                        }
                        if (i % 3 == 0) {
                            index.remove(job);
                            index.remove(job + "-renamed");
                        }
                    }
                    return null;
                }));
            }
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 500; i++) {
                        RoutingResult result = index.route("github", Events.push("github.com", "octo/hello", "main"));
                        assertThat(result.triggered()).isSorted().doesNotHaveDuplicates();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // Then exactly the jobs not removed remain, each once
        int expected = 0;
        for (int i = 0; i < 500; i++) {
            expected += i % 3 == 0 ? 0 : 1;
        }
        assertThat(index.jobCount()).isEqualTo(8 * expected);
        assertThat(index.size()).isEqualTo(8 * expected);
        RoutingResult hello = index.route("github", Events.push("github.com", "octo/hello", "main"));
        RoutingResult other = index.route("github", Events.push("github.com", "octo/other", "main"));
        assertThat(hello.triggered().size() + other.triggered().size()).isEqualTo(8 * expected);
        assertThat(hello.triggered()).contains("t0-10-renamed").doesNotContain("t0-10", "t0-3", "t0-0");
    }

    @Test
    public void shouldRouteADeliveryWithoutPortToAJobThatNamedThePort() {
        index.put(Subscription.all("dc", RepositoryKey.parseOrThrow("http://bitbucket.example.com:7990/scm/P/r.git")));
        index.put(Subscription.all("dc-8443", RepositoryKey.parseOrThrow("https://bitbucket.example.com:8443/scm/P/r")));

        RoutingResult portless = index.route("dc", Events.push("bitbucket.example.com", "P/r", "main"));
        RoutingResult on7990 = index.route(RepositoryKey.parseOrThrow("http://bitbucket.example.com:7990/scm/P/r"),
                "dc", Events.push("bitbucket.example.com", "P/r", "main"));

        assertThat(portless.triggered()).containsExactly("dc", "dc-8443");
        assertThat(on7990.triggered()).containsExactly("dc");
        assertThat(on7990.skipped()).extracting(RoutingResult.Skip::job).containsExactly("dc-8443");
    }

    @Test
    public void shouldBuildPullRequestsFromForksOnlyAsTheTriggerSays() {
        Set<EventKind> pullRequests = Set.of(EventKind.PULL_REQUEST_OPENED);
        index.put(new Subscription("never", null, HELLO, RefFilter.ALL, RefFilter.ALL, pullRequests));
        index.put(new Subscription("trusted", null, HELLO, RefFilter.ALL, RefFilter.ALL, pullRequests,
                ForkPolicy.TRUSTED));
        index.put(new Subscription("always", null, HELLO, RefFilter.ALL, RefFilter.ALL, pullRequests,
                ForkPolicy.ALWAYS));
        PullRequestSource stranger = new PullRequestSource("mallory/hello", true, false, "NONE");
        PullRequestSource member = new PullRequestSource("alice/hello", true, true, "MEMBER");

        RoutingResult fromStranger = index.route("github",
                Events.pullRequest("github.com", "octo/hello", "patch", "main", stranger));
        RoutingResult fromMember = index.route("github",
                Events.pullRequest("github.com", "octo/hello", "patch", "main", member));
        RoutingResult fromUnknown = index.route("github",
                Events.pullRequest("github.com", "octo/hello", "patch", "main", null));
        RoutingResult fromRepository = index.route("github",
                Events.pullRequest("github.com", "octo/hello", "patch", "main"));

        assertThat(fromStranger.triggered()).containsExactly("always");
        assertThat(fromStranger.skipped()).extracting(RoutingResult.Skip::reason).containsExactly(
                "pull request #7 comes from the fork mallory/hello; the trigger builds no pull request from a fork"
                        + " (forkPullRequests: never)",
                "pull request #7 comes from the fork mallory/hello and the host does not vouch for its author"
                        + " (author association NONE); the trigger builds pull requests from forks of trusted"
                        + " authors only (forkPullRequests: trusted)");
        assertThat(fromMember.triggered()).containsExactly("always", "trusted");
        assertThat(fromUnknown.triggered()).as("an origin the host does not tell counts as an untrusted fork")
                .containsExactly("always");
        assertThat(fromRepository.triggered()).containsExactly("always", "never", "trusted");
    }
}
