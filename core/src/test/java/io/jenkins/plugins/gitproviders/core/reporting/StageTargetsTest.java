package io.jenkins.plugins.gitproviders.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.status.ResultMapping;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import java.util.List;
import org.junit.Test;

public class StageTargetsTest {
    private static final String A = "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd";
    private static final String B = "4522cbcefc20728a5b72b3a86af35e608622c514";
    private static final ProviderSpec GITHUB = ProviderSpec.builder("GitHub", ProviderType.GITHUB).build();
    private static final ProviderSpec GITEA = ProviderSpec.builder("gitea", ProviderType.GITEA)
            .serverUrl("https://gitea.example.com").build();

    private static BuildTarget recorded(ProviderSpec provider, BuildTarget.Origin origin, String repository,
            String commit, String context) {
        return BuildTarget.of(provider, new StatusTarget(List.of(repository.split("/")), commit, "main", null,
                List.of()), context, origin, ResultMapping.DEFAULT);
    }

    @Test
    public void shouldDefaultToTheLatestCheckoutAndItsContext() {
        List<BuildTarget> build = List.of(
                recorded(GITHUB, BuildTarget.Origin.EVENT, "acme/app", A, "jenkins/app"),
                recorded(GITHUB, BuildTarget.Origin.CHECKOUT, "acme/app", A, "jenkins/app"),
                recorded(GITHUB, BuildTarget.Origin.CHECKOUT, "acme/lib", B, "ci/custom"));

        assertThat(StageTargets.providerName(build, null)).isEqualTo("GitHub");
        BuildTarget stage = StageTargets.choose(build, GITHUB, "folder/app", null, null, "lint");

        assertThat(stage.target().repositoryPath()).isEqualTo("acme/lib");
        assertThat(stage.target().commit()).isEqualTo(B);
        assertThat(stage.target().ref()).isEqualTo("main");
        assertThat(stage.context()).isEqualTo("ci/custom/lint");
        assertThat(stage.origin()).isEqualTo(BuildTarget.Origin.STAGE);
    }

    @Test
    public void shouldTakeTheWebhookEventWhenNothingWasCheckedOut() {
        List<BuildTarget> build = List.of(recorded(GITHUB, BuildTarget.Origin.EVENT, "acme/app", A, "jenkins/app"));

        BuildTarget stage = StageTargets.choose(build, GITHUB, "app", null, null, "unit tests");

        assertThat(stage.target().commit()).isEqualTo(A);
        assertThat(stage.context()).isEqualTo("jenkins/app/unit tests");
    }

    @Test
    public void shouldNarrowToTheRepositoryGivenAndTakeAGivenCommit() {
        List<BuildTarget> build = List.of(
                recorded(GITHUB, BuildTarget.Origin.CHECKOUT, "acme/app", A, "jenkins/app"),
                recorded(GITHUB, BuildTarget.Origin.CHECKOUT, "acme/lib", B, "jenkins/app"));

        BuildTarget app = StageTargets.choose(build, GITHUB, "app", "https://github.com/acme/app.git", null, "lint");
        BuildTarget given = StageTargets.choose(build, GITHUB, "app", "acme/app", B.toUpperCase(), "lint");

        assertThat(app.target().commit()).isEqualTo(A);
        assertThat(given.target().commit()).isEqualTo(B);
        assertThat(given.target().ref()).isNull();
        assertThat(given.context()).isEqualTo("jenkins/app/lint");
    }

    @Test
    public void shouldUseTheJobsContextForACommitTheBuildDidNotRecord() {
        BuildTarget stage = StageTargets.choose(List.of(), GITEA, "folder/app", "infra/payments", A, "deploy");

        assertThat(StageTargets.providerName(List.of(), " ")).isEmpty();
        assertThat(stage.context()).isEqualTo("jenkins/folder/app/deploy");
        assertThat(stage.target().repositoryPath()).isEqualTo("infra/payments");
    }

    @Test
    public void shouldExplainWhatToGive() {
        List<BuildTarget> shortEvent = List.of(recorded(GITHUB, BuildTarget.Origin.EVENT, "acme/app",
                A.substring(0, 12), "jenkins/app"));
        List<BuildTarget> otherProvider = List.of(recorded(GITEA, BuildTarget.Origin.CHECKOUT, "infra/payments", A,
                "jenkins/app"));

        assertThatThrownBy(() -> StageTargets.choose(List.of(), GITHUB, "app", null, null, "lint"))
                .hasMessageContaining("did not check out anything through provider 'GitHub'")
                .hasMessageContaining("Give repository and commit");
        assertThatThrownBy(() -> StageTargets.choose(otherProvider, GITHUB, "app", null, null, "lint"))
                .hasMessageContaining("through provider 'GitHub'");
        assertThatThrownBy(() -> StageTargets.choose(shortEvent, GITHUB, "app", null, null, "lint"))
                .hasMessageContaining("no full commit id for acme/app")
                .hasMessageContaining("Give commit.");
        assertThatThrownBy(() -> StageTargets.choose(List.of(), GITHUB, "app", "acme/app", "d2b75aa", "lint"))
                .hasMessageContaining("'d2b75aa' is not a full commit id");
        assertThatThrownBy(() -> StageTargets.choose(List.of(), GITHUB, "app", "acme/app", A, " "))
                .hasMessageContaining("needs a context");
        assertThatThrownBy(() -> StageTargets.choose(List.of(), GITHUB, "app", "acme/../app", A, "lint"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
