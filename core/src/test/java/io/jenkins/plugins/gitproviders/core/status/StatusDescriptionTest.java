package io.jenkins.plugins.gitproviders.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.Test;

public class StatusDescriptionTest {
    @Test
    public void shouldDescribeEachResultWithItsDuration() {
        assertThat(StatusDescription.finished(JenkinsResult.SUCCESS, Duration.ofSeconds(125)))
                .isEqualTo("Succeeded in 2 min 5 s");
        assertThat(StatusDescription.finished(JenkinsResult.FAILURE, Duration.ofMillis(850)))
                .isEqualTo("Failed in 1 s");
        assertThat(StatusDescription.finished(JenkinsResult.ABORTED, Duration.ofMinutes(63)))
                .isEqualTo("Aborted after 1 h 3 min");
        assertThat(StatusDescription.finished(JenkinsResult.UNSTABLE, null)).startsWith("Unstable");
        assertThat(StatusDescription.finished(JenkinsResult.NOT_BUILT, Duration.ofSeconds(3))).isEqualTo("Not built");
    }

    @Test
    public void shouldKeepAPipelinesDescriptionOnOneLineWithinGitHubsLimit() {
        // Given a description with control characters and 200 characters
        String text = "line one\r\n\tline\u0000two " + "x".repeat(200);

        // When
        String description = StatusDescription.of(text);

        // Then
        assertThat(description).startsWith("line one line two xxx").hasSize(StatusDescription.MAX_LENGTH)
                .endsWith("…").doesNotContain("\n", "\t", "\u0000");
        assertThat(StatusDescription.of(null)).isEmpty();
    }
}
