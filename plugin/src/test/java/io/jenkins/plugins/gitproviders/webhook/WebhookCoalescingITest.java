package io.jenkins.plugins.gitproviders.webhook;

import static io.jenkins.plugins.gitproviders.webhook.SignedDeliveries.COMMIT;
import static io.jenkins.plugins.gitproviders.webhook.SignedDeliveries.commit;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Queue;
import io.jenkins.plugins.gitproviders.core.delivery.JournalStatus;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.CaptureEnvironmentBuilder;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * A push storm against a real queue: signed pushes to one branch while the job's build waits make one queue item,
 * which builds the newest push, with the newest push's cause only.
 */
public class WebhookCoalescingITest {
    private static final int PUSHES = 40;

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private FreeStyleProject project;

    @Before
    public void configure() throws Exception {
        j.jenkins.setQuietPeriod(0);
        SignedDeliveries.configureGitHub();
        project = j.createFreeStyleProject("storm");
        project.getBuildersList().add(new CaptureEnvironmentBuilder());
        GitProviderTrigger trigger = new GitProviderTrigger("bradrydzewski/drone-test-go");
        trigger.setProvider("github");
        trigger.setEvents("BRANCH_PUSH");
        project.addTrigger(trigger);
    }

    @Test
    public void shouldFoldAStormOfPushesToOneBranchIntoOneQueueItemWithTheNewestCommit() throws Exception {
        // Given no executor, so that the job's build waits in the queue
        j.jenkins.setNumExecutors(0);

        // When forty signed pushes move the branch on, one commit after another
        String before = COMMIT;
        for (int i = 1; i <= PUSHES; i++) {
            HttpResponse<String> response =
                    SignedDeliveries.deliverPush(j.getURL(), SignedDeliveries.push(before, commit(i)));
            assertThat(response.body(), response.statusCode(), is(202));
            before = commit(i);
        }
        waitUntilScheduled();

        // Then the queue holds one build of the job, for the newest push, with that push's cause only
        Queue.Item[] items = j.jenkins.getQueue().getItems(project).toArray(new Queue.Item[0]);
        assertThat(Arrays.toString(items), items.length, is(1));
        assertThat(
                items[0].getAction(GitProviderEventAction.class)
                        .getWebhookEvent()
                        .after(),
                equalTo(commit(PUSHES)));
        List<String> causes = new ArrayList<>();
        for (Cause cause : items[0].getAction(CauseAction.class).getCauses()) {
            causes.add(cause.getShortDescription());
        }
        assertThat(
                causes,
                contains("Started by Git provider github: branch push in bradrydzewski/drone-test-go feature-branch by"
                        + " bradrydzewski (commit " + commit(PUSHES).substring(0, 7) + ")"));

        // And once an executor is free, one build runs, with the newest commit
        j.jenkins.setNumExecutors(1);
        FreeStyleBuild build = j.waitForCompletion(waitForBuild());
        j.assertBuildStatusSuccess(build);
        CaptureEnvironmentBuilder capture = project.getBuildersList().get(CaptureEnvironmentBuilder.class);
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_COMMIT"), equalTo(commit(PUSHES)));
        j.waitUntilNoActivity();
        assertThat(project.getBuilds().size(), is(1));
    }

    @Test
    public void shouldKeepTheNewerWaitingPushWhenAnOlderOneArrivesLate() throws Exception {
        j.jenkins.setNumExecutors(0);

        // When a push arrives, then the push it followed arrives late (deliveries can overtake each other)
        SignedDeliveries.deliverPush(j.getURL(), SignedDeliveries.push(commit(1), commit(2)));
        waitUntilScheduled();
        SignedDeliveries.deliverPush(j.getURL(), SignedDeliveries.push(COMMIT, commit(1)));
        waitUntilScheduled();

        // Then the waiting build keeps the newer push: the host's own history (before/after) says which is newer
        Queue.Item[] items = j.jenkins.getQueue().getItems(project).toArray(new Queue.Item[0]);
        assertThat(items.length, is(1));
        assertThat(
                items[0].getAction(GitProviderEventAction.class)
                        .getWebhookEvent()
                        .after(),
                equalTo(commit(2)));
        assertThat(items[0].getAction(CauseAction.class).getCauses().size(), is(1));
    }

    /** Waits until every accepted delivery's builds are in the queue (the journal is empty). */
    private static void waitUntilScheduled() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        JournalStatus status = WebhookDeliveries.get().getJournalStatus();
        while (status != null && status.pendingEntries() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            status = WebhookDeliveries.get().getJournalStatus();
        }
        assertThat("journal emptied", status != null && status.pendingEntries() == 0, is(true));
    }

    private FreeStyleBuild waitForBuild() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (project.getLastBuild() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return project.getLastBuild();
    }
}
