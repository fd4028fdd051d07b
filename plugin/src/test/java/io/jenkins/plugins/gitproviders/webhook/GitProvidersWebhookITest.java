package io.jenkins.plugins.gitproviders.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Job;
import hudson.model.Run;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.gitproviders.access.FolderProviderRules;
import io.jenkins.plugins.gitproviders.config.GitHubProvider;
import io.jenkins.plugins.gitproviders.config.GitProvider;
import io.jenkins.plugins.gitproviders.config.GitProviderUsage;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.core.routing.RoutingResult;
import io.jenkins.plugins.gitproviders.core.webhook.DeliveryRecord;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.CaptureEnvironmentBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockFolder;

/**
 * Sends real, signed HTTP deliveries to a running Jenkins and checks what they start: the recorded GitHub push of
 * {@code bradrydzewski/drone-test-go} creating {@code feature-branch} at {@code d2b75aa}.
 */
public class GitProvidersWebhookITest {
    private static final String SECRET = "It's a Secret to Everybody";
    private static final String COMMIT = "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd";
    private static final long BUILD_WAIT_MILLIS = 60_000;
    /** The one body of every refusal before verification. */
    private static final String UNIFORM_401 =
            "{\"status\":401,\"message\":\"" + WebhookResponse.UNVERIFIED_MESSAGE + "\"}";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Before
    public void configureAGitHubProviderWithAWebhookSecret() throws IOException {
        j.jenkins.setQuietPeriod(0);
        CredentialsStore store =
                CredentialsProvider.lookupStores(j.jenkins).iterator().next();
        store.addCredentials(
                Domain.global(),
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "github-hook", "GitHub webhook secret", Secret.fromString(SECRET)));
        store.addCredentials(
                Domain.global(),
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        "github-token",
                        "GitHub API token",
                        Secret.fromString("not-a-real-token")));
        configureProvider(true);
    }

    private static void configureProvider(boolean active) {
        GitHubProvider github = new GitHubProvider("github");
        github.setCredentialsId("github-token");
        github.setWebhookSecretCredentialsId("github-hook");
        github.setActive(active);
        // The deliveries name a real github.com repository: no build status may be sent there from a test.
        github.setStatusReporting(false);
        GitProvidersConfiguration.get().setProviders(List.of(github));
    }

    private FreeStyleProject watchingJob(String name) throws IOException {
        FreeStyleProject project = j.createFreeStyleProject(name);
        project.getBuildersList().add(new CaptureEnvironmentBuilder());
        GitProviderTrigger trigger = new GitProviderTrigger("bradrydzewski/drone-test-go");
        trigger.setProvider("github");
        project.addTrigger(trigger);
        return project;
    }

    private static byte[] push() throws IOException {
        try (InputStream in =
                GitProvidersWebhookITest.class.getResourceAsStream("push-branch-created.drone-go-scm.json")) {
            return Objects.requireNonNull(in, "test delivery").readAllBytes();
        }
    }

    private HttpResponse<String> deliver(String path, byte[] body, String secret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(j.getURL() + path))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + hmacSha256(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String hmacSha256(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** Waits until the webhook index lets the job use every provider again (the index is rebuilt on a timer). */
    private static void awaitAllowed(String job) throws InterruptedException {
        long deadline = System.currentTimeMillis() + BUILD_WAIT_MILLIS;
        while (WebhookJobs.get().subscriptions().stream()
                        .noneMatch(s ->
                                s.jobId().equals(job) && s.deniedProviders().isEmpty())
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Waits for the build that the delivery scheduled in the background; fails if none starts within a minute. */
    private <J extends Job<J, R>, R extends Run<J, R>> R firstBuildOf(J job) throws InterruptedException {
        long deadline = System.currentTimeMillis() + BUILD_WAIT_MILLIS;
        while (job.getLastBuild() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        R build = job.getLastBuild();
        assertThat("a build of " + job.getFullName() + " was scheduled", build, notNullValue());
        return j.waitForCompletion(build);
    }

    @Test
    public void shouldBuildTheWatchingJobForASignedDeliveryWithCauseAndVariables() throws Exception {
        // Given a job watching the repository through provider github, and one watching another repository
        FreeStyleProject project = watchingJob("drone-ci");
        FreeStyleProject other = j.createFreeStyleProject("other");
        other.addTrigger(new GitProviderTrigger("https://github.com/octo/other"));

        // When GitHub delivers the signed push, without any crumb
        HttpResponse<String> response = deliver("git-providers-webhook/", push(), SECRET);

        // Then Jenkins accepts it at once and tells how many jobs it triggers, without naming them
        assertThat(response.body(), response.statusCode(), is(202));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), containsString("application/json"));
        assertThat(response.body(), containsString("\"triggered\":1"));
        assertThat(response.body(), not(containsString("drone-ci")));
        assertThat(response.body(), containsString("\"event\":\"BRANCH_CREATED\""));

        // And the job is built with a cause naming the provider, event, sender and commit, and the variables
        FreeStyleBuild build = firstBuildOf(project);
        j.assertBuildStatusSuccess(build);
        GitProviderCause cause = build.getCause(GitProviderCause.class);
        assertThat(cause, notNullValue());
        assertThat(
                cause.getShortDescription(),
                equalTo("Started by Git provider github: branch created in"
                        + " bradrydzewski/drone-test-go feature-branch by bradrydzewski (commit d2b75aa)"));
        CaptureEnvironmentBuilder capture = project.getBuildersList().get(CaptureEnvironmentBuilder.class);
        assertThat(capture.getEnvVars().get("GIT_PROVIDER"), equalTo("github"));
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_EVENT"), equalTo("BRANCH_CREATED"));
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_REPOSITORY"), equalTo("bradrydzewski/drone-test-go"));
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_REF"), equalTo("refs/heads/feature-branch"));
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_COMMIT"), equalTo(COMMIT));
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_PR"), nullValue());

        // And the checkout step can read the event back from the build
        GitProviderEventAction action = build.getAction(GitProviderEventAction.class);
        WebhookEvent event = action.getWebhookEvent();
        assertThat(action.getProviderName(), equalTo("github"));
        assertThat(event.kind(), is(EventKind.BRANCH_CREATED));
        assertThat(event.headCommit() != null ? event.headCommit() : event.after(), equalTo(COMMIT));

        // And the other job was not built, and the delivery is listed for administrators
        assertThat(other.getLastBuild(), nullValue());
        DeliveryRecord recorded = WebhookJobs.get().recentDeliveries().get(0);
        assertThat(recorded.status(), is(202));
        assertThat(recorded.triggered(), contains("drone-ci"));
        HtmlPage page = j.createWebClient().goTo("manage/git-providers");
        assertThat(
                page.getElementById("git-providers-deliveries").asNormalizedText(),
                containsString("github.com/bradrydzewski/drone-test-go"));
    }

    @Test
    public void shouldBuildAPipelineWithTheEventInItsEnvironment() throws Exception {
        // Given a Pipeline with the trigger
        WorkflowJob pipeline = j.jenkins.createProject(WorkflowJob.class, "pipeline");
        pipeline.setDefinition(new CpsFlowDefinition(
                "echo \"event=${env.GIT_PROVIDER_EVENT} commit=${env.GIT_PROVIDER_COMMIT}\"", true));
        GitProviderTrigger trigger = new GitProviderTrigger("https://github.com/bradrydzewski/drone-test-go.git");
        trigger.setBranchIncludes("feature-*");
        pipeline.addTrigger(trigger);

        // When the signed push arrives, naming the provider in the address
        HttpResponse<String> response = deliver("git-providers-webhook/github", push(), SECRET);

        // Then the Pipeline runs with the event's variables
        assertThat(response.body(), response.statusCode(), is(202));
        WorkflowRun run = firstBuildOf(pipeline);
        j.assertBuildStatusSuccess(run);
        j.assertLogContains("event=BRANCH_CREATED commit=" + COMMIT, run);
    }

    @Test
    public void shouldTriggerNoJobThatMayNotUseTheProvider() throws Exception {
        // Given a provider allowed to the jobs in team-a, a job there watching the repository from any provider in a
        // folder that allows only another provider, and a top-level job the provider's allowed jobs leave out
        GitProvider github =
                GitProvidersConfiguration.get().findProvider("github").orElseThrow();
        github.setAllowedItems("team-a/**");
        GitProvidersConfiguration.get().setProviders(List.of(github));
        MockFolder folder = j.createFolder("team-a");
        FolderProviderRules.get().set("team-a", "gitlab");
        FreeStyleProject inFolder = folder.createProject(FreeStyleProject.class, "drone-ci");
        inFolder.getBuildersList().add(new CaptureEnvironmentBuilder());
        inFolder.addTrigger(new GitProviderTrigger("https://github.com/bradrydzewski/drone-test-go"));
        FreeStyleProject outside = watchingJob("outside");

        // And the trigger's form says so when the job names the provider
        FormValidation check = j.jenkins
                .getDescriptorByType(GitProviderTrigger.DescriptorImpl.class)
                .doCheckProvider(inFolder, "github");
        assertThat(check.kind, is(FormValidation.Kind.ERROR));
        // (the message is HTML-escaped, quotes included)
        assertThat(check.getMessage(), containsString("may not be used by &#039;team-a/drone-ci&#039;: the folder"));

        // When the signed push arrives
        HttpResponse<String> refused = deliver("git-providers-webhook/", push(), SECRET);

        // Then neither is triggered, and Jenkins keeps the reason for each
        assertThat(refused.body(), refused.statusCode(), is(202));
        assertThat(refused.body(), containsString("\"triggered\":0"));
        assertThat(refused.body(), not(containsString("drone-ci")));
        Map<String, String> reasons = WebhookJobs.get().recentDeliveries().get(0).skipped().stream()
                .collect(Collectors.toMap(RoutingResult.Skip::job, RoutingResult.Skip::reason));
        assertThat(
                reasons.get("team-a/drone-ci"),
                equalTo("may not use provider 'github': the Git providers of folder 'team-a' leave the job out"));
        assertThat(
                reasons.get("outside"),
                equalTo("may not use provider 'github': the provider's allowed jobs and folders leave the job out"));

        // When the folder allows the provider (a changed limit re-reads the triggers, in the background) and the next
        // push comes
        FolderProviderRules.get().set("team-a", "GitHub");
        awaitAllowed("team-a/drone-ci");
        byte[] nextPush = SignedDeliveries.edit(push(), root -> {
            root.put("after", "e".repeat(40));
            ((ObjectNode) root.get("head_commit")).put("id", "e".repeat(40));
        });
        HttpResponse<String> allowed = deliver("git-providers-webhook/", nextPush, SECRET);

        // Then the job in the folder is built; the top-level job stays outside the provider's allowed jobs
        assertThat(allowed.body(), containsString("\"triggered\":1"));
        j.assertBuildStatusSuccess(firstBuildOf(inFolder));
        assertThat(outside.getLastBuild(), nullValue());
    }

    @Test
    public void shouldRedirectTheAddressWithoutTheTrailingSlashAsTheDocsSay() throws Exception {
        // Stapler sends every address of an object without its trailing slash to the address with it, before any web
        // method of the object runs; hosts do not follow a redirect of a POST, so the docs ask for the slash.
        FreeStyleProject project = watchingJob("drone-ci");

        HttpResponse<String> response = deliver("git-providers-webhook", push(), SECRET);

        assertThat(response.statusCode(), is(302));
        assertThat(response.headers().firstValue("Location").orElse(""), endsWith("/jenkins/git-providers-webhook/"));
        assertThat(WebhookJobs.get().recentDeliveries(), empty());
        assertThat(project.getLastBuild(), nullValue());
    }

    @Test
    public void shouldTriggerNothingForABadSignature() throws Exception {
        FreeStyleProject project = watchingJob("drone-ci");

        HttpResponse<String> response = deliver("git-providers-webhook/", push(), "another secret");

        assertThat(response.statusCode(), is(401));
        assertThat(response.body(), equalTo(UNIFORM_401));
        assertThat(response.body(), not(containsString(SECRET)));
        // The refusal is decided before any routing, so nothing was handed to the background scheduler.
        assertThat(j.jenkins.getQueue().getItems().length, is(0));
        assertThat(project.getLastBuild(), nullValue());
        // Kept apart from the verified deliveries, with the reason for Jenkins
        assertThat(WebhookJobs.get().recentDeliveries(), empty());
        assertThat(WebhookJobs.get().refusedDeliveries().get(0).status(), is(401));
        assertThat(WebhookJobs.get().refusedDeliveries().get(0).message(), containsString("github"));
    }

    @Test
    public void shouldNeedNoCrumbOnTheWebhookPathOnly() throws Exception {
        watchingJob("drone-ci");

        // A crumb-less POST anywhere else is refused by CSRF protection
        HttpResponse<String> elsewhere = http.send(
                HttpRequest.newBuilder(URI.create(j.getURL() + "job/drone-ci/build"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode(), is(403));

        // while the same kind of request to the webhook path reaches the receiver (a wrong signature there is a 401)
        HttpResponse<String> webhook = deliver("git-providers-webhook/", push(), "wrong");
        assertThat(webhook.statusCode(), is(401));
        HttpResponse<String> named = deliver("git-providers-webhook/github", push(), "wrong");
        assertThat(named.statusCode(), is(401));
    }

    @Test
    public void shouldAnswerTheUniform401ForAnInactiveProvider() throws Exception {
        // An inactive provider is refused like every other failure before verification (it answered 409 before)
        FreeStyleProject project = watchingJob("drone-ci");
        configureProvider(false);

        HttpResponse<String> response = deliver("git-providers-webhook/", push(), SECRET);

        assertThat(response.statusCode(), is(401));
        assertThat(response.body(), equalTo(UNIFORM_401));
        assertThat(project.getLastBuild(), nullValue());
        assertThat(WebhookJobs.get().refusedDeliveries().get(0).message(), containsString("inactive"));
    }

    @Test
    public void shouldAnswer405ToAnythingButPost() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(j.getURL() + "git-providers-webhook/"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode(), is(405));
        assertThat(response.headers().firstValue("Allow").orElse(""), equalTo("POST"));
        assertThat(WebhookJobs.get().recentDeliveries(), empty());
    }

    @Test
    public void shouldAnswerTheUniform401ForAnUnknownProviderInTheAddress() throws Exception {
        // It answered 404 naming the provider before: a caller learnt which names exist
        HttpResponse<String> response = deliver("git-providers-webhook/gitlab", push(), SECRET);

        assertThat(response.statusCode(), is(401));
        assertThat(response.body(), equalTo(UNIFORM_401));
        assertThat(WebhookJobs.get().refusedDeliveries().get(0).message(), containsString("gitlab"));
    }

    @Test
    public void shouldFollowARenamedJobAndForgetADeletedOne() throws Exception {
        // Given a watching job that is renamed
        FreeStyleProject project = watchingJob("drone-ci");
        project.renameTo("renamed-ci");

        // Then a delivery triggers it under its new name
        HttpResponse<String> response = deliver("git-providers-webhook/", push(), SECRET);
        assertThat(response.body(), containsString("\"triggered\":1"));
        assertThat(WebhookJobs.get().recentDeliveries().get(0).triggered(), contains("renamed-ci"));
        j.assertBuildStatusSuccess(firstBuildOf(project));
        assertThat(GitProviderUsage.allJobsUsing("GitHub"), contains("renamed-ci"));

        // And once deleted, it no longer uses the provider
        project.delete();
        assertThat(GitProviderUsage.allJobsUsing("github"), empty());
        assertThat(WebhookJobs.get().indexedJobCount(), is(0));
    }

    @Test
    public void shouldKeepTheTriggerThroughTheConfigurationForm() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("configured");
        GitProviderTrigger trigger = new GitProviderTrigger("bradrydzewski/drone-test-go");
        trigger.setProvider("github");
        trigger.setBranchIncludes("main release/*");
        trigger.setBranchExcludes("release/old-*");
        trigger.setTagIncludes("v*");
        trigger.setTagExcludes("v*-rc*");
        trigger.setEvents("BRANCH_PUSH, TAG_PUSH");
        trigger.setForkPullRequests("Trusted");
        project.addTrigger(trigger);

        j.configRoundtrip(project);

        GitProviderTrigger after = project.getTrigger(GitProviderTrigger.class);
        j.assertEqualDataBoundBeans(trigger, after);
        assertThat(after.getForkPullRequests(), equalTo("trusted"));
        assertThat(WebhookJobs.get().indexedJobCount(), is(1));
    }

    @Test
    public void shouldRefuseEveryUnverifiedRequestWithOneBodyAndListThemApart() throws Exception {
        // Given an active provider, an inactive one and one without a secret
        watchingJob("drone-ci");
        GitHubProvider github = new GitHubProvider("github");
        github.setCredentialsId("github-token");
        github.setWebhookSecretCredentialsId("github-hook");
        GitHubProvider old = new GitHubProvider("Old-GitHub");
        old.setCredentialsId("github-token");
        old.setWebhookSecretCredentialsId("github-hook");
        old.setActive(false);
        GitHubProvider unset = new GitHubProvider("Unset-GitHub");
        unset.setCredentialsId("github-token");
        GitProvidersConfiguration.get().setProviders(List.of(github, old, unset));

        // When requests fail verification for every reason a caller could probe
        List<HttpResponse<String>> answers = List.of(
                deliver("git-providers-webhook/nobody", push(), SECRET),
                deliver("git-providers-webhook/", push(), "guessed secret"),
                deliver("git-providers-webhook/Old-GitHub", push(), SECRET),
                deliver("git-providers-webhook/Unset-GitHub", push(), SECRET),
                deliver("git-providers-webhook/a/b", push(), SECRET));

        // Then each gets the same 401, naming nothing configured, and the connection is closed
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.uri().toString(), answer.statusCode(), is(401));
            assertThat(answer.body(), equalTo(UNIFORM_401));
            assertThat(answer.headers().firstValue("Connection").orElse(""), equalTo("close"));
        }
        // And the Git Providers page lists them apart from the deliveries, each with its reason
        assertThat(WebhookJobs.get().recentDeliveries(), empty());
        assertThat(WebhookJobs.get().refusedCount(), is(5L));
        HtmlPage page = j.createWebClient().goTo("manage/git-providers");
        assertThat(page.getElementById("git-providers-deliveries"), nullValue());
        String refused = page.getElementById("git-providers-refused").asNormalizedText();
        assertThat(refused, containsString("'nobody'"));
        assertThat(refused, containsString("Old-GitHub"));
        assertThat(refused, containsString("Unset-GitHub"));
        assertThat(refused, containsString("at most one provider name"));
        assertThat(page.asNormalizedText(), containsString("5 requests were refused before verification"));
        assertThat(page.getWebResponse().getContentAsString(), not(containsString(SECRET)));
    }

    @Test
    public void shouldRefuseADeclaredOversizedBodyBeforeReadingIt() throws Exception {
        // Given a request that declares a 30 MiB body, more than GitHub ever sends, and sends none of it
        URL url = j.getURL();
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + url.getPath() + "git-providers-webhook/ HTTP/1.1\r\n"
                    + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "X-GitHub-Event: push\r\n"
                    + "Content-Length: " + (30L << 20) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            // Then Jenkins answers 413 from the headers alone, without waiting for the body, and closes the connection
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer, startsWith("HTTP/1.1 413"));
            assertThat(answer.toLowerCase(Locale.ROOT), containsString("connection: close"));
        }
    }

    @Test
    public void shouldBuildPullRequestsFromForksOnlyAsEachTriggerAllows() throws Exception {
        // Given three jobs watching pull requests, one per fork policy
        FreeStyleProject never = pullRequestJob("pr-never", null);
        FreeStyleProject trusted = pullRequestJob("pr-trusted", "trusted");
        FreeStyleProject always = pullRequestJob("pr-always", "always");

        // When a pull request from a fork by an author GitHub does not vouch for is opened
        HttpResponse<String> untrusted =
                deliver("git-providers-webhook/", "pull_request", forkPullRequest(11, "NONE", "1"), SECRET);

        // Then only the job that builds every fork is triggered; the host learns why two were not, but not which
        assertThat(untrusted.body(), untrusted.statusCode(), is(202));
        assertThat(untrusted.body(), containsString("\"triggered\":1"));
        assertThat(untrusted.body(), containsString("fork"));
        assertThat(untrusted.body(), not(containsString("pr-")));
        DeliveryRecord record = WebhookJobs.get().recentDeliveries().get(0);
        assertThat(record.triggered(), contains("pr-always"));
        assertThat(record.skipped().stream().map(skip -> skip.job()).toList(), contains("pr-never", "pr-trusted"));
        FreeStyleBuild fromFork = firstBuildOf(always);
        CaptureEnvironmentBuilder capture = always.getBuildersList().get(CaptureEnvironmentBuilder.class);
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_PR_FROM_FORK"), equalTo("true"));
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_PR"), equalTo("11"));
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_REF"), equalTo("refs/pull/11/head"));
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_SOURCE_BRANCH"), equalTo("master"));
        assertThat(capture.getEnvVars().get("GIT_PROVIDER_TARGET_BRANCH"), equalTo("bradrydzewski-patch-1"));
        j.assertBuildStatusSuccess(fromFork);

        // When a collaborator opens one from a fork
        HttpResponse<String> vouched =
                deliver("git-providers-webhook/", "pull_request", forkPullRequest(12, "COLLABORATOR", "2"), SECRET);

        // Then the trusted job builds it too, and the default never builds a fork
        assertThat(vouched.body(), containsString("\"triggered\":2"));
        assertThat(WebhookJobs.get().recentDeliveries().get(0).triggered(), contains("pr-always", "pr-trusted"));
        j.assertBuildStatusSuccess(firstBuildOf(trusted));
        assertThat(never.getLastBuild(), nullValue());
    }

    private FreeStyleProject pullRequestJob(String name, String forkPullRequests) throws IOException {
        FreeStyleProject project = j.createFreeStyleProject(name);
        project.getBuildersList().add(new CaptureEnvironmentBuilder());
        GitProviderTrigger trigger = new GitProviderTrigger("bradrydzewski/drone-test-go");
        trigger.setProvider("github");
        trigger.setEvents("PULL_REQUEST_OPENED");
        trigger.setForkPullRequests(forkPullRequests);
        project.addTrigger(trigger);
        return project;
    }

    /** The recorded pull request, opened from a fork by an author of the given association, at its own commit. */
    private static byte[] forkPullRequest(int number, String association, String commitDigit) {
        String head = commitDigit.repeat(40);
        return SignedDeliveries.edit(
                SignedDeliveries.fixture("github/webhook/pull_request-opened.drone-go-scm.json"), root -> {
                    root.put("number", number);
                    ObjectNode pull = (ObjectNode) root.get("pull_request");
                    pull.put("number", number);
                    pull.put("author_association", association);
                    ObjectNode headNode = (ObjectNode) pull.get("head");
                    headNode.put("sha", head);
                    ((ObjectNode) headNode.get("repo")).put("full_name", "mallory/drone-test-go");
                });
    }

    private HttpResponse<String> deliver(String path, String event, byte[] body, String secret) throws Exception {
        return SignedDeliveries.deliver(j.getURL(), path, event, body, secret);
    }
}
