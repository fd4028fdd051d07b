package io.jenkins.plugins.gitproviders.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import hudson.model.Item;
import hudson.model.Result;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.gitproviders.config.GitHubProvider;
import io.jenkins.plugins.gitproviders.config.GitLabSelfManagedProvider;
import io.jenkins.plugins.gitproviders.config.GitProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.config.GiteaProvider;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * Covers {@code gitProvider}, the Snippet Generator support of both steps (generated Groovy, form binding, the provider
 * drop-down and its permission check) and the refusal to delete a provider that builds used.
 */
public class GitProviderStepITest {
    @Rule
    public final JenkinsRule j = new JenkinsRule();

    @Before
    public void setUp() {
        GitProvider github = new GitHubProvider("GitHub");
        github.setCredentialsId("github-token");
        github.setScope("acme");
        GitProvider gitlab = new GitLabSelfManagedProvider("Team GitLab");
        gitlab.setServerUrl("https://gitlab.example.com");
        gitlab.setCredentialsId("gitlab-token");
        gitlab.setSshCredentialsId("gitlab-key");
        gitlab.setUsername("ci");
        gitlab.setWebhookSecretCredentialsId("gitlab-hook-secret");
        GitProvider old = new GiteaProvider("Old Gitea");
        old.setServerUrl("https://gitea.example.com");
        old.setCredentialsId("gitea-token");
        old.setActive(false);
        GitProvidersConfiguration configuration = GitProvidersConfiguration.get();
        configuration.setProviders(List.of(github, old, gitlab));
        configuration.setDefaultProvider("Team GitLab");
    }

    @Test
    public void shouldReturnThePublicDataOfTheDefaultAndANamedProvider() throws Exception {
        WorkflowRun run = j.assertBuildStatusSuccess(pipeline("p", """
                def d = gitProvider()
                echo "default=${d.name} type=${d.type} typeName=${d.typeName} api=${d.apiUrl} ssh=${d.sshCredentialsId} user=${d.username} isDefault=${d.isDefault}"
                def g = gitProvider('github')
                echo "named=${g.name} server=${g.serverUrl} scope=${g.scope} credentialsId=${g.credentialsId} isDefault=${g.isDefault}"
                echo "keys=${g.keySet()}"
                """).scheduleBuild2(0));

        j.assertLogContains(
                "default=Team GitLab type=gitLabSelfManaged typeName=GitLab self-managed"
                        + " api=https://gitlab.example.com/api/v4 ssh=gitlab-key user=ci isDefault=true",
                run);
        j.assertLogContains(
                "named=GitHub server=https://github.com scope=acme credentialsId=github-token" + " isDefault=false",
                run);
        j.assertLogContains(
                "keys=[name, type, typeName, serverUrl, apiUrl, scope, username, credentialsId,"
                        + " sshCredentialsId, isDefault]",
                run);
        j.assertLogNotContains("gitlab-hook-secret", run);
        assertThat(
                UsageRecords.get().jobsUsing("Team GitLab"),
                contains(run.getParent().getFullName()));
        assertThat(
                UsageRecords.get().jobsUsing("GitHub"), contains(run.getParent().getFullName()));
    }

    @Test
    public void shouldFailWithTheRegistrysMessageForAnInactiveOrUnknownProvider() throws Exception {
        WorkflowRun inactive = j.assertBuildStatus(
                Result.FAILURE, pipeline("inactive", "gitProvider 'Old Gitea'").scheduleBuild2(0));
        j.assertLogContains("The Git provider 'Old Gitea' is inactive.", inactive);
        j.assertLogNotContains("\tat ", inactive);

        WorkflowRun unknown = j.assertBuildStatus(
                Result.FAILURE,
                pipeline("unknown", "gitProvider name: 'Team GitLub'").scheduleBuild2(0));
        j.assertLogContains("No Git provider is named 'Team GitLub'. Did you mean 'Team GitLab'?", unknown);
        j.assertLogNotContains("\tat ", unknown);

        // Names ignore case and surrounding spaces.
        j.assertBuildStatusSuccess(
                pipeline("case", "gitProvider name: ' team gitlab '").scheduleBuild2(0));
    }

