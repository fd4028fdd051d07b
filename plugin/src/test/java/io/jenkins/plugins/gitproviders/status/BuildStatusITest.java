package io.jenkins.plugins.gitproviders.status;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.gitproviders.config.GitProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.config.GiteaProvider;
import io.jenkins.plugins.gitproviders.steps.GitHttpServer;
import io.jenkins.plugins.gitproviders.steps.TestRepository;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.JenkinsLocationConfiguration;
import org.htmlunit.html.HtmlPage;
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
 * Runs {@code gitProviderCheckout} Pipelines in a real Jenkins against a Gitea provider whose server is one loopback
 * origin serving both Git's smart HTTP protocol ({@code git http-backend}) and Gitea's commit status API, and checks
 * the exact status requests the builds send, in order, with their bodies.
 */
public class BuildStatusITest {
    static final String TOKEN = "s3cret-token-value-4711";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemporaryFolder repositories = new TemporaryFolder();
    private final GitHttpServer server = new GitHttpServer(repositories::getRoot, "oauth2", TOKEN);
    private final JenkinsRule j = new JenkinsRule();

    @Rule
    public final RuleChain rules =
            RuleChain.outerRule(repositories).around(server).around(j);

    private TestRepository repository;

    @Before
    public void setUp() throws Exception {
        repository = TestRepository.create(repositories.getRoot(), "infra/payments");
        configure(gitea(server));
    }

    static GitProvider gitea(GitHttpServer server) {
        GitProvider gitea = new GiteaProvider("Gitea");
        gitea.setServerUrl(server.url());
        gitea.setCredentialsId("gitea-token");
        return gitea;
    }

