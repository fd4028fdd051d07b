package io.jenkins.plugins.gitproviders.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import hudson.ExtensionList;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.gitproviders.core.webhook.SignatureVerifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.FlagRule;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/** The Git Providers page in Manage Jenkins: who may see it, what it shows, and that it shows no secret. */
public class GitProvidersManagementLinkITest {
    private static final String PAGE = "manage/git-providers/";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public FlagRule<Boolean> systemRead =
            new FlagRule<>(Jenkins.SYSTEM_READ::getEnabled, Jenkins.SYSTEM_READ::setEnabled, true);

    @Before
    public void configureAndSecure() throws Exception {
        TestProviders.addCredentials();
        GitProvidersConfiguration.get().setProviders(TestProviders.readmeProviders());
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, Jenkins.SYSTEM_READ)
                .everywhere()
                .to("auditor")
                .grant(Jenkins.READ, Jenkins.MANAGE)
                .everywhere()
                .to("manager"));
    }

    @Test
    public void shouldRefuseThePageToAnonymousAndToOverallReadOnly() throws Exception {
        // When
        WebResponse anonymous = load(j.createWebClient(), PAGE);
        WebResponse reader = load(j.createWebClient().login("reader"), PAGE);
        WebResponse readerGetter = load(j.createWebClient().login("reader"), PAGE + "rows/0/webhookUrl");

        // Then
        assertThat(anonymous.getStatusCode(), is(403));
        assertThat(reader.getStatusCode(), is(403));
        assertThat(readerGetter.getStatusCode(), is(403));
        assertThat(reader.getContentAsString(), not(containsString("Production GitHub")));
    }

    @Test
    public void shouldShowEveryProviderToASystemReadUserWithoutEditLinkOrSecret() throws Exception {
        // When
        HtmlPage page = j.createWebClient().login("auditor").goTo(PAGE);

        // Then
        String text = page.asNormalizedText();
        for (String expected : new String[] {
            "Production GitHub",
            "Open Source GitHub",
            "Team GitLab",
            "Bitbucket",
            "GitHub.com",
            "GitLab self-managed",
            "Bitbucket Cloud",
            "https://gitlab.example.com",
            "platform/infra",
            "acme-corp",
            "inactive",
            j.getURL() + "git-providers-webhook/Production%20GitHub"
        }) {
            assertThat(text, containsString(expected));
        }
        assertThat(page.getElementById("git-providers"), notNullValue());
        assertThat(text, not(containsString("Configure providers")));
        String html = page.getWebResponse().getContentAsString();
        for (String secret : TestProviders.SECRETS) {
            assertThat(html, not(containsString(secret)));
        }
    }

    @Test
    public void shouldShowThePageWithItsEditLinkToAManageUser() throws Exception {
        // When
        HtmlPage page = j.createWebClient().login("manager").goTo(PAGE);

        // Then
        assertThat(page.asNormalizedText(), containsString("Configure providers"));
        assertThat(page.asNormalizedText(), containsString("Team GitLab"));
    }

    @Test
    public void shouldWarnAboutEveryProviderThatAcceptsSha1Signatures() throws Exception {
        // Given one provider that accepts SHA-1 signatures for an old server
        List<GitProvider> providers =
                new ArrayList<>(GitProvidersConfiguration.get().getProviders());
        providers.get(1).setAllowSha1Signatures(true);
        GitProvidersConfiguration.get().setProviders(providers);

        // When
        HtmlPage page = j.createWebClient().login("manager").goTo(PAGE);

        // Then the page warns about that provider only
        List<String> warnings = page.getByXPath("//div[contains(@class, 'git-providers-sha1')]").stream()
                .map(node -> ((DomNode) node).asNormalizedText())
                .toList();
        assertThat(warnings, contains(SignatureVerifier.sha1Notice("Open Source GitHub")));
    }

    @Test
    public void shouldOfferTheLinkOnlyToManageOrSystemReadUsers() {
        GitProvidersManagementLink link = ExtensionList.lookupSingleton(GitProvidersManagementLink.class);
        assertThat(iconAs("reader", link), nullValue());
        assertThat(iconAs("auditor", link), notNullValue());
        assertThat(iconAs("manager", link), notNullValue());
    }

    private static String iconAs(String user, GitProvidersManagementLink link) {
        try (ACLContext ignored = ACL.as(User.getById(user, true))) {
            return link.getIconFileName();
        }
    }

    private WebResponse load(JenkinsRule.WebClient wc, String path) throws Exception {
        return wc.loadWebResponse(new WebRequest(new URL(j.getURL(), path)));
    }
}
