package io.jenkins.plugins.gitproviders.core.delivery;

import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.commit;
import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.pullRequest;
import static io.jenkins.plugins.gitproviders.core.delivery.Deliveries.push;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Test;

public class PushCoalescerTest {
    /**
     * Models the build queue as the plugin uses it: a scheduling whose key matches a waiting item is folded into that
     * item, which takes the incoming event when the coalescer says it is newer; anything else is a new item.
     */
    private static final class Queue {
        private final Map<Object, PushCoalescer.Candidate> items = new LinkedHashMap<>();
        private long arrivals;

        void schedule(String job, WebhookEvent event, Long hostSequence) {
            PushCoalescer.Candidate incoming = new PushCoalescer.Candidate(event, ++arrivals, hostSequence);
            Object key = PushCoalescer.keyOf(job, event).map(Object.class::cast).orElseGet(Object::new);
            items.merge(key, incoming, PushCoalescer::newer);
        }

        void schedule(String job, WebhookEvent event) {
            schedule(job, event, null);
        }
    }

    /** Returns 10,000 pushes to one branch, each on top of the previous one. */
    private static List<WebhookEvent> storm(String branch) {
        List<WebhookEvent> pushes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            pushes.add(push(branch, commit(i), commit(i + 1)));
        }
        return pushes;
    }

    @Test
    public void shouldMakeOneQueueItemOfTenThousandPushesToOneBranchWithTheNewestEvent() {
        Queue queue = new Queue();
        List<WebhookEvent> pushes = storm("main");

        pushes.forEach(push -> queue.schedule("payments/build", push));

        assertThat(queue.items).hasSize(1);
        assertThat(queue.items.values().iterator().next().event()).isEqualTo(pushes.get(9_999));
    }

    @Test
    public void shouldKeepOneItemPerJobAndRef() {
        Queue queue = new Queue();
        List<WebhookEvent> main = storm("main");
        List<WebhookEvent> release = storm("release");

        for (int i = 0; i < 10_000; i++) {
            for (String job : List.of("build", "deploy")) {
                queue.schedule(job, main.get(i));
                queue.schedule(job, release.get(i));
            }
        }
        queue.schedule("build", pullRequest(7, commit(1)));
        queue.schedule("build", pullRequest(7, commit(2)));
        queue.schedule("build", pullRequest(8, commit(3)));

        // 2 jobs x 2 branches, and one item per pull request
        assertThat(queue.items).hasSize(6);
        assertThat(queue.items.values()).extracting(candidate -> candidate.event().after())
                .containsOnly(commit(10_000), commit(2), commit(3));
    }

    @Test
    public void shouldKeepTheNewerPushWhenDeliveriesOvertakeEachOther() {
        // The host's history orders two pushes whatever order their deliveries arrive in
        PushCoalescer.Candidate older = new PushCoalescer.Candidate(push("main", commit(1), commit(2)), 2, null);
        PushCoalescer.Candidate newer = new PushCoalescer.Candidate(push("main", commit(2), commit(3)), 1, null);

        assertThat(PushCoalescer.shouldReplace(newer, older)).isFalse();
        assertThat(PushCoalescer.shouldReplace(older, newer)).isTrue();
    }

    @Test
    public void shouldFollowTheHostsSequenceWhateverTheArrivalOrder() {
        Queue queue = new Queue();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(42));
        List<WebhookEvent> pushes = storm("main");

        // Force-pushes (no history between them), delivered in random order, each with the host's sequence number
        for (int i : order) {
            WebhookEvent forced = push("main", commit(50_000 + i), commit(i + 1));
            queue.schedule("build", forced, (long) i);
        }

        assertThat(queue.items).hasSize(1);
        assertThat(queue.items.values().iterator().next().event().after()).isEqualTo(pushes.get(9_999).after());
    }

    @Test
    public void shouldLetTheLaterArrivalWinWhenNothingElseTells() {
        PushCoalescer.Candidate first = new PushCoalescer.Candidate(push("main", commit(7), commit(1)), 10, null);
        PushCoalescer.Candidate second = new PushCoalescer.Candidate(push("main", commit(8), commit(2)), 11, null);
        assertThat(PushCoalescer.shouldReplace(first, second)).isTrue();
        assertThat(PushCoalescer.shouldReplace(second, first)).isFalse();
        // The same change again replaces nothing
        PushCoalescer.Candidate again = new PushCoalescer.Candidate(push("main", commit(7), commit(1)), 12, null);
        assertThat(PushCoalescer.shouldReplace(first, again)).isFalse();
    }

    @Test
    public void shouldLetADeletionReplaceThePushItFollows() {
        WebhookEvent deletion = new WebhookEvent(ProviderType.GITHUB, EventKind.BRANCH_DELETED,
                new RepositoryInfo("github.com", "acme/payments", null, null, null), "refs/heads/main", commit(2),
                "0".repeat(40), null, null, null, null, "octocat", "d-del");
        PushCoalescer.Candidate waiting = new PushCoalescer.Candidate(push("main", commit(1), commit(2)), 5, null);
        PushCoalescer.Candidate incoming = new PushCoalescer.Candidate(deletion, 4, null);

        assertThat(PushCoalescer.keyOf("j", deletion)).isEqualTo(PushCoalescer.keyOf("j", waiting.event()));
        assertThat(PushCoalescer.shouldReplace(waiting, incoming)).isTrue();
    }

    @Test
    public void shouldKeyByJobRepositoryAndRefAndNeverCoalescePings() {
        WebhookEvent main = push("main", commit(1), commit(2));
        assertThat(PushCoalescer.keyOf("folder/job", main))
                .contains(new PushCoalescer.Key("folder/job", "github.com/acme/payments", "refs/heads/main"));
        assertThat(PushCoalescer.keyOf("folder/job", pullRequest(12, commit(3))))
                .contains(new PushCoalescer.Key("folder/job", "github.com/acme/payments", "pull/12"));
        WebhookEvent otherCase = new WebhookEvent(ProviderType.GITHUB, EventKind.BRANCH_PUSH,
                new RepositoryInfo("github.com", "Acme/Payments", null, null, null), "refs/heads/main", null,
                commit(5), null, null, null, commit(5), null, null);
        assertThat(PushCoalescer.keyOf("folder/job", otherCase)).isEqualTo(PushCoalescer.keyOf("folder/job", main));

        WebhookEvent ping = new WebhookEvent(ProviderType.GITHUB, EventKind.PING,
                new RepositoryInfo("github.com", "acme/payments", null, null, null), null, null, null, null, null,
                null, null, null, "p");
        assertThat(PushCoalescer.keyOf("folder/job", ping)).isEmpty();
    }
}
