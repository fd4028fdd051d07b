package io.jenkins.plugins.gitproviders.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.InvisibleAction;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.gitproviders.api.GitProviderBuildEvent;
import io.jenkins.plugins.gitproviders.config.GitHubProvider;
import io.jenkins.plugins.gitproviders.config.GitProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.config.GiteaProvider;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * Runs {@code gitProviderCheckout} in real Pipelines against a Gitea provider whose server is a loopback Git smart
 * HTTP server ({@code git http-backend} behind Basic authentication), with the token in Jenkins Credentials.
 */
public class GitProviderCheckoutStepITest {
    private static final String TOKEN = "s3cret-token-value-4711";

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
    }

    @Test
    public void shouldCheckOutTheDefaultBranchWithTheTokenAsPasswordAndReturnTheMap() throws Exception {
        configure(CredentialsScope.GLOBAL, gitea(true));

        WorkflowRun run = success(pipeline("""
                node {
                    def r = gitProviderCheckout repository: 'infra/payments'
                    echo "commit=${r.commit} branch=${r.branch} tag=${r.tag} provider=${r.provider} repository=${r.repository}"
                    echo "url=${r.url}"
                    echo "readme=${readFile('README').trim()}"
                }
                """));

        j.assertLogContains(
                "commit=" + repository.main + " branch=main tag=null provider=Gitea" + " repository=infra/payments",
                run);
        j.assertLogContains("url=" + server.url() + "/infra/payments.git", run);
        j.assertLogContains("readme=two", run);
        j.assertLogContains("Checked out infra/payments (branch main) at " + repository.main, run);
        // Gitea's token user, with the token as password: the server only answers correctly authenticated requests.
        assertThat(server.authenticatedUsers(), hasItem("oauth2"));
        assertThat(server.requests(), everyItem(not(containsString(TOKEN))));
        j.assertLogNotContains(TOKEN, run);
        assertThat(
                UsageRecords.get().jobsUsing("Gitea"), contains(run.getParent().getFullName()));
    }

    @Test
    public void shouldCheckOutATagShallowlyAndAPullRequest() throws Exception {
        configure(CredentialsScope.GLOBAL, gitea(true));

        WorkflowRun run = success(pipeline("""
                node {
                    def t = gitProviderCheckout provider: 'gitea', repository: 'infra/payments', ref: 'v1', depth: 1, timeout: 5
                    echo "tag=${t.tag} commit=${t.commit} readme=${readFile('README').trim()}"
                    echo "shallow=${fileExists('.git/shallow')}"
                    def p = gitProviderCheckout repository: 'infra/payments', ref: 'PR-7'
                    echo "pr=${p.pullRequest} commit=${p.commit} readme=${readFile('README').trim()}"
                }
                """));

        j.assertLogContains("tag=v1 commit=" + repository.first + " readme=one", run);
        j.assertLogContains("shallow=true", run);
        j.assertLogContains("pr=PR-7 commit=" + repository.pullRequest + " readme=pr", run);
    }

    /**
     * A webhook build fetches the event's ref, never a commit by the id a payload names (anyone with the webhook secret
     * could name any commit): when the branch moved on, it builds the ref's tip and says which commit was announced.
     */
    @Test
    public void shouldBuildTheTipOfTheWebhookEventsRefFromItsProviderAndRecordTheAnnouncedCommit() throws Exception {
        // The default provider is another one: without a repository, the provider that received the event is used.
        GitProvider github = new GitHubProvider("GitHub");
        github.setCredentialsId("github-token");
        configure(CredentialsScope.GLOBAL, github, gitea(true));
        WorkflowJob job = pipeline("""
                node {
                    def r = gitProviderCheckout()
                    echo "commit=${r.commit} branch=${r.branch} provider=${r.provider}"
                }
                """);
        // The branch has moved on since the push: main is at a later commit than the event's.
        WebhookEvent push = new WebhookEvent(
                ProviderType.GITEA,
                EventKind.BRANCH_PUSH,
                new RepositoryInfo("127.0.0.1", "infra/payments", null, null, null),
                "refs/heads/main",
                null,
                repository.first,
                null,
                null,
                null,
                repository.first,
                "jane",
                "delivery-1");

        WorkflowRun run = j.assertBuildStatusSuccess(job.scheduleBuild2(0, new TestBuildEvent("Gitea", push)));

        j.assertLogContains("commit=" + repository.main + " branch=main provider=Gitea", run);
        j.assertLogContains(
                "The event announces " + repository.first + " but refs/heads/main now points to " + repository.main,
                run);
        j.assertLogNotContains(
                "git fetch --no-tags --force --progress -- " + server.url() + "/infra/payments.git " + repository.first,
                run);
    }

    @Test
    public void shouldExplainThatANonGlobalCredentialIsNotAvailableToBuilds() throws Exception {
        configure(CredentialsScope.SYSTEM, gitea(true));

        WorkflowRun run = failure(pipeline("node { gitProviderCheckout repository: 'infra/payments' }"));

        j.assertLogContains("The API credentials 'gitea-token' of provider 'Gitea' were not found for this build", run);
        j.assertLogContains("must be Global", run);
        j.assertLogNotContains("\tat ", run);
        assertThat(server.requests().isEmpty(), is(true));
    }

    @Test
    public void shouldReportAPlanningErrorWithoutAStackTrace() throws Exception {
        configure(CredentialsScope.GLOBAL, gitea(true));

        WorkflowRun run = failure(pipeline("node { gitProviderCheckout repository: 'infra/../payments' }"));

        j.assertLogContains("Repository 'infra/../payments' is not valid", run);
        j.assertLogNotContains("\tat ", run);
    }

    @Test
    public void shouldExplainThatABuildWithoutWebhookNeedsARepository() throws Exception {
        configure(CredentialsScope.GLOBAL, gitea(true));

        WorkflowRun run = failure(pipeline("node { gitProviderCheckout() }"));

        j.assertLogContains("No repository given", run);
    }

    @Test
    public void shouldReportEachProviderResolutionReason() throws Exception {
        String script = "node { gitProviderCheckout repository: 'infra/payments' }";
        WorkflowRun none = failure(pipeline(script));
        j.assertLogContains("No Git provider is configured.", none);

        // The registry never leaves active providers without a default; a configuration saved without one (edited
        // on disk, or written by hand for configuration as code's predecessor) is loaded as it is.
        configure(CredentialsScope.GLOBAL, gitea(true));
        GitProvidersConfiguration configuration = GitProvidersConfiguration.get();
        Path file = j.jenkins.getRootDir().toPath().resolve(configuration.getId() + ".xml");
        String saved = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(saved, containsString("<defaultProvider>Gitea</defaultProvider>"));
        Files.writeString(file, saved.replace("<defaultProvider>Gitea</defaultProvider>", ""), StandardCharsets.UTF_8);
        configuration.load();
        WorkflowRun noDefault = failure(pipeline(script));
        j.assertLogContains("No default Git provider is set.", noDefault);
        j.assertLogNotContains("\tat ", noDefault);

        GitProvider github = new GitHubProvider("GitHub");
        github.setCredentialsId("github-token");
        configure(CredentialsScope.GLOBAL, github, gitea(false));
        WorkflowRun inactive =
                failure(pipeline("node { gitProviderCheckout provider: 'Gitea', repository: 'infra/payments' }"));
        j.assertLogContains("The Git provider 'Gitea' is inactive.", inactive);

        WorkflowRun unknown =
                failure(pipeline("node { gitProviderCheckout provider: 'Gite', repository: 'infra/payments' }"));
        j.assertLogContains("No Git provider is named 'Gite'. Did you mean 'Gitea'", unknown);
        j.assertLogNotContains("\tat ", unknown);
    }

    private GitProvider gitea(boolean active) {
        GitProvider gitea = new GiteaProvider("Gitea");
        gitea.setServerUrl(server.url());
        gitea.setCredentialsId("gitea-token");
        gitea.setActive(active);
        return gitea;
    }

    private static void configure(CredentialsScope scope, GitProvider... providers) throws Exception {
        SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
        credentials.getCredentials().removeIf(c -> true);
        credentials
                .getCredentials()
                .add(new StringCredentialsImpl(scope, "gitea-token", "Gitea token", Secret.fromString(TOKEN)));
        credentials.save();
        GitProvidersConfiguration.get().setProviders(List.of(providers));
    }

    private int jobs;

    private WorkflowRun success(WorkflowJob job) throws Exception {
        return j.assertBuildStatusSuccess(job.scheduleBuild2(0));
    }

    private WorkflowRun failure(WorkflowJob job) throws Exception {
        return j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
    }

    private WorkflowJob pipeline(String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "checkout-" + (++jobs));
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    /** The action the webhook trigger attaches to the builds it starts, as {@link GitProviderBuildEvent} says. */
    static final class TestBuildEvent extends InvisibleAction implements GitProviderBuildEvent {
        private final String providerName;
        // The core's record is not meant for build.xml; the test only needs it while the build runs.
        private final transient WebhookEvent event;

        TestBuildEvent(String providerName, WebhookEvent event) {
            this.providerName = providerName;
            this.event = event;
        }

        @Override
        public String getProviderName() {
            return providerName;
        }

        @Override
        public WebhookEvent getWebhookEvent() {
            return event;
        }
    }

    @Test
    public void shouldNeverReturnTheTokenFromTheMap() throws Exception {
        configure(CredentialsScope.GLOBAL, gitea(true));

        WorkflowRun run = success(pipeline("""
                node {
                    echo "map=${gitProviderCheckout(repository: 'infra/payments', ref: 'main')}"
                }
                """));

        j.assertLogContains("map=[commit:" + repository.main + ", branch:main, url:" + server.url(), run);
        assertThat(JenkinsRule.getLog(run), not(containsString(TOKEN)));
    }
}
