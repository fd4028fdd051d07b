package io.jenkins.plugins.gitproviders.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class NoProxyHostsTest {
    @Test
    public void shouldSplitOnLinesSpacesCommasAndBars() {
        // When
        var patterns = NoProxyHosts.parse("localhost\n*.example.com, 10.0.0.*|git.internal\r\n\n");

        // Then
        assertThat(patterns).containsExactly("localhost", "*.example.com", "10.0.0.*", "git.internal");
    }

    @Test
    public void shouldGiveNothingForNoText() {
        // Then
        assertThat(NoProxyHosts.parse(null)).isEmpty();
        assertThat(NoProxyHosts.parse("  \n ")).isEmpty();
    }
}
