package io.jenkins.plugins.gitproviders.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.ExtensionList;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.util.Secret;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.gitproviders.config.GitProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.config.GiteaProvider;
import io.jenkins.plugins.gitproviders.steps.GitHttpServer;
import io.jenkins.plugins.gitproviders.steps.TestRepository;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.CaptureEnvironmentBuilder;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Catching up after a gap in deliveries against a real repository served over Git's smart HTTP protocol on the
 * loopback interface, behind Basic authentication with the provider's token: the first run records a baseline, a
 * push missed meanwhile is built as the push would have been, with a cause that says it was caught up.
 */
public class WebhookCatchUpITest {
    private static final String TOKEN = "catch-up-token-0815";

    private final TemporaryFolder repositories = new TemporaryFolder();
    private final GitHttpServer server = new GitHttpServer(repositories::getRoot, "oauth2", TOKEN);
    private final JenkinsRule j = new JenkinsRule();

    @Rule
    public final RuleChain rules =
            RuleChain.outerRule(repositories).around(server).around(j);

    private TestRepository repository;
    private FreeStyleProject project;

    @Before
    public void setUp() throws Exception {
        j.jenkins.setQuietPeriod(0);
        repository = TestRepository.create(repositories.getRoot(), "infra/payments");
        project = j.createFreeStyleProject("payments");
        project.getBuildersList().add(new CaptureEnvironmentBuilder());
    }

    private void configure(String token) throws Exception {
        SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
        credentials.getCredentials().removeIf(c -> true);
        credentials
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "gitea-token", "Gitea token", Secret.fromString(token)));
        credentials.save();
        GitProvider gitea = new GiteaProvider("Gitea");
        gitea.setServerUrl(server.url());
        gitea.setCredentialsId("gitea-token");
        GitProvidersConfiguration.get().setProviders(List.of(gitea));
        GitProviderTrigger trigger = new GitProviderTrigger("infra/payments");
        trigger.setProvider("Gitea");
        project.addTrigger(trigger);
    }

    /** Runs the periodic catch-up as Jenkins does, and returns its log. */
    private String runCatchUp() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ExtensionList.lookupSingleton(CatchUpWork.class).execute(new StreamTaskListener(log, StandardCharsets.UTF_8));
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void shouldBuildAPushMissedWhileNoDeliveryArrivedWithACauseThatSaysSo() throws Exception {
        configure(TOKEN);

        // When Jenkins first catches up, the repository only gets a baseline: nothing is built
        String firstLog = runCatchUp();
        WebhookDeliveries.CatchUpRun first = WebhookDeliveries.get().getLastCatchUp();
        assertThat(firstLog, first.problems(), empty());
        assertThat(first.repositories(), is(1));
        assertThat(first.baselined(), is(1));
        assertThat(first.triggered(), is(0));
        assertThat(project.getLastBuild(), nullValue());

        // And when main moves on while no delivery reaches Jenkins
        String missed = repository.pushToMain("three");
        runCatchUp();

        // Then the next catch-up builds the job as the push would have, saying that it was caught up
        assertThat(WebhookDeliveries.get().getLastCatchUp().triggered(), is(1));
        FreeStyleBuild build = j.waitForCompletion(waitForBuild());
        j.assertBuildStatusSuccess(build);
        GitProviderCause cause = build.getCause(GitProviderCause.class);
        assertThat(cause, notNullValue());
        assertThat(cause.isCatchUp(), is(true));
        assertThat(
                cause.getShortDescription(),
                containsString("Catch-up after a gap in webhook deliveries: branch main of "));
        assertThat(
                cause.getShortDescription(),
                containsString(
                        "infra/payments moved from " + repository.initialMain().substring(0, 7) + " to "
                                + missed.substring(0, 7) + " while no delivery reached Jenkins"));
        CaptureEnvironmentBuilder capture = project.getBuildersList().get(CaptureEnvironmentBuilder.class);
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_EVENT"), equalTo("BRANCH_PUSH"));
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_REF"), equalTo("refs/heads/main"));
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_COMMIT"), equalTo(missed));

        // And git asked the host with the provider's token as the password of Gitea's token user, never in a URL
        assertThat(server.authenticatedUsers(), hasItem("oauth2"));
        assertThat(server.requests(), everyItem(not(containsString(TOKEN))));

        // And a further run finds nothing new, and the page tells the last run
        runCatchUp();
        assertThat(WebhookDeliveries.get().getLastCatchUp().triggered(), is(0));
        j.waitUntilNoActivity();
        assertThat(project.getBuilds(), hasSize(1));
        String page = j.createWebClient()
                .goTo("manage/git-providers")
                .getElementById("git-providers-catch-up")
                .asNormalizedText();
        assertThat(
                page,
                containsString("1 repository compared, 0 got their first baseline, no jobs triggered, no problems"));
    }

    @Test
    public void shouldReportAHostThatRefusesTheCredentialOnThePageWithoutTheToken() throws Exception {
        String wrong = "wrong-token-1234";
        configure(wrong);

        runCatchUp();

        WebhookDeliveries.CatchUpRun run = WebhookDeliveries.get().getLastCatchUp();
        assertThat(run.problems(), hasSize(1));
        assertThat(run.problems().get(0), containsString("Could not list the refs of "));
        assertThat(run.problems().get(0), containsString("through provider 'Gitea'"));
        String page = j.createWebClient()
                .goTo("manage/git-providers")
                .getWebResponse()
                .getContentAsString();
        assertThat(page, containsString("Could not list the refs of "));
        assertThat(page, not(containsString(wrong)));
        assertThat(project.getLastBuild(), nullValue());
    }

    private FreeStyleBuild waitForBuild() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (project.getLastBuild() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return project.getLastBuild();
    }
}
