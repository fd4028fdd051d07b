package io.jenkins.plugins.gitproviders.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import hudson.model.Action;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Queue;
import io.jenkins.plugins.gitproviders.core.delivery.DeliveryJournal;
import io.jenkins.plugins.gitproviders.core.delivery.DeliveryLogStore;
import io.jenkins.plugins.gitproviders.core.delivery.JournalStatus;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.htmlunit.html.HtmlPage;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.JenkinsSessionRule;
import org.jvnet.hudson.test.TestExtension;

/**
 * What a restart keeps: deliveries accepted with 202 whose builds were not queued are replayed from the journal and
 * built once; the recent-deliveries list is read back; a journal that cannot be opened answers 503 so the host
 * retries, and the page says why.
 */
public class WebhookRestartITest {
    private static final String JOB = "drone-ci";

    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    /** A queue that cannot take builds while {@link #blocked} is set (a failure between the 202 and the queue). */
    @TestExtension("shouldReplayAnAcceptedDeliveryAfterARestartAndBuildItOnce")
    public static final class BlockedQueue extends Queue.QueueDecisionHandler {
        static volatile boolean blocked;

        @Override
        public boolean shouldSchedule(Queue.Task p, List<Action> actions) {
            if (blocked) {
                throw new IllegalStateException("the build queue refuses work in this test");
            }
            return true;
        }
    }

    @Test
    public void shouldReplayAnAcceptedDeliveryAfterARestartAndBuildItOnce() throws Throwable {
        sessions.then(j -> {
            // Given a watching job, and a queue that cannot take its build
            SignedDeliveries.configureGitHub();
            watchingJob(j);
            BlockedQueue.blocked = true;

            // When a signed push is accepted
            HttpResponse<String> response = SignedDeliveries.deliverPush(j.getURL(), SignedDeliveries.push());
            assertThat(response.body(), response.statusCode(), is(202));

            // Then its build is not queued, the delivery stays in the journal, and the page says why
            waitFor(() -> WebhookDeliveries.get().getProblems().stream()
                    .anyMatch(p -> p.message().contains("Could not queue the build of job " + JOB)));
            assertThat(pending(), is(1));
            assertThat(job(j).getLastBuild(), nullValue());
            HtmlPage page = j.createWebClient().goTo("manage/git-providers");
            assertThat(page.asNormalizedText(), containsString("the build queue refuses work in this test"));
            assertThat(
                    page.getElementById("git-providers-journal").asNormalizedText(),
                    containsString("1 of 10,000 deliveries waiting"));
        });
        BlockedQueue.blocked = false;
        sessions.then(j -> {
            // When Jenkins starts again, the journaled delivery is scheduled once Jenkins is up, and built
            FreeStyleProject project = job(j);
            // Sooner than the minute after which pending entries are retried: the replay at startup schedules it.
            waitFor(() -> project.getLastBuild() != null, 40_000);
            FreeStyleBuild build = j.waitForCompletion(project.getLastBuild());
            j.assertBuildStatusSuccess(build);
            GitProviderCause cause = build.getCause(GitProviderCause.class);
            assertThat(cause, notNullValue());
            assertThat(cause.getCommit(), equalTo(SignedDeliveries.COMMIT));
            waitFor(() -> pending() == 0);

            // And the recent deliveries list came back with it
            assertThat(WebhookJobs.get().recentDeliveries().get(0).triggered(), contains(JOB));
            HtmlPage page = j.createWebClient().goTo("manage/git-providers");
            assertThat(
                    page.getElementById("git-providers-deliveries").asNormalizedText(),
                    containsString("github.com/bradrydzewski/drone-test-go"));
        });
        sessions.then(j -> {
            // And a further restart replays nothing: the delivery was built exactly once
            j.waitUntilNoActivity();
            assertThat(pending(), is(0));
            assertThat(job(j).getBuilds().size(), is(1));
        });
    }

    @Test
    public void shouldAnswer503WhileTheJournalCannotBeOpenedAndProcessTheRetryOnceItCan() throws Throwable {
        String deliveryId = "0c7b4a80-retried";
        sessions.then(j -> {
            SignedDeliveries.configureGitHub();
            watchingJob(j);
        });
        // Given a journal that cannot be read at startup (a directory where its file belongs) and a damaged list
        Path home = sessions.getHome().toPath();
        Path journal = home.resolve(DeliveryJournal.FILE_NAME);
        Files.deleteIfExists(journal);
        Files.createDirectories(journal.resolve("not-a-journal"));
        Files.writeString(home.resolve(DeliveryLogStore.FILE_NAME), "{not json", StandardCharsets.UTF_8);
        sessions.then(j -> {
            // When a signed push arrives
            HttpResponse<String> refused = SignedDeliveries.deliver(
                    j.getURL(),
                    "git-providers-webhook/",
                    "push",
                    SignedDeliveries.push(),
                    SignedDeliveries.SECRET,
                    deliveryId);

            // Then Jenkins answers 503 with Retry-After, triggers nothing, and the page says why
            assertThat(refused.body(), refused.statusCode(), is(503));
            assertThat(refused.headers().firstValue("Retry-After").orElse(""), equalTo("60"));
            assertThat(refused.body(), not(containsString(home.toString())));
            assertThat(job(j).getLastBuild(), nullValue());
            String page = j.createWebClient().goTo("manage/git-providers").asNormalizedText();
            assertThat(page, containsString("Could not read the delivery journal"));
            assertThat(page, containsString("The saved deliveries log"));
            assertThat(page, containsString("The delivery journal is not open"));

            // And once the journal can be opened again, the host's retry of the same delivery is processed
            deleteTree(journal);
            Thread.sleep(11_000);
            HttpResponse<String> retried = SignedDeliveries.deliver(
                    j.getURL(),
                    "git-providers-webhook/",
                    "push",
                    SignedDeliveries.push(),
                    SignedDeliveries.SECRET,
                    deliveryId);
            assertThat(retried.body(), retried.statusCode(), is(202));
            FreeStyleProject project = job(j);
            waitFor(() -> project.getLastBuild() != null);
            j.assertBuildStatusSuccess(j.waitForCompletion(project.getLastBuild()));
        });
    }

    private static void watchingJob(JenkinsRule j) throws IOException {
        j.jenkins.setQuietPeriod(0);
        FreeStyleProject project = j.createFreeStyleProject(JOB);
        GitProviderTrigger trigger = new GitProviderTrigger("bradrydzewski/drone-test-go");
        trigger.setProvider("github");
        project.addTrigger(trigger);
    }

    private static FreeStyleProject job(JenkinsRule j) {
        return j.jenkins.getItemByFullName(JOB, FreeStyleProject.class);
    }

    private static int pending() {
        JournalStatus status = WebhookDeliveries.get().getJournalStatus();
        return status == null ? -1 : status.pendingEntries();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        waitFor(condition, 60_000);
    }

    private static void waitFor(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(100);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        try (var walk = Files.walk(path)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
