package io.jenkins.plugins.gitproviders.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

public class UsageLedgerTest {
    private final UsageLedger ledger = new UsageLedger();

    @Test
    public void shouldCountAJobWhileItsBuildRunsAndAfterItFinished() {
        assertThat(ledger.record("app#1", "app", "GitHub")).isTrue();
        assertThat(ledger.record("app#1", "app", "GitHub")).as("already known").isFalse();

        assertThat(ledger.jobsUsing("GitHub")).containsExactly("app");
        assertThat(ledger.finish("app#1", "app", false)).isTrue();
        assertThat(ledger.jobsUsing("GitHub")).containsExactly("app");
        assertThat(ledger.jobsUsing("GitLab")).isEmpty();
    }

    @Test
    public void shouldLetTheLastBuildThatToldSomethingDecide() {
        ledger.record("app#1", "app", "GitHub");
        ledger.finish("app#1", "app", true);

        // A build that failed before resolving a provider tells nothing
        assertThat(ledger.finish("app#2", "app", false)).isFalse();
        assertThat(ledger.jobsUsing("GitHub")).containsExactly("app");

        // A build that moved to another provider replaces the record
        ledger.record("app#3", "app", "GitLab");
        ledger.finish("app#3", "app", true);
        assertThat(ledger.jobsUsing("GitHub")).isEmpty();
        assertThat(ledger.jobsUsing("GitLab")).containsExactly("app");

        // A successful build that resolved none: the Pipeline no longer uses providers
        assertThat(ledger.finish("app#4", "app", true)).isTrue();
        assertThat(ledger.jobsUsing("GitLab")).isEmpty();
    }

    @Test
    public void shouldFollowRenamedJobsAndForgetDeletedOnes() {
        ledger.record("a#1", "team/a", "GitHub");
        ledger.finish("a#1", "team/a", true);
        ledger.record("b#1", "team/b", "GitHub");

        ledger.rename("team/a", "platform/a");
        ledger.rename("team/b", "platform/b");
        assertThat(ledger.jobsUsing("GitHub")).containsExactly("platform/a", "platform/b");

        ledger.forget("platform/a");
        assertThat(ledger.jobsUsing("GitHub")).containsExactly("platform/b");
        ledger.forget("platform");
        assertThat(ledger.jobsUsing("GitHub")).as("a deleted folder's jobs").isEmpty();
    }

    @Test
    public void shouldSaveAndRestoreWhatFinishedBuildsUsed() {
        ledger.record("a#1", "a", "GitHub");
        ledger.record("a#1", "a", "GitLab");
        ledger.finish("a#1", "a", true);
        ledger.record("b#1", "b", "Gitea");

        UsageLedger restored = new UsageLedger();
        restored.restore(ledger.snapshot());

        assertThat(ledger.snapshot()).containsOnlyKeys("a");
        assertThat(restored.jobsUsing("GitLab")).containsExactly("a");
        assertThat(restored.jobsUsing("Gitea")).as("running builds are not saved").isEmpty();
    }

    @Test
    public void shouldRecordFromManyThreadsWithoutLosingAny() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            done.add(pool.submit(() -> ledger.record("job" + n % 10 + "#1", "job" + n % 10, "p" + n % 7)));
        }
        for (Future<?> each : done) {
            each.get();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        for (int p = 0; p < 7; p++) {
            assertThat(ledger.jobsUsing("p" + p)).hasSize(10);
        }
    }
}