    static void configure(GitProvider... providers) throws Exception {
        SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
        credentials.getCredentials().removeIf(c -> true);
        credentials
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "gitea-token", "Gitea token", Secret.fromString(TOKEN)));
        credentials.save();
        GitProvidersConfiguration.get().setProviders(List.of(providers));
    }

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** Waits until the status API got {@code count} requests and nothing is left to send, then a moment for strays. */
    static List<JsonNode> statuses(GitHttpServer server, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while ((server.statusRequests().size() < count || BuildStatus.get().waiting() > 0)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        List<JsonNode> bodies = new ArrayList<>();
        for (GitHttpServer.StatusRequest request : server.statusRequests()) {
            assertThat(request.method(), is("POST"));
            assertThat(request.authenticated(), is(true));
            JsonNode body = JSON.readTree(request.body());
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("path", request.path());
            bodies.add(body);
        }
        assertThat(bodies.toString(), bodies, hasSize(count));
        return bodies;
    }

    static void assertStatus(
            JsonNode status, String path, String state, String context, String description, String targetUrl) {
        assertThat(status.toString(), status.get("path").asText(), is(path));
        assertThat(status.toString(), status.get("state").asText(), is(state));
        assertThat(status.toString(), status.get("context").asText(), is(context));
        assertThat(status.toString(), status.get("description").asText(), matchesPattern(description));
        assertThat(status.toString(), status.get("target_url").asText(), is(targetUrl));
    }

    private String statusPath(String commit) {
        return "/api/v1/repos/infra/payments/statuses/" + commit;
    }

    @Test
    public void shouldReportPendingWhenCheckedOutThenSuccessToTheFullCommit() throws Exception {
        WorkflowJob job = pipeline("app", "node { gitProviderCheckout repository: 'infra/payments' }");

        WorkflowRun run = j.buildAndAssertSuccess(job);

        List<JsonNode> sent = statuses(server, 2);
        String build = j.getURL() + "job/app/1/";
        assertStatus(sent.get(0), statusPath(repository.main), "pending", "jenkins/app", "Running in Jenkins", build);
        assertStatus(sent.get(1), statusPath(repository.main), "success", "jenkins/app", "Succeeded in \\d+ s", build);
        j.assertLogNotContains("[Git Providers]", run);
        GitProviderStatusAction action = run.getAction(GitProviderStatusAction.class);
        assertThat(action.getEntries().toString(), action.getEntries().get(0).getState(), is("success"));
        assertThat(action.getEntries().get(0).getOutcome(), is("reported"));
    }

    @Test
    public void shouldReportFailureWithTheStepsOwnContext() throws Exception {
        WorkflowJob job = pipeline("folder-less", """
                node {
                    gitProviderCheckout repository: 'infra/payments', ref: 'v1', statusContext: 'release'
                    error 'the tests failed'
                }
                """);

        j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        List<JsonNode> sent = statuses(server, 2);
        String build = j.getURL() + "job/folder-less/1/";
        assertStatus(
                sent.get(0), statusPath(repository.first), "pending", "jenkins/release", "Running in Jenkins", build);
        assertStatus(
                sent.get(1), statusPath(repository.first), "failure", "jenkins/release", "Failed in \\d+ s", build);
    }

    @Test
    public void shouldReportAnUnstableBuildAsTheStepSays() throws Exception {
        WorkflowJob job = pipeline("flaky", """
                node {
                    gitProviderCheckout repository: 'infra/payments', unstableState: 'success'
                    unstable 'one test is flaky'
                }
                """);

        j.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));

        List<JsonNode> sent = statuses(server, 2);
        assertThat(sent.get(1).get("state").asText(), is("success"));
        assertThat(sent.get(1).get("description").asText(), containsString("Unstable"));
    }

    @Test
    public void shouldReportAnAbortedBuildAsAnError() throws Exception {
        WorkflowJob job = pipeline("slow", """
                node {
                    gitProviderCheckout repository: 'infra/payments'
                    echo 'checked out'
                    sleep 600
                }
                """);
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Sleeping for", run);
        statuses(server, 1);

        run.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));

        List<JsonNode> sent = statuses(server, 2);
        String build = j.getURL() + "job/slow/1/";
        assertStatus(sent.get(0), statusPath(repository.main), "pending", "jenkins/slow", "Running in Jenkins", build);
        // Gitea has no "aborted" state for statuses: the nearest that does not pass a merge check.
        assertStatus(sent.get(1), statusPath(repository.main), "error", "jenkins/slow", "Aborted after \\d+ s", build);
    }

    @Test
    public void shouldReportEachCheckoutOnceAndNotTheOnesThatOptOut() throws Exception {
        TestRepository tools = TestRepository.create(repositories.getRoot(), "infra/tools");
        WorkflowJob job = pipeline("multi", """
                node {
                    dir('a') { gitProviderCheckout repository: 'infra/payments' }
                    dir('b') { gitProviderCheckout repository: 'infra/payments' }
                    dir('c') { gitProviderCheckout repository: 'infra/tools', ref: 'v1' }
                    dir('d') { gitProviderCheckout repository: 'infra/tools', reportStatus: false }
                }
                """);

        j.buildAndAssertSuccess(job);

        List<JsonNode> sent = statuses(server, 4);
        List<String> seen = new ArrayList<>();
        for (JsonNode status : sent) {
            seen.add(status.get("state").asText() + " " + status.get("path").asText());
        }
        // Two slots, each in order; the slots are sent in parallel, so only each one's order is fixed.
        List<String> payments =
                seen.stream().filter(s -> s.contains("/payments/")).toList();
        List<String> toolsSeen =
                seen.stream().filter(s -> s.contains("/tools/")).toList();
        assertThat(
                payments, contains("pending " + statusPath(repository.main), "success " + statusPath(repository.main)));
        assertThat(
                toolsSeen,
                contains(
                        "pending /api/v1/repos/infra/tools/statuses/" + tools.first,
                        "success /api/v1/repos/infra/tools/statuses/" + tools.first));
    }

    @Test
    public void shouldReportAStagesStatusBelowTheBuildsContext() throws Exception {
        WorkflowJob job = pipeline("staged", """
                node {
                    def scm = gitProviderCheckout repository: 'infra/payments'
                    gitProviderStatus context: 'lint', state: 'success', description: 'No findings'
                    gitProviderStatus context: 'deploy', state: 'PENDING', repository: 'infra/payments', commit: scm.commit.toUpperCase()
                }
                """);

        WorkflowRun run = j.buildAndAssertSuccess(job);

        List<JsonNode> sent = statuses(server, 4);
        String build = j.getURL() + "job/staged/1/";
        List<String> contexts = new ArrayList<>();
        for (JsonNode status : sent) {
            contexts.add(
                    status.get("context").asText() + "=" + status.get("state").asText());
            assertThat(status.get("path").asText(), is(statusPath(repository.main)));
            assertThat(status.get("target_url").asText(), is(build));
        }
        // Each context is a slot of its own; within the build's, pending comes before success.
        assertThat(contexts.toString(), contexts.indexOf("jenkins/staged=pending"), is(not(-1)));
        assertThat(
                contexts.toString(),
                contexts.indexOf("jenkins/staged=pending") < contexts.indexOf("jenkins/staged=success"),
                is(true));
        assertThat(contexts.toString(), contexts.contains("jenkins/staged/lint=success"), is(true));
        assertThat(contexts.toString(), contexts.contains("jenkins/staged/deploy=pending"), is(true));
        assertThat(
                sent.stream()
                        .filter(s -> s.get("context").asText().equals("jenkins/staged/lint"))
                        .findFirst()
                        .orElseThrow()
                        .get("description")
                        .asText(),
                is("No findings"));
        j.assertLogContains(
                "gitProviderStatus: reporting success as jenkins/staged/lint to infra/payments@" + repository.main
                        + " through provider 'Gitea'",
                run);
    }

    @Test
    public void shouldRefuseStepParametersItCannotUseWithAClearMessage() throws Exception {
        WorkflowRun badState = j.assertBuildStatus(
                Result.FAILURE,
                pipeline("bad-state", "gitProviderStatus context: 'lint', state: 'green'")
                        .scheduleBuild2(0));
        WorkflowRun noCommit = j.assertBuildStatus(
                Result.FAILURE,
                pipeline("no-commit", "gitProviderStatus context: 'lint', state: 'success'")
                        .scheduleBuild2(0));
        WorkflowRun shortCommit = j.assertBuildStatus(
                Result.FAILURE,
                pipeline(
                                "short-commit",
                                "gitProviderStatus context: 'lint', state: 'success', repository: 'infra/payments',"
                                        + " commit: 'abc1234'")
                        .scheduleBuild2(0));

        j.assertLogContains(
                "gitProviderStatus: Unknown build state 'green': use one of pending, running, success, failure,"
                        + " aborted, error.",
                badState);
        j.assertLogContains(
                "gitProviderStatus has no commit to report to: this build did not check out anything through"
                        + " provider 'Gitea'",
                noCommit);
        j.assertLogContains("'abc1234' is not a full commit id", shortCommit);
        for (WorkflowRun run : List.of(badState, noCommit, shortCommit)) {
            j.assertLogNotContains("\tat ", run);
        }
        assertThat(server.statusRequests(), is(empty()));
    }

    @Test
    public void shouldSayOnceThatJenkinsHasNoRootUrlAndSendNothing() throws Exception {
        JenkinsLocationConfiguration.get().setUrl(null);
        WorkflowJob job = pipeline("no-url", """
                node {
                    gitProviderCheckout repository: 'infra/payments'
                    gitProviderStatus context: 'lint', state: 'success'
                }
                """);

        WorkflowRun run = j.buildAndAssertSuccess(job);

        String log = JenkinsRule.getLog(run);
        String note = "Jenkins has no root URL, so a status could not link to the build. Set the Jenkins URL under"
                + " Manage Jenkins > System > Jenkins Location.";
        assertThat(log, containsString(note));
        assertThat(log.split(java.util.regex.Pattern.quote(note), -1).length - 1, is(1));
        Thread.sleep(500);
        assertThat(server.statusRequests(), is(empty()));
        HtmlPage page = j.createWebClient().goTo("manage/git-providers");
        assertThat(
                page.asNormalizedText(),
                containsString("Builds report no status to the Git providers: Jenkins has no" + " root URL"));
    }

    @Test
    public void shouldSayARefusedStatusOnceWithItsFixAndNeverFailTheBuild() throws Exception {
        server.answerStatuses(
                403, "{\"message\":\"token does not have at least one of required scope(s): [write:repository]\"}");
        WorkflowJob job = pipeline("refused", """
                node {
                    gitProviderCheckout repository: 'infra/payments'
                    echo 'building'
                    sleep 2
                }
                """);

        WorkflowRun run = j.buildAndAssertSuccess(job);

        // Both states were tried once each (a missing scope is not retried), and neither failed the build.
        List<JsonNode> sent = statuses(server, 2);
        assertThat(sent.get(0).get("state").asText(), is("pending"));
        assertThat(sent.get(1).get("state").asText(), is("success"));
        String log = JenkinsRule.getLog(run);
        assertThat(log, containsString("[Git Providers] Gitea / Forgejo refused the build status for infra/payments@"));
        assertThat(log, containsString("write:repository"));
        assertThat(log.split(java.util.regex.Pattern.quote("[Git Providers]"), -1).length - 1, is(1));
        assertThat(log, not(containsString(TOKEN)));
        // The build page shows the problem, and so do the provider's connection checks.
        JenkinsRule.WebClient wc = j.createWebClient();
        String buildPage = wc.getPage(run).asNormalizedText();
        assertThat(buildPage, containsString("Build status reported to Git providers"));
        assertThat(buildPage, containsString("write:repository"));
        String providers = wc.goTo("manage/git-providers")
                .getElementById("git-providers-connection-checks")
                .asNormalizedText();
        assertThat(providers, containsString("Not reported"));
        assertThat(providers, containsString("write:repository"));
        assertThat(providers, containsString(run.getFullDisplayName()));
        assertThat(server.statusRequests(), everyItem(not(hasToString(TOKEN))));
    }

    @Test
    public void shouldSayARejectedTokenOnceForTheBuildAndItsStageStatus() throws Exception {
        server.answerStatuses(401, "{\"message\":\"user does not exist [uid: 0, name: ]\"}");
        WorkflowJob job = pipeline("rejected", """
                node {
                    gitProviderCheckout repository: 'infra/payments'
                    gitProviderStatus context: 'lint', state: 'failure'
                    sleep 2
                }
                """);

        WorkflowRun run = j.buildAndAssertSuccess(job);

        // running, the stage's failure and success: each tried once (a rejected token is not retried).
        statuses(server, 3);
        String log = JenkinsRule.getLog(run);
        assertThat(log, containsString("Gitea / Forgejo rejected the token (the token is wrong, revoked or expired)."));
        assertThat(log, containsString("Create a new token with write:repository and store it in"));
        assertThat(log.split(java.util.regex.Pattern.quote("[Git Providers]"), -1).length - 1, is(1));
        assertThat(log, not(containsString(TOKEN)));
    }

    @Test
    public void shouldReportNothingWhenTheProviderHasStatusReportingOff() throws Exception {
        GitProvider gitea = gitea(server);
        gitea.setStatusReporting(false);
        configure(gitea);
        WorkflowJob job = pipeline("off", """
                node {
                    gitProviderCheckout repository: 'infra/payments'
                    gitProviderStatus context: 'lint', state: 'success'
                }
                """);

        WorkflowRun run = j.buildAndAssertSuccess(job);

        Thread.sleep(500);
        assertThat(server.statusRequests(), is(empty()));
        j.assertLogContains(
                "gitProviderStatus: Build status is not reported through provider 'Gitea': status"
                        + " reporting is turned off.",
                run);
        j.assertLogNotContains("[Git Providers]", run);
        assertThat(run.getAction(GitProviderStatusAction.class).getEntries(), is(empty()));
        assertThat(j.createWebClient().getPage(run).asNormalizedText(), not(containsString("Build status reported")));
    }

    private static org.hamcrest.Matcher<Object> hasToString(String text) {
        return org.hamcrest.Matchers.hasToString(containsString(text));
    }
}
