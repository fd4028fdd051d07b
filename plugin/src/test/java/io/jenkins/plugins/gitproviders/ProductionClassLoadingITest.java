package io.jenkins.plugins.gitproviders;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.util.Secret;
import io.jenkins.plugins.gitproviders.config.GitHubEnterpriseProvider;
import io.jenkins.plugins.gitproviders.config.GitHubProvider;
import io.jenkins.plugins.gitproviders.config.GitLabSelfManagedProvider;
import io.jenkins.plugins.gitproviders.config.GitProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.core.client.Diagnosis;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.diagnostics.ConnectionDiagnostics;
import io.jenkins.plugins.gitproviders.webhook.GitProviderTrigger;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.RealJenkinsRule;

/**
 * Runs the plugin as production does: a separate Jenkins JVM started from the war, the plugin loaded by its own
 * plugin class loader from its manifest (the same {@code WEB-INF/lib} as the .hpi: our core jar only), every library
 * (github-api, GitLab4J with Jersey and Apache HttpClient, Jackson) from its library plugin. A class that no declared
 * plugin dependency provides, or a wrong dependency scope, fails here while {@link JenkinsRule}'s flat class path
 * would hide it. Checked: Test connection for GitHub Enterprise and GitLab against recorded hosts on loopback, and a
 * signed webhook delivery through HTTP that builds the watching job.
 */
public class ProductionClassLoadingITest {
    private static final String TOKEN = "glpat-production-classloading-1234";
    private static final String SECRET = "production-webhook-secret";

    @Rule
    public RealJenkinsRule rr = new RealJenkinsRule();

    @Rule
    public RecordedApi github = new RecordedApi();

    @Rule
    public RecordedApi gitlab = new RecordedApi();

    @Test
    public void shouldTestConnectionsAndBuildFromAWebhookWithThePluginsOwnClassLoaders() throws Throwable {
        String gheApi = serveGitHubEnterprise(github);
        String labApi = serveGitLabSelfManaged(gitlab);
        rr.startJenkins();
        try {
            rr.runRemotely(ProductionClassLoadingITest::configure, gheApi, labApi);

            String gitHubResult = rr.runRemotely(ProductionClassLoadingITest::diagnose, "ghe");
            String gitLabResult = rr.runRemotely(ProductionClassLoadingITest::diagnose, "gitlab");
            int status = deliverSignedPush(rr.getUrl() + "git-providers-webhook/");
            String build = rr.runRemotely(ProductionClassLoadingITest::firstBuild);

            assertThat(gitHubResult, is("failed=false owner=bitwiseman"));
            assertThat(gitLabResult, containsString("failed=false owner="));
            assertThat(status, is(202));
            assertThat(build, containsString("GIT_PROVIDER_REPOSITORY=bradrydzewski/drone-test-go"));
        } finally {
            rr.stopJenkins();
        }
    }

    /** Serves a GitHub Enterprise API on which every check passes (token of bitwiseman); returns its API URL. */
    private static String serveGitHubEnterprise(RecordedApi api) throws IOException {
        api.onFixture("GET /user", "github/api/user.200.classic-token.many-scopes.json")
                .onFixture("GET /orgs/hub4j-test-org", "github/api/orgs.200.json")
                .on(
                        "GET /orgs/hub4j-test-org/repos",
                        200,
                        RecordedApi.JSON,
                        RecordedApi.coreTestResource("github/orgs-hub4j-test-org-repos.json"));
        return api.url();
    }

