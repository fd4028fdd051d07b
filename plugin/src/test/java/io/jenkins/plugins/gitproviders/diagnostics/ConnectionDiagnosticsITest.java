package io.jenkins.plugins.gitproviders.diagnostics;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.ProxyConfiguration;
import hudson.util.Secret;
import io.jenkins.plugins.gitproviders.core.client.CheckId;
import io.jenkins.plugins.gitproviders.core.client.CheckStatus;
import io.jenkins.plugins.gitproviders.core.client.Diagnosis;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The HTTP settings come from Jenkins' proxy configuration, and the diagnosis really goes through them.
 */
public class ConnectionDiagnosticsITest {
    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public GitHubStub github = new GitHubStub();

    private ProviderSpec spec;

    @Before
    public void setUp() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new StringCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        "ghe-token",
                        "GHE token",
                        Secret.fromString("ghp_ProxyTest0123456789")));
        spec = ProviderSpec.builder("ghe", ProviderType.GITHUB_ENTERPRISE)
                .serverUrl(github.url())
                .credentialsId("ghe-token")
                .build();
    }

    /** A loopback port with nothing listening: a proxy there refuses every connection. */
    private static int deadPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    public void shouldConnectDirectlyWithoutAProxy() {
        // Then
        assertThat(ConnectionDiagnostics.httpSettings(), is(HttpSettings.DEFAULT));
    }

    @Test
    public void shouldTakeTheProxyAndItsNoProxyHostsFromJenkins() {
        // Given
        j.jenkins.setProxy(
                new ProxyConfiguration("proxy.example.com", 3128, null, null, "localhost\n*.internal.example.com"));

        // When
        HttpSettings settings = ConnectionDiagnostics.httpSettings();

        // Then
        assertThat(settings.proxy(), is(Optional.of("proxy.example.com")));
        assertThat(settings.proxyPort(), is(3128));
        assertThat(settings.noProxyHosts(), contains("localhost", "*.internal.example.com"));
        assertThat(settings.connectTimeout(), is(HttpSettings.DEFAULT.connectTimeout()));
    }

    @Test
    public void shouldSendTheDiagnosisThroughTheProxy() throws Exception {
        // Given a proxy that refuses connections
        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", deadPort(), null, null, null));

        // When
        Diagnosis diagnosis = ConnectionDiagnostics.diagnose(spec);

        // Then the host was not reached directly
        assertThat(diagnosis.check(CheckId.REACHABILITY).orElseThrow().status(), is(CheckStatus.FAIL));
        assertThat(github.requests(), is(empty()));
    }

    @Test
    public void shouldReachNoProxyHostsDirectly() throws Exception {
        // Given the same refusing proxy, with the host listed under "No Proxy Host"
        j.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", deadPort(), null, null, "127.0.0.1"));

        // When
        Diagnosis diagnosis = ConnectionDiagnostics.diagnose(spec);

        // Then
        assertThat(diagnosis.failed(), is(false));
        assertThat(diagnosis.owner(), is(Optional.of("octocat")));
        assertThat(github.requests(), is(not(empty())));
    }
}
