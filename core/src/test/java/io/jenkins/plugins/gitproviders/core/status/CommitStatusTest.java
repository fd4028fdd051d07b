package io.jenkins.plugins.gitproviders.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class CommitStatusTest {
    private static final String BUILD = "https://ci.example.com/job/app/12/";

    @Test
    public void shouldCleanTheContextAndDescription() {
        CommitStatus status = new CommitStatus(BuildState.SUCCESS, " jenkins/app\n", "Done\tin 2 s", BUILD);

        assertThat(status.context()).isEqualTo("jenkins/app");
        assertThat(status.description()).isEqualTo("Done in 2 s");
        assertThat(status.targetUrl()).isEqualTo(BUILD);
    }

    @Test
    public void shouldRefuseALinkWithAPasswordWithoutRepeatingIt() {
        assertThatThrownBy(() -> new CommitStatus(BuildState.SUCCESS, "jenkins/app", "",
                "https://admin:hunter2@ci.example.com/job/app/12/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user name or password")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> new CommitStatus(BuildState.SUCCESS, "jenkins/app", "",
                "ftp://user:hunter2@ci.example.com/x"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    public void shouldRefuseLinksThatAreNotAbsoluteHttpAddresses() {
        assertThatThrownBy(() -> new CommitStatus(BuildState.SUCCESS, "c", "", "job/app/12/"))
                .hasMessageContaining("not an absolute http(s) address");
        assertThatThrownBy(() -> new CommitStatus(BuildState.SUCCESS, "c", "", "javascript:alert(1)"))
                .hasMessageContaining("not an absolute http(s) address");
        assertThatThrownBy(() -> new CommitStatus(BuildState.SUCCESS, "c", "", BUILD + "x y"))
                .hasMessageContaining("space");
        assertThatThrownBy(() -> new CommitStatus(BuildState.SUCCESS, "c", "", BUILD + "x".repeat(2048)))
                .hasMessageContaining("longer than 2048");
        assertThatThrownBy(() -> new CommitStatus(BuildState.SUCCESS, " \n ", "", BUILD))
                .hasMessageContaining("context is empty");
    }
}
