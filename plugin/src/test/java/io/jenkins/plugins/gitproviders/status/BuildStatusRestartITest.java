package io.jenkins.plugins.gitproviders.status;

import static io.jenkins.plugins.gitproviders.status.BuildStatusITest.statuses;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.gitproviders.steps.GitHttpServer;
import io.jenkins.plugins.gitproviders.steps.TestRepository;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.JenkinsSessionRule;

/** The commits a build reports to are saved with it: a Pipeline that resumes after a restart reports its result. */
public class BuildStatusRestartITest {
    private final TemporaryFolder repositories = new TemporaryFolder();
    private final GitHttpServer server = new GitHttpServer(repositories::getRoot, "oauth2", BuildStatusITest.TOKEN);
    private final JenkinsSessionRule sessions = new JenkinsSessionRule();

    @Rule
    public final RuleChain rules =
            RuleChain.outerRule(repositories).around(server).around(sessions);

    @Test
    public void shouldReportTheFinalStateOfABuildThatResumedAfterARestart() throws Throwable {
        TestRepository repository = TestRepository.create(repositories.getRoot(), "infra/payments");
        sessions.then(j -> {
            BuildStatusITest.configure(BuildStatusITest.gitea(server));
            WorkflowJob job = j.createProject(WorkflowJob.class, "app");
            job.setDefinition(new CpsFlowDefinition(
                    "node { gitProviderCheckout repository: 'infra/payments' }\nsleep 10\necho 'resumed'", true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Sleeping for", run);
            statuses(server, 1);
        });
        sessions.then(j -> {
            WorkflowRun run =
                    j.jenkins.getItemByFullName("app", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(run));
            j.assertLogContains("resumed", run);

            List<JsonNode> sent = statuses(server, 2);
            String path = "/api/v1/repos/infra/payments/statuses/" + repository.main;
            assertThat(sent.get(0).get("path").asText(), is(path));
            assertThat(sent.get(0).get("state").asText(), is("pending"));
            assertThat(sent.get(1).get("path").asText(), is(path));
            assertThat(sent.get(1).get("state").asText(), is("success"));
            assertThat(sent.get(1).get("target_url").asText(), endsWith("/job/app/1/"));
        });
    }
}
