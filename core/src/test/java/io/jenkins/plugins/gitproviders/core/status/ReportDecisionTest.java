package io.jenkins.plugins.gitproviders.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import org.junit.Test;

public class ReportDecisionTest {
    private static final ProviderSpec GITEA = ProviderSpec.builder("forge", ProviderType.GITEA)
            .serverUrl("https://git.example.com").build();

    @Test
    public void shouldReportWhenTurnedOnAndJenkinsHasARootUrl() {
        ReportDecision decision = ReportDecision.decide(GITEA, "https://ci.example.com/");

        assertThat(decision.shouldReport()).isTrue();
        assertThat(decision.message()).isEmpty();
    }

    @Test
    public void shouldSkipWhenTheProviderTurnedStatusOff() {
        ReportDecision decision = ReportDecision.decide(GITEA.toBuilder().statusReporting(false).build(),
                "https://ci.example.com/");

        assertThat(decision.outcome()).isEqualTo(ReportDecision.Outcome.TURNED_OFF);
        assertThat(decision.message()).endsWith("status reporting is turned off.");
    }

    @Test
    public void shouldSkipAnInactiveProvider() {
        ReportDecision decision = ReportDecision.decide(GITEA.toBuilder().active(false).build(),
                "https://ci.example.com/");

        assertThat(decision.shouldReport()).isFalse();
        assertThat(decision.message()).endsWith("the provider is inactive.");
    }

    @Test
    public void shouldSkipWithAMessageWhenJenkinsHasNoRootUrl() {
        ReportDecision none = ReportDecision.decide(GITEA, null);
        ReportDecision relative = ReportDecision.decide(GITEA, "ci.example.com");

        assertThat(none.outcome()).isEqualTo(ReportDecision.Outcome.NO_ROOT_URL);
        assertThat(none.message()).contains("provider 'forge'").contains("Jenkins has no root URL,")
                .contains("Manage Jenkins > System > Jenkins Location");
        assertThat(relative.outcome()).isEqualTo(ReportDecision.Outcome.NO_ROOT_URL);
        assertThat(relative.message()).contains("absolute http(s) address");
    }

    @Test
    public void shouldJoinTheRootUrlAndTheBuildsUrl() {
        assertThat(ReportDecision.buildUrl("https://ci.example.com/jenkins", "job/app/12/"))
                .isEqualTo("https://ci.example.com/jenkins/job/app/12/");
        assertThat(ReportDecision.buildUrl("https://ci.example.com/", "/job/app/12/"))
                .isEqualTo("https://ci.example.com/job/app/12/");
    }
}
