package io.jenkins.plugins.gitproviders.config;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsSessionRule;

/** What a save through the form leaves on disk is what Jenkins has after a restart. */
public class GitProvidersPersistenceITest {
    @Rule
    public JenkinsSessionRule sessions = new JenkinsSessionRule();

    @Test
    public void shouldKeepProvidersDefaultAndCredentialIdsAcrossARestart() throws Throwable {
        // Given providers saved through the form
        sessions.then(j -> {
            TestProviders.addCredentials();
            GitProvidersConfiguration.get().setProviders(TestProviders.readmeProviders());
            GitProvidersConfiguration.get().setDefaultProvider("Team GitLab");
            j.configRoundtrip();
        });

        // When Jenkins restarts, then
        sessions.then(j -> {
            GitProvidersConfiguration config = GitProvidersConfiguration.get();
            List<GitProvider> providers = config.getProviders();
            assertThat(
                    TestProviders.names(providers),
                    contains("Production GitHub", "Open Source GitHub", "Team GitLab", "Bitbucket"));
            List<GitProvider> expected = TestProviders.readmeProviders();
            for (int i = 0; i < expected.size(); i++) {
                assertThat(providers.get(i), instanceOf(expected.get(i).getClass()));
                j.assertEqualDataBoundBeans(expected.get(i), providers.get(i));
            }
            assertThat(config.getDefaultProvider(), is("Team GitLab"));
            assertThat(config.registry().resolveDefault().name(), is("Team GitLab"));
            assertThat(config.notices().isEmpty(), is(true));
        });
    }
}