    /** Serves a GitLab self-managed API on which every check passes; returns its API URL. */
    private static String serveGitLabSelfManaged(RecordedApi api) throws IOException {
        String group = "/api/v4/groups/platform%2Finfra";
        Map<String, String> rateLimit = Map.of(
                "Content-Type", "application/json",
                "RateLimit-Limit", "600",
                "RateLimit-Remaining", "599",
                "RateLimit-Reset", "1512454441");
        Map<String, String> onePage = Map.of(
                "Content-Type", "application/json",
                "X-Page", "1",
                "X-Per-Page", "100",
                "X-Total", "3",
                "X-Total-Pages", "1");
        api.on("GET /api/v4/version", 200, rateLimit, RecordedApi.coreTestResource("gitlab/version.json"))
                .onFixture("GET /api/v4/user", "gitlab/api/user.drone-go-scm.json")
                .onFixture(
                        "GET /api/v4/personal_access_tokens/self",
                        "gitlab/api/personal_access_tokens_self.go-gitlab.json")
                .on(
                        "GET " + group,
                        200,
                        RecordedApi.JSON,
                        RecordedApi.coreTestResource("gitlab/groups.platform-infra.json"))
                .on(
                        "GET " + group + "/projects",
                        200,
                        onePage,
                        RecordedApi.coreTestResource("gitlab/groups-projects.json"));
        return api.url() + "/api/v4";
    }

    private static void configure(JenkinsRule r, String gheApi, String labApi) throws Throwable {
        SystemCredentialsProvider credentials = SystemCredentialsProvider.getInstance();
        credentials.getCredentials().add(text("token", TOKEN));
        credentials.getCredentials().add(text("hook", SECRET));
        credentials.save();
        GitHubEnterpriseProvider ghe = new GitHubEnterpriseProvider("ghe");
        ghe.setServerUrl("https://ghe.example.invalid");
        ghe.setApiUrl(gheApi);
        ghe.setScope("hub4j-test-org");
        ghe.setCredentialsId("token");
        ghe.setAllowOutsideScope(true);
        GitLabSelfManagedProvider gitlab = new GitLabSelfManagedProvider("gitlab");
        gitlab.setServerUrl("https://gitlab.example.invalid");
        gitlab.setApiUrl(labApi);
        gitlab.setScope("platform/infra");
        gitlab.setCredentialsId("token");
        GitHubProvider github = new GitHubProvider("github");
        github.setCredentialsId("token");
        github.setWebhookSecretCredentialsId("hook");
        // The delivery names a real github.com repository: no build status may be sent there from a test.
        github.setStatusReporting(false);
        List<GitProvider> providers = List.of(github, ghe, gitlab);
        GitProvidersConfiguration.get().setProviders(providers);
        r.jenkins.setQuietPeriod(0);
        FreeStyleProject job = r.createFreeStyleProject("watching");
        GitProviderTrigger trigger = new GitProviderTrigger("bradrydzewski/drone-test-go");
        trigger.setProvider("github");
        job.addTrigger(trigger);
        job.save();
    }

    private static String diagnose(JenkinsRule r, String name) {
        ProviderSpec spec =
                GitProvidersConfiguration.get().findProvider(name).orElseThrow().toSpec();
        Diagnosis diagnosis = ConnectionDiagnostics.diagnose(spec);
        return "failed=" + diagnosis.failed() + " owner=" + diagnosis.owner().orElse("?");
    }

    private static String firstBuild(JenkinsRule r) throws Exception {
        FreeStyleProject job = r.jenkins.getItemByFullName("watching", FreeStyleProject.class);
        long deadline = System.currentTimeMillis() + 60_000;
        while (Objects.requireNonNull(job).getLastBuild() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        FreeStyleBuild build = r.waitForCompletion(Objects.requireNonNull(job.getLastBuild(), "no build"));
        return "result=" + build.getResult() + " GIT_PROVIDER_REPOSITORY="
                + build.getEnvironment(hudson.model.TaskListener.NULL).get("GIT_PROVIDER_REPOSITORY");
    }

    private static int deliverSignedPush(String url) throws Exception {
        byte[] body;
        try (InputStream in = ProductionClassLoadingITest.class.getResourceAsStream(
                "webhook/push-branch-created.drone-go-scm.json")) {
            body = Objects.requireNonNull(in, "test delivery").readAllBytes();
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", "production-classloading-1")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static StringCredentialsImpl text(String id, String secret) {
        return new StringCredentialsImpl(CredentialsScope.GLOBAL, id, id, Secret.fromString(secret));
    }
}
