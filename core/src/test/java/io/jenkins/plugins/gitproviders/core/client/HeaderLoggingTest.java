package io.jenkins.plugins.gitproviders.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class HeaderLoggingTest {
    @Test
    public void shouldSeeHeaderLoggingInTheJdkSwitch() {
        assertThat(HeaderLogging.logsHeaders("headers")).isTrue();
        assertThat(HeaderLogging.logsHeaders("errors, HEADERS")).isTrue();
        assertThat(HeaderLogging.logsHeaders("all")).isTrue();
        assertThat(HeaderLogging.logsHeaders("requests,errors,frames:all")).isFalse();
        assertThat(HeaderLogging.logsHeaders("")).isFalse();
        assertThat(HeaderLogging.logsHeaders(null)).isFalse();
    }
}
