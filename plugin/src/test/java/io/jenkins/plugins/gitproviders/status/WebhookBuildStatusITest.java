package io.jenkins.plugins.gitproviders.status;

import static io.jenkins.plugins.gitproviders.status.BuildStatusITest.assertStatus;
import static io.jenkins.plugins.gitproviders.status.BuildStatusITest.statuses;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.fasterxml.jackson.databind.JsonNode;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.gitproviders.config.GitProvider;
import io.jenkins.plugins.gitproviders.steps.GitHttpServer;
import io.jenkins.plugins.gitproviders.steps.TestRepository;
import io.jenkins.plugins.gitproviders.webhook.GitProviderTrigger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Delivers signed Gitea pushes over HTTP to {@code /git-providers-webhook/} of a real Jenkins and checks the exact
 * status requests the triggered Pipelines send to the loopback Gitea (one origin for Git and the status API): pending
 * from the queue, then the final state; with {@code gitProviderCheckout()}, running in between.
 */
public class WebhookBuildStatusITest {
    private static final String SECRET = "webhook-secret-for-status";

    private final TemporaryFolder repositories = new TemporaryFolder();
    private final GitHttpServer server = new GitHttpServer(repositories::getRoot, "oauth2", BuildStatusITest.TOKEN);
    private final JenkinsRule j = new JenkinsRule();

    @Rule
    public final RuleChain rules =
            RuleChain.outerRule(repositories).around(server).around(j);

    private final HttpClient http = HttpClient.newHttpClient();
    private TestRepository repository;

    @Before
    public void setUp() throws Exception {
        j.jenkins.setQuietPeriod(0);
        repository = TestRepository.create(repositories.getRoot(), "infra/payments");
        GitProvider gitea = BuildStatusITest.gitea(server);
        gitea.setWebhookSecretCredentialsId("gitea-hook");
        BuildStatusITest.configure(gitea);
        SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
        credentials
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "gitea-hook", "Gitea webhook secret", Secret.fromString(SECRET)));
        credentials.save();
    }

    private WorkflowJob watching(String name, String script, String statusContext) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        GitProviderTrigger trigger = new GitProviderTrigger("infra/payments");
        trigger.setProvider("Gitea");
        trigger.setStatusContext(statusContext);
        job.addTrigger(trigger);
        return job;
    }

    /** Gitea's recorded push delivery, moved to this repository on the loopback server and to the given commit. */
    private byte[] push(String commit) throws Exception {
        Path fixture = Path.of(System.getProperty("fixtures.dir", "../../shared/fixtures"), "gitea/webhook/push.json");
        String json = Files.readString(fixture, StandardCharsets.UTF_8)
                .replace("http://try.gitea.io", server.url())
                .replace("git@localhost:gogits/hello-world.git", "git@127.0.0.1:infra/payments.git")
                .replace("gogits/hello-world", "infra/payments")
                .replace("refs/heads/master", "refs/heads/main")
                .replace("4522cbcefc20728a5b72b3a86af35e608622c514", commit);
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private void deliver(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(j.getURL() + "git-providers-webhook/"))
                .header("Content-Type", "application/json")
                .header("X-Gitea-Event", "push")
                .header("X-Gitea-Delivery", UUID.randomUUID().toString())
                .header("X-Gitea-Signature", HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.body(), response.statusCode(), is(202));
    }

    private WorkflowRun firstBuild(WorkflowJob job) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (job.getLastBuild() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(job.getLastBuild(), notNullValue());
        return j.waitForCompletion(job.getLastBuild());
    }

    private String statusPath(String commit) {
        return "/api/v1/repos/infra/payments/statuses/" + commit;
    }

    @Test
    public void shouldReportPendingFromTheQueueThenSuccessToTheEventsCommit() throws Exception {
        WorkflowJob job = watching("hook", "echo 'built'", null);

        deliver(push(repository.main));
        WorkflowRun run = firstBuild(job);

        j.assertBuildStatusSuccess(run);
        List<JsonNode> sent = statuses(server, 2);
        assertStatus(
                sent.get(0),
                statusPath(repository.main),
                "pending",
                "jenkins/hook",
                "Waiting in the Jenkins queue",
                j.getURL() + "job/hook/");
        assertStatus(
                sent.get(1),
                statusPath(repository.main),
                "success",
                "jenkins/hook",
                "Succeeded in \\d+ s",
                j.getURL() + "job/hook/1/");
    }

    @Test
    public void shouldReportQueuedRunningAndFailureUnderTheTriggersContextWhenTheEventIsCheckedOut() throws Exception {
        WorkflowJob job = watching("checked", "node { gitProviderCheckout(); error 'the build broke' }", "ci");

        deliver(push(repository.main));
        WorkflowRun run = firstBuild(job);

        j.assertBuildStatus(Result.FAILURE, run);
        List<JsonNode> sent = statuses(server, 3);
        String build = j.getURL() + "job/checked/1/";
        assertStatus(
                sent.get(0),
                statusPath(repository.main),
                "pending",
                "jenkins/ci",
                "Waiting in the Jenkins queue",
                j.getURL() + "job/checked/");
        assertStatus(sent.get(1), statusPath(repository.main), "pending", "jenkins/ci", "Running in Jenkins", build);
        assertStatus(sent.get(2), statusPath(repository.main), "failure", "jenkins/ci", "Failed in \\d+ s", build);
    }

    @Test
    public void shouldTellTheEventsCommitThatANewerOneWasBuiltWhenTheBranchMovedOn() throws Exception {
        WorkflowJob job = watching("moved", "node { gitProviderCheckout() }", null);

        // The push announces the first commit, but main has moved on to a second one since.
        deliver(push(repository.first));
        WorkflowRun run = firstBuild(job);

        j.assertBuildStatusSuccess(run);
        List<JsonNode> sent = statuses(server, 4);
        List<String> seen = new ArrayList<>();
        for (JsonNode status : sent) {
            seen.add(status.get("state").asText() + " " + status.get("path").asText() + " "
                    + status.get("description").asText().replaceAll("\\d+ s", "N s"));
        }
        assertThat(seen.get(0), is("pending " + statusPath(repository.first) + " Waiting in the Jenkins queue"));
        assertThat(seen.get(1), is("pending " + statusPath(repository.main) + " Running in Jenkins"));
        assertThat(
                seen.subList(2, 4),
                containsInAnyOrder(
                        "success " + statusPath(repository.main) + " Succeeded in N s",
                        "error " + statusPath(repository.first) + " Not built: a newer commit ("
                                + repository.main.substring(0, 7) + ") was built instead"));
    }

    @Test
    public void shouldReportABuildCancelledInTheQueueAsNotBuilt() throws Exception {
        j.jenkins.setQuietPeriod(3600);
        WorkflowJob job = watching("cancelled", "echo 'never'", null);

        deliver(push(repository.main));
        long deadline = System.currentTimeMillis() + 60_000;
        while (j.jenkins.getQueue().getItems().length == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        statuses(server, 1);
        Queue.Item item = j.jenkins.getQueue().getItems()[0];
        j.jenkins.getQueue().cancel(item);

        List<JsonNode> sent = statuses(server, 2);
        assertStatus(
                sent.get(0),
                statusPath(repository.main),
                "pending",
                "jenkins/cancelled",
                "Waiting in the Jenkins queue",
                j.getURL() + "job/cancelled/");
        assertStatus(
                sent.get(1),
                statusPath(repository.main),
                "error",
                "jenkins/cancelled",
                "Not built",
                j.getURL() + "job/cancelled/");
        assertThat(job.getLastBuild() == null, is(true));
    }
}
