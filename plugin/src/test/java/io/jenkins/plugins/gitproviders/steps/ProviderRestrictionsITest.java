package io.jenkins.plugins.gitproviders.steps;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.Assert.assertThrows;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.gitproviders.access.FolderProviderRules;
import io.jenkins.plugins.gitproviders.config.GitProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import io.jenkins.plugins.gitproviders.config.GiteaProvider;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.RuleChain;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.FlagRule;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockFolder;

/**
 * Which jobs may use which provider, through the real steps: a folder's Git providers, a provider's allowed jobs and its
 * scope; who may see providers in the drop-downs; and who may pair a credential with a new address.
 */
public class ProviderRestrictionsITest {
    private static final String TOKEN = "restricted-token-value-0815";

    private final TemporaryFolder repositories = new TemporaryFolder();
    private final GitHttpServer server = new GitHttpServer(repositories::getRoot, "oauth2", TOKEN);
    private final JenkinsRule j = new JenkinsRule();

    @Rule
    public final RuleChain rules =
            RuleChain.outerRule(repositories).around(server).around(j);

    @Rule
    public FlagRule<Boolean> manage = new FlagRule<>(Jenkins.MANAGE::getEnabled, Jenkins.MANAGE::setEnabled, true);

    @Before
    public void setUp() throws Exception {
        TestRepository.create(repositories.getRoot(), "infra/payments");
        TestRepository.create(repositories.getRoot(), "other/payments");
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "gitea-token", "Gitea token", Secret.fromString(TOKEN)));
        SystemCredentialsProvider.getInstance().save();
        GitProvider teamB = gitea("Team B Gitea", null);
        teamB.setAllowedItems("team-b/**");
        GitProvidersConfiguration.get()
                .setProviders(List.of(gitea("Gitea", "infra"), teamB, gitea("Shared Gitea", null)));
    }

    private GitProvider gitea(String name, String scope) {
        GitProvider gitea = new GiteaProvider(name);
        gitea.setServerUrl(server.url());
        gitea.setCredentialsId("gitea-token");
        gitea.setScope(scope);
        return gitea;
    }

    private WorkflowJob pipeline(ItemGroup<?> parent, String name, String script) throws Exception {
        WorkflowJob job = parent instanceof MockFolder folder
                ? folder.createProject(WorkflowJob.class, name)
                : j.jenkins.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private WorkflowRun failure(WorkflowJob job) throws Exception {
        return j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));
    }

    @Test
    public void shouldLetAFolderLimitTheProvidersItsJobsMayUse() throws Exception {
        // Given a folder that allows the Gitea provider only
        MockFolder teamA = j.createFolder("team-a");
        FolderProviderRules.get().set("team-a", "gitea");
        MockFolder nested = teamA.createProject(MockFolder.class, "nested");

        // When its jobs, at any depth, use that provider and another one
        WorkflowRun allowed = j.buildAndAssertSuccess(pipeline(
                nested,
                "allowed",
                "node { def r = gitProviderCheckout provider: 'Gitea', repository: 'infra/payments'\n"
                        + "echo \"commit=${r.commit}\" }"));
        int requests = server.requests().size();
        WorkflowRun checkout = failure(pipeline(
                teamA,
                "checkout",
                "node { gitProviderCheckout provider: 'Shared Gitea', repository: 'infra/payments' }"));
        WorkflowRun named = failure(pipeline(nested, "named", "gitProvider 'Shared Gitea'"));

        // Then the allowed one works, the other is refused before anything is sent, naming provider and folder
        j.assertLogContains("commit=", allowed);
        j.assertLogContains(
                "Provider 'Shared Gitea' may not be used by 'team-a/checkout': the folder 'team-a'"
                        + " allows only the Git providers 'gitea' for the items inside it.",
                checkout);
        j.assertLogContains("Provider 'Shared Gitea' may not be used by 'team-a/nested/named'", named);
        j.assertLogNotContains("\tat ", checkout);
        assertThat(server.requests().size(), is(requests));
    }

    @Test
    public void shouldLetOnlyThoseWhoMayConfigureAFolderLimitItsProvidersOnItsPage() throws Exception {
        // Given
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("developer")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("viewer"));
        MockFolder teamA = j.createFolder("team-a");

        // When the developer limits the folder on its Git providers page
        JenkinsRule.WebClient developer = j.createWebClient().login("developer");
        HtmlForm form = developer.goTo("job/team-a/git-providers/").getFormByName("config");
        form.getInputByName("limit").setChecked(true);
        form.getTextAreaByName("providerNames").setText("Gitea\nShared Gitea");
        j.submit(form);

        // Then the rule holds, and a viewer can neither see nor change it
        assertThat(
                FolderProviderRules.get().ruleOf("team-a").orElseThrow().providerNames(),
                contains("Gitea", "Shared Gitea"));
        JenkinsRule.WebClient viewer = j.createWebClient().login("viewer");
        viewer.assertFails("job/team-a/git-providers/", 403);
        viewer.setThrowExceptionOnFailingStatusCode(false);
        WebRequest post = new WebRequest(
                new URL(j.getURL(), "job/team-a/git-providers/configSubmit?limit=false"), HttpMethod.POST);
        viewer.addCrumb(post);
        assertThat(viewer.getPage(post).getWebResponse().getStatusCode(), is(403));
        assertThat(FolderProviderRules.get().ruleOf("team-a").isPresent(), is(true));

        // And the rule follows the folder when it is renamed, and goes with it when it is deleted
        teamA.renameTo("team-x");
        assertThat(FolderProviderRules.get().ruleOf("team-a").isPresent(), is(false));
        assertThat(FolderProviderRules.get().ruleOf("team-x").isPresent(), is(true));
        teamA.delete();
        assertThat(FolderProviderRules.get().ruleOf("team-x").isPresent(), is(false));
    }

    @Test
    public void shouldLimitAProviderToItsAllowedJobs() throws Exception {
        WorkflowRun outside = failure(pipeline(j.jenkins, "deploy", "gitProvider 'Team B Gitea'"));
        MockFolder teamB = j.createFolder("team-b");
        WorkflowRun inside =
                j.buildAndAssertSuccess(pipeline(teamB, "deploy", "echo \"name=${gitProvider('Team B Gitea').name}\""));

        j.assertLogContains(
                "Provider 'Team B Gitea' may not be used by 'deploy': it is restricted to the jobs and"
                        + " folders 'team-b/**'.",
                outside);
        j.assertLogContains("name=Team B Gitea", inside);
    }

    @Test
    public void shouldRefuseARepositoryOutsideTheProvidersScopeUnlessItAllowsThem() throws Exception {
        String script = "node { def r = gitProviderCheckout provider: 'Gitea', repository: 'other/payments'\n"
                + "echo \"commit=${r.commit}\" }";
        WorkflowRun refused = failure(pipeline(j.jenkins, "refused", script));

        GitProvidersConfiguration configuration = GitProvidersConfiguration.get();
        GitProvider gitea = configuration.findProvider("Gitea").orElseThrow();
        gitea.setAllowOutsideScope(true);
        configuration.setProviders(configuration.getProviders());
        WorkflowRun allowed = j.buildAndAssertSuccess(pipeline(j.jenkins, "allowed", script));

        j.assertLogContains("Repository 'other/payments' is outside the scope 'infra' of provider 'Gitea'", refused);
        j.assertLogNotContains("\tat ", refused);
        j.assertLogContains("commit=", allowed);
    }

    @Test
    public void shouldOfferOnlyTheProvidersAJobMayUseToThoseWhoMayConfigureIt() throws Exception {
        // Given
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("developer")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("viewer")
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
        MockFolder teamA = j.createFolder("team-a");
        FolderProviderRules.get().set("team-a", "Gitea\nTeam B Gitea");
        WorkflowJob job = pipeline(teamA, "deploy", "echo 'hello'");
        GitProviderStep.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(GitProviderStep.DescriptorImpl.class);

        // Then the developer sees what the job may use (Team B Gitea is for team-b only); a viewer sees nothing
        assertThat(
                names(as("developer", () -> descriptor.doFillNameItems(job))), contains("(default provider)", "Gitea"));
        assertThat(names(as("viewer", () -> descriptor.doFillNameItems(job))), is(empty()));
        assertThat(names(as("viewer", () -> descriptor.doFillNameItems(null))), is(empty()));
        assertThat(
                names(as("admin", () -> descriptor.doFillNameItems(null))),
                contains("(default provider)", "Gitea", "Team B Gitea", "Shared Gitea"));
    }

    @Test
    public void shouldNeedAdministerToSendACredentialToANewAddress() throws Exception {
        // Given
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Jenkins.MANAGE)
                .everywhere()
                .to("manager")
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
        GitProvidersConfiguration configuration = GitProvidersConfiguration.get();
        GitProvider moved = gitea("Gitea", "infra");
        moved.setServerUrl("https://gitea.attacker.example");
        List<GitProvider> withMoved = replacingGitea(configuration, moved);
        List<GitProvider> withRescoped = replacingGitea(configuration, gitea("Gitea", "platform"));

        // When a manager moves the provider's token elsewhere, or changes only its scope
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> as("manager", () -> {
                    configuration.setProviders(withMoved);
                    return null;
                }));
        as("manager", () -> {
            configuration.setProviders(withRescoped);
            return null;
        });

        // Then the move needs an administrator, the scope change does not
        assertThat(
                refused.getMessage(),
                containsString("would send the credential 'gitea-token' to"
                        + " https://gitea.attacker.example/api/v1 for API calls"));
        assertThat(refused.getMessage(), containsString("Only an administrator (Overall/Administer)"));
        assertThat(configuration.findProvider("Gitea").orElseThrow().getScope(), is("platform"));
        as("admin", () -> {
            configuration.setProviders(withMoved);
            return null;
        });
        assertThat(
                configuration.findProvider("Gitea").orElseThrow().getServerUrl(), is("https://gitea.attacker.example"));
    }

    private static List<GitProvider> replacingGitea(GitProvidersConfiguration configuration, GitProvider gitea) {
        return configuration.getProviders().stream()
                .map(provider -> provider.getName().equals("Gitea") ? gitea : provider)
                .toList();
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T as(String user, Call<T> call) throws Exception {
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            return call.call();
        }
    }

    private static List<String> names(ListBoxModel model) {
        return model.stream().map(option -> option.name).toList();
    }
}