    @Test
    public void shouldGenerateGroovyThatBindsBackToTheSameStep() throws Exception {
        GitProviderCheckoutStep step = new GitProviderCheckoutStep();
        step.setProvider("Team GitLab");
        step.setRepository("platform/infra/tools");
        step.setRef("v2.3.1");
        step.setDepth(1);
        step.setTimeout(5);

        String groovy = Snippetizer.object2Groovy(step);

        assertThat(groovy, containsString("gitProviderCheckout "));
        assertThat(groovy, containsString("provider: 'Team GitLab'"));
        assertThat(groovy, containsString("repository: 'platform/infra/tools'"));
        assertThat(groovy, containsString("ref: 'v2.3.1'"));
        assertThat(groovy, containsString("depth: 1"));
        assertThat(groovy, containsString("timeout: 5"));
        StepDescriptor descriptor = j.jenkins.getDescriptorByType(GitProviderCheckoutStep.DescriptorImpl.class);
        GitProviderCheckoutStep copy =
                (GitProviderCheckoutStep) descriptor.newInstance(descriptor.defineArguments(step));
        j.assertEqualDataBoundBeans(step, copy);
        assertThat(Snippetizer.object2Groovy(new GitProviderStep("GitHub")), is("gitProvider 'GitHub'"));
        assertThat(Snippetizer.object2Groovy(new GitProviderCheckoutStep()), startsWith("gitProviderCheckout"));
    }

    @Test
    public void shouldBindTheSnippetGeneratorFormLeavingEmptyFieldsOut() throws Exception {
        String json = "{\"stapler-class\": \"" + GitProviderCheckoutStep.class.getName() + "\", \"$class\": \""
                + GitProviderCheckoutStep.class.getName() + "\", \"provider\": \"\", \"repository\": \"acme/payments\","
                + " \"ref\": \"\", \"depth\": \"\", \"timeout\": \"\"}";
        WebRequest request = new WebRequest(new URL(j.getURL(), "pipeline-syntax/generateSnippet"), HttpMethod.POST);
        request.setRequestParameters(List.of(
                new org.htmlunit.util.NameValuePair("json", json),
                new org.htmlunit.util.NameValuePair(
                        j.jenkins.getCrumbIssuer().getDescriptor().getCrumbRequestField(),
                        j.jenkins.getCrumbIssuer().getCrumb())));

        WebResponse response = j.createWebClient().getPage(request).getWebResponse();

        assertThat(response.getContentAsString().trim(), is("gitProviderCheckout repository: 'acme/payments'"));
    }

    @Test
    public void shouldOfferActiveProvidersDefaultFirstToThoseWhoMayConfigureTheJob() throws Exception {
        WorkflowJob job = pipeline("p", "echo 'hi'");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("dev")
                .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ)
                .everywhere()
                .to("viewer"));
        GitProviderCheckoutStep.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(GitProviderCheckoutStep.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as2(userAuth("dev"))) {
            ListBoxModel items = descriptor.doFillProviderItems(job);
            assertThat(
                    items.stream().map(o -> o.name).toList(), contains("(default provider)", "Team GitLab", "GitHub"));
            assertThat(items.get(0).value, is(""));
        }
        try (ACLContext ignored = ACL.as2(userAuth("viewer"))) {
            assertThat(descriptor.doFillProviderItems(job), is(empty()));
        }
    }

    @Test
    public void shouldRefuseToDeleteAProviderTheLastBuildOfAJobUsed() throws Exception {
        j.assertBuildStatusSuccess(
                pipeline("payments-build", "gitProvider 'GitHub'").scheduleBuild2(0));
        GitProvidersConfiguration configuration = GitProvidersConfiguration.get();
        GitProvider gitlab = configuration.findProvider("Team GitLab").orElseThrow();

        IllegalArgumentException refused = org.junit.Assert.assertThrows(
                IllegalArgumentException.class, () -> configuration.setProviders(List.of(gitlab)));

        assertThat(refused.getMessage(), containsString("payments-build"));
        assertThat(UsageRecords.get().jobsUsing("GitHub"), contains("payments-build"));
        assertThat(UsageRecords.get().jobsUsing("Team GitLab"), is(empty()));
    }

    private static org.springframework.security.core.Authentication userAuth(String id) {
        return hudson.model.User.getById(id, true).impersonate2();
    }

    private WorkflowJob pipeline(String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }
}
