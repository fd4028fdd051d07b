package io.jenkins.plugins.gitproviders.status;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.jenkins.plugins.gitproviders.config.GitHubEnterpriseProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.steps.GitProviderCheckoutStep;
import io.jenkins.plugins.gitproviders.steps.GitProviderStatusStep;
import io.jenkins.plugins.gitproviders.webhook.GitProviderTrigger;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.WebConnectionWrapper;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/** The build status options in Jenkins' forms: Test connection, the trigger, and both steps' Pipeline syntax. */
public class StatusFormsITest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    /**
     * The provider form's Test connection button sends the Report build status checkbox as {@code true} or
     * {@code false} (Jenkins' validateButton reads a checkbox's {@code checked}), which decides whether the status
     * scopes are checked.
     */
    @Test
    public void shouldSendTheReportBuildStatusCheckboxWithTestConnection() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "t", "token", Secret.fromString("x")));
        GitHubEnterpriseProvider ghe = new GitHubEnterpriseProvider("ghe");
        // Nothing listens there: the test looks at what the browser sends, not at the diagnosis.
        ghe.setServerUrl("http://127.0.0.1:9");
        ghe.setCredentialsId("t");
        GitProvidersConfiguration.get().setProviders(List.of(ghe));
        JenkinsRule.WebClient wc = j.createWebClient();
        List<String> sent = new CopyOnWriteArrayList<>();
        new WebConnectionWrapper(wc) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                if (request.getUrl().getPath().endsWith("/testConnection")) {
                    sent.add(URLDecoder.decode(request.getRequestBody(), StandardCharsets.UTF_8));
                }
                return super.getResponse(request);
            }
        };
        HtmlPage page = wc.goTo("manage/configure");
        HtmlCheckBoxInput checkbox = page.getElementsByName("_.statusReporting").stream()
                .filter(HtmlCheckBoxInput.class::isInstance)
                .map(HtmlCheckBoxInput.class::cast)
                .findFirst()
                .orElseThrow();
        HtmlButton button = page.getByXPath("//button[normalize-space(.)='Test connection']").stream()
                .map(HtmlButton.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(checkbox.isChecked(), is(true));

        button.click();
        waitFor(sent, 1);
        checkbox.setChecked(false);
        button.click();
        waitFor(sent, 2);

        assertThat(sent.get(0), containsString("statusReporting=true"));
        assertThat(sent.get(1), containsString("statusReporting=false"));
        assertThat(sent.get(1), containsString("name=ghe"));
    }

    private void waitFor(List<String> sent, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (sent.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(sent, hasSize(count));
    }

    @Test
    public void shouldKeepTheTriggersStatusOptionsThroughTheConfigurationForm() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "app");
        GitProviderTrigger trigger = new GitProviderTrigger("acme/app");
        trigger.setStatusContext("nightly");
        trigger.setUnstableState("success");
        job.addTrigger(trigger);

        j.configRoundtrip(job);

        j.assertEqualDataBoundBeans(
                trigger, job.getTriggers().values().iterator().next());
    }

    @Test
    public void shouldWriteTheStepsWithTheirDefaultsLeftOut() {
        GitProviderStatusStep status = new GitProviderStatusStep("lint", "success");
        GitProviderStatusStep named = new GitProviderStatusStep("deploy", "pending");
        named.setDescription("to staging");
        named.setProvider("Gitea");
        named.setRepository("infra/payments");
        named.setCommit("d2b75aa7797ec26b088fa2dd527e9d2c052fcedd");
        GitProviderCheckoutStep checkout = new GitProviderCheckoutStep();
        checkout.setRepository("acme/tools");
        checkout.setReportStatus(false);
        checkout.setStatusContext("tools");
        checkout.setUnstableState("success");
        GitProviderCheckoutStep plain = new GitProviderCheckoutStep();
        plain.setRepository("acme/app");

        assertThat(Snippetizer.object2Groovy(status), is("gitProviderStatus context: 'lint', state: 'success'"));
        assertThat(
                Snippetizer.object2Groovy(named),
                is("gitProviderStatus commit: 'd2b75aa7797ec26b088fa2dd527e9d2c052fcedd', context: 'deploy',"
                        + " description: 'to staging', provider: 'Gitea', repository: 'infra/payments',"
                        + " state: 'pending'"));
        assertThat(
                Snippetizer.object2Groovy(checkout),
                is("gitProviderCheckout reportStatus: false, repository: 'acme/tools', statusContext: 'tools',"
                        + " unstableState: 'success'"));
        assertThat(Snippetizer.object2Groovy(plain), not(containsString("reportStatus")));
    }
}
