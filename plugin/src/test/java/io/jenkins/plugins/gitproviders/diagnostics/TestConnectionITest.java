package io.jenkins.plugins.gitproviders.diagnostics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.gitproviders.config.GitHubEnterpriseProvider;
import io.jenkins.plugins.gitproviders.config.GitProviderDescriptor;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.FlagRule;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * "Test connection" ({@code doTestConnection}) through HTTP, as the button calls it: only POST, only with
 * Overall/Manage, and only then a request to the host; the report is escaped HTML. An administrator tests the values
 * in the form; a manager only the saved provider of that name, whatever else the form says.
 */
public class TestConnectionITest {
    private static final String TOKEN = "ghp_TestConnectionSecret0123456789abcdef";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public GitHubStub github = new GitHubStub();

    /** A server no administrator saved: a manager must not be able to send it any credential. */
    @Rule
    public GitHubStub elsewhere = new GitHubStub();

    @Rule
    public FlagRule<Boolean> manage = new FlagRule<>(Jenkins.MANAGE::getEnabled, Jenkins.MANAGE::setEnabled, true);

    @Before
    public void setUp() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "ghe-token", "GHE token", Secret.fromString(TOKEN)));
        SystemCredentialsProvider.getInstance().save();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, Jenkins.MANAGE)
                .everywhere()
                .to("manager")
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin"));
    }

    private URL testConnectionUrl() throws Exception {
        GitProviderDescriptor descriptor = j.jenkins.getDescriptorByType(GitHubEnterpriseProvider.DescriptorImpl.class);
        return new URL(j.getURL(), descriptor.getDescriptorUrl() + "/testConnection");
    }

    private Page post(String user, String credentialsId) throws Exception {
        return post(user, "ghe", github.url(), credentialsId);
    }

    private Page post(String user, String name, String serverUrl, String credentialsId) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.getOptions().setJavaScriptEnabled(false);
        wc.login(user);
        WebRequest request = new WebRequest(testConnectionUrl(), HttpMethod.POST);
        List<NameValuePair> form = new ArrayList<>();
        form.add(new NameValuePair("name", name));
        form.add(new NameValuePair("serverUrl", serverUrl));
        form.add(new NameValuePair("apiUrl", ""));
        form.add(new NameValuePair("scope", ""));
        form.add(new NameValuePair("username", ""));
        form.add(new NameValuePair("credentialsId", credentialsId));
        request.setRequestParameters(form);
        wc.addCrumb(request);
        return wc.getPage(request);
    }

    @Test
    public void shouldRefuseAUserWithoutManageAndContactNoHost() throws Exception {
        // When a user with Overall/Read only presses the button (crumb included, so only the permission can refuse)
        Page page = post("reader", "ghe-token");

        // Then
        assertThat(page.getWebResponse().getStatusCode(), is(403));
        assertThat(github.requests(), is(empty()));
    }

    @Test
    public void shouldRefuseGetAndContactNoHost() throws Exception {
        // Given a user who may test connections
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.getOptions().setJavaScriptEnabled(false);
        wc.login("manager");

        // When the method is called by GET (as a link or an image in a page could)
        Page page = wc.getPage(new WebRequest(
                new URL(testConnectionUrl() + "?serverUrl=" + github.url() + "&credentialsId=ghe-token"),
                HttpMethod.GET));

        // Then Stapler finds no GET handler (@POST): 404, or 405 on versions that say so
        assertThat(page.getWebResponse().getStatusCode(), anyOf(is(404), is(405)));
        assertThat(github.requests(), is(empty()));
    }

    @Test
    public void shouldDiagnoseTheUnsavedFormValuesForAnAdministrator() throws Exception {
        // When
        Page page = post("admin", "ghe-token");

        // Then the diagnosis ran against the loopback host with the token, and the report says so
        String body = page.getWebResponse().getContentAsString();
        assertThat(page.getWebResponse().getStatusCode(), is(200));
        assertThat(body, containsString("class=\"ok\""));
        assertThat(body, containsString("Provider &#039;ghe&#039; works"));
        assertThat(body, containsString("The token belongs to octocat ("));
        assertThat(body, containsString("GitHub Enterprise Server 3.14.2 answered"));
        assertThat(body, not(containsString(TOKEN)));
        assertThat(github.requests(), not(empty()));
        assertThat(github.authorizations(), everyItem(is("token " + TOKEN)));
    }

    @Test
    public void shouldEscapeWhatTheHostSays() throws Exception {
        // Given a host that answers with markup where a login belongs
        github.login("<img src=x onerror=alert(1)>");

        // When
        String body = post("admin", "ghe-token").getWebResponse().getContentAsString();

        // Then
        assertThat(body, containsString("&lt;img src=x onerror=alert(1)&gt;"));
        assertThat(body, not(containsString("<img src=x")));
    }

    @Test
    public void shouldReportAnUnknownCredentialWithoutContactingTheHost() throws Exception {
        // When
        String body = post("admin", "no-such-credential").getWebResponse().getContentAsString();

        // Then
        assertThat(body, containsString("class=\"error\""));
        assertThat(body, containsString("no-such-credential"));
        assertThat(github.requests(), is(empty()));
    }

    @Test
    public void shouldRenderARejectedTokenAsAnErrorWithTheFix() {
        // Given
        github.rejectingTheToken();
        GitHubEnterpriseProvider.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(GitHubEnterpriseProvider.DescriptorImpl.class);

        // When called directly (the test thread runs as SYSTEM, which has Overall/Administer)
        FormValidation result =
                descriptor.doTestConnection("ghe", github.url(), null, null, null, null, "ghe-token", null);

        // Then
        assertThat(result.kind, is(FormValidation.Kind.ERROR));
        assertThat(result.renderHtml(), containsString("Bad credentials (HTTP 401)"));
        assertThat(result.renderHtml(), containsString("Fix: "));
        // Each check is marked with a Jenkins symbol whose tooltip names the outcome
        assertThat(result.renderHtml(), containsString("tooltip=\"FAIL\""));
        assertThat(result.renderHtml(), containsString("<strong>Authentication</strong>: "));
    }

    @Test
    public void shouldTestOnlyTheSavedProviderForAManagerWhateverTheFormSays() throws Exception {
        // Given a saved provider, and a manager who types another server into the form
        GitHubEnterpriseProvider saved = new GitHubEnterpriseProvider("ghe");
        saved.setServerUrl(github.url());
        saved.setCredentialsId("ghe-token");
        GitProvidersConfiguration.get().setProviders(List.of(saved));

        // When
        String body = post("manager", "ghe", elsewhere.url(), "ghe-token")
                .getWebResponse()
                .getContentAsString();

        // Then the saved server was tested, and the typed one received nothing
        assertThat(body, containsString("Tested the saved configuration of provider &#039;ghe&#039;"));
        assertThat(body, containsString("The token belongs to octocat"));
        assertThat(github.requests(), not(empty()));
        assertThat(elsewhere.requests(), is(empty()));
    }

    @Test
    public void shouldTestNoUnsavedProviderForAManager() throws Exception {
        // When
        Page page = post("manager", "new-provider", elsewhere.url(), "ghe-token");

        // Then
        assertThat(
                page.getWebResponse().getContentAsString(),
                containsString("Only administrators can test values that are not saved"));
        assertThat(elsewhere.requests(), is(empty()));
        assertThat(github.requests(), is(empty()));
    }
}
