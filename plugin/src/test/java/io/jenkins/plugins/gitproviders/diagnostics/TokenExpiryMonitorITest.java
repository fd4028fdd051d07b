package io.jenkins.plugins.gitproviders.diagnostics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.ExtensionList;
import hudson.model.TaskListener;
import hudson.util.Secret;
import io.jenkins.plugins.gitproviders.config.GitHubEnterpriseProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The daily check feeds the administrative monitor and the Git Providers page; run here by calling the periodic
 * work's {@code execute} directly against a loopback GitHub Enterprise Server.
 */
public class TokenExpiryMonitorITest {
    private static final String TOKEN = "ghp_MonitorSecret0123456789abcdefghijkl";

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public GitHubStub github = new GitHubStub();

    private TokenExpiryMonitor monitor;

    @Before
    public void setUp() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "ghe-token", "GHE token", Secret.fromString(TOKEN)));
        SystemCredentialsProvider.getInstance().save();
        GitHubEnterpriseProvider provider = new GitHubEnterpriseProvider("ghe");
        provider.setServerUrl(github.url());
        provider.setCredentialsId("ghe-token");
        GitProvidersConfiguration.get().setProviders(List.of(provider));
        monitor = ExtensionList.lookupSingleton(TokenExpiryMonitor.class);
    }

    @Test
    public void shouldListATokenExpiringInFiveDaysAfterTheDailyCheck() throws Exception {
        // Given a token GitHub says expires in five days (and an hour, so that five whole days are left)
        github.expiringAt(Instant.now().plus(Duration.ofDays(5)).plus(Duration.ofHours(1)));
        assertThat(monitor.isActivated(), is(false));

        // When
        ProviderHealthCheck.get().execute(TaskListener.NULL);

        // Then the monitor lists the provider with the days left and the fix
        assertThat(monitor.isActivated(), is(true));
        List<TokenExpiryMonitor.Row> rows = monitor.getAttentions();
        assertThat(rows, hasSize(1));
        assertThat(rows.get(0).getProviderName(), is("ghe"));
        assertThat(rows.get(0).getMessage(), containsString("(5 days left)"));
        assertThat(rows.get(0).getFix(), containsString("update the credential"));

        // And Manage Jenkins shows it with a link to the Git Providers page, without the token
        String manage = j.createWebClient().goTo("manage").getWebResponse().getContentAsString();
        assertThat(manage, containsString("git-providers-token-monitor"));
        assertThat(manage, containsString("5 days left"));
        assertThat(manage, containsString("/manage/git-providers"));
        assertThat(manage, not(containsString(TOKEN)));

        // And the Git Providers page shows the last diagnosis: owner, expiry warning, when it ran
        String page = j.createWebClient()
                .goTo("manage/git-providers")
                .getWebResponse()
                .getContentAsString();
        assertThat(page, containsString("git-providers-connection-checks"));
        assertThat(page, containsString("octocat"));
        assertThat(page, containsString("5 days left"));
        assertThat(page, containsString("UTC"));
        assertThat(page, not(containsString(TOKEN)));
    }

    @Test
    public void shouldStayQuietForATokenValidForMonths() throws Exception {
        // Given
        github.expiringAt(Instant.now().plus(Duration.ofDays(90)));

        // When
        ProviderHealthCheck.get().execute(TaskListener.NULL);

        // Then
        assertThat(monitor.isActivated(), is(false));
        assertThat(monitor.getAttentions(), is(empty()));
        assertThat(github.requests(), not(empty()));
    }

    @Test
    public void shouldListATokenTheHostRejects() throws Exception {
        // Given
        github.rejectingTheToken();

        // When
        ProviderHealthCheck.get().execute(TaskListener.NULL);

        // Then
        assertThat(
                monitor.getAttentions().stream()
                        .map(TokenExpiryMonitor.Row::getMessage)
                        .toList(),
                contains(containsString("Bad credentials")));
    }

    @Test
    public void shouldForgetTheResultOnceTheProviderChanges() throws Exception {
        // Given a rejected token found by the check
        github.rejectingTheToken();
        ProviderHealthCheck.get().execute(TaskListener.NULL);
        assertThat(monitor.isActivated(), is(true));

        // When the administrator picks another credential
        GitHubEnterpriseProvider changed = new GitHubEnterpriseProvider("ghe");
        changed.setServerUrl(github.url());
        changed.setCredentialsId("ghe-token-new");
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "ghe-token-new", "new GHE token", Secret.fromString(TOKEN + "2")));
        GitProvidersConfiguration.get().setProviders(List.of(changed));

        // Then the old result no longer describes the provider and the warning goes away until the next check
        assertThat(monitor.isActivated(), is(false));
    }

    @Test
    public void shouldSkipInactiveProviders() throws Exception {
        // Given
        github.rejectingTheToken();
        GitHubEnterpriseProvider inactive = new GitHubEnterpriseProvider("ghe");
        inactive.setServerUrl(github.url());
        inactive.setCredentialsId("ghe-token");
        inactive.setActive(false);
        GitProvidersConfiguration.get().setProviders(List.of(inactive));

        // When
        ProviderHealthCheck.get().execute(TaskListener.NULL);

        // Then
        assertThat(github.requests(), is(empty()));
        assertThat(monitor.isActivated(), is(false));
    }
}
