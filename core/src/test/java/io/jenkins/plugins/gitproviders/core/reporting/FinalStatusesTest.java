package io.jenkins.plugins.gitproviders.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.status.BuildState;
import io.jenkins.plugins.gitproviders.core.status.JenkinsResult;
import io.jenkins.plugins.gitproviders.core.status.ResultMapping;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import java.time.Duration;
import java.util.List;
import org.junit.Test;

public class FinalStatusesTest {
    private static final String A = "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd";
    private static final String B = "4522cbcefc20728a5b72b3a86af35e608622c514";

    @Test
    public void shouldReportTheResultToEachCommitOncePerSlot() {
        BuildTarget event = target(BuildTarget.Origin.EVENT, "acme/app", A, "jenkins/app");
        BuildTarget checkout = target(BuildTarget.Origin.CHECKOUT, "acme/app", A, "jenkins/app");
        BuildTarget library = target(BuildTarget.Origin.CHECKOUT, "acme/lib", B, "jenkins/app");

        FinalStatuses.Plan plan = FinalStatuses.plan(List.of(event, checkout, library, checkout),
                JenkinsResult.FAILURE, Duration.ofSeconds(65));

        assertThat(plan.finals()).extracting(f -> f.target().target().repositoryPath(), FinalStatuses.Final::state,
                FinalStatuses.Final::description).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("acme/app", BuildState.FAILURE, "Failed in 1 min 5 s"),
                        org.assertj.core.groups.Tuple.tuple("acme/lib", BuildState.FAILURE, "Failed in 1 min 5 s"));
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    public void shouldMapUnstableAsEachTargetSays() {
        BuildTarget strict = target(BuildTarget.Origin.CHECKOUT, "acme/app", A, "jenkins/app");
        BuildTarget lenient = new BuildTarget("github", ProviderType.GITHUB, statusTarget("acme/lib", B),
                "jenkins/app", BuildTarget.Origin.CHECKOUT, new ResultMapping(BuildState.SUCCESS));

        FinalStatuses.Plan plan = FinalStatuses.plan(List.of(strict, lenient), JenkinsResult.UNSTABLE, null);

        assertThat(plan.finals()).extracting(FinalStatuses.Final::state)
                .containsExactly(BuildState.FAILURE, BuildState.SUCCESS);
    }

    @Test
    public void shouldReportTheEventsCommitAsNotBuiltWhenTheCheckoutBuiltANewerOne() {
        BuildTarget event = target(BuildTarget.Origin.EVENT, "acme/app", A, "jenkins/app");
        BuildTarget checkout = target(BuildTarget.Origin.CHECKOUT, "ACME/app", B, "jenkins/app");

        FinalStatuses.Plan plan = FinalStatuses.plan(List.of(event, checkout), JenkinsResult.SUCCESS,
                Duration.ofSeconds(3));

        assertThat(plan.finals()).hasSize(2);
        assertThat(plan.finals().get(0).target()).isEqualTo(checkout);
        assertThat(plan.finals().get(0).state()).isEqualTo(BuildState.SUCCESS);
        assertThat(plan.finals().get(1).target()).isEqualTo(event);
        assertThat(plan.finals().get(1).state()).isEqualTo(BuildState.ABORTED);
        assertThat(plan.finals().get(1).description()).isEqualTo("Not built: a newer commit (4522cbc) was built"
                + " instead");
    }

    @Test
    public void shouldReportTheEventsCommitWhenOnlyOtherRepositoriesWereCheckedOut() {
        BuildTarget event = target(BuildTarget.Origin.EVENT, "acme/app", A, "jenkins/app");
        BuildTarget library = target(BuildTarget.Origin.CHECKOUT, "acme/lib", B, "jenkins/app");

        FinalStatuses.Plan plan = FinalStatuses.plan(List.of(event, library), JenkinsResult.ABORTED, null);

        assertThat(plan.finals()).extracting(FinalStatuses.Final::state, FinalStatuses.Final::description)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(BuildState.ABORTED, "Aborted"));
        assertThat(plan.finals()).hasSize(2);
    }

    @Test
    public void shouldReportAShortEventCommitOnlyThroughTheCheckoutsFullId() {
        BuildTarget shortEvent = new BuildTarget("bb", ProviderType.BITBUCKET_CLOUD,
                statusTarget("team/app", A.substring(0, 12)), "jenkins/app", BuildTarget.Origin.EVENT,
                ResultMapping.DEFAULT);
        BuildTarget checkout = new BuildTarget("bb", ProviderType.BITBUCKET_CLOUD, statusTarget("team/app", A),
                "jenkins/app", BuildTarget.Origin.CHECKOUT, ResultMapping.DEFAULT);

        FinalStatuses.Plan resolved = FinalStatuses.plan(List.of(shortEvent, checkout), JenkinsResult.SUCCESS, null);
        FinalStatuses.Plan unresolved = FinalStatuses.plan(List.of(shortEvent), JenkinsResult.SUCCESS, null);

        assertThat(resolved.finals()).extracting(f -> f.target().target().commit()).containsExactly(A);
        assertThat(resolved.notes()).isEmpty();
        assertThat(unresolved.finals()).isEmpty();
        assertThat(unresolved.notes()).singleElement().asString()
                .contains("Bitbucket Cloud pull request events carry only 12-character commit ids")
                .contains("This build has no gitProviderCheckout of team/app");
    }

    @Test
    public void shouldTreatAnAzureDevOpsPullRequestAsOneSlotWhateverMergeCommitWasBuilt() {
        BuildTarget event = new BuildTarget("ado", ProviderType.AZURE_DEVOPS,
                statusTarget("org/proj/app", A).withPullRequest(4), "jenkins/app", BuildTarget.Origin.EVENT,
                ResultMapping.DEFAULT);
        BuildTarget merge = new BuildTarget("ado", ProviderType.AZURE_DEVOPS,
                statusTarget("org/proj/app", B).withPullRequest(4), "jenkins/app", BuildTarget.Origin.CHECKOUT,
                ResultMapping.DEFAULT);

        FinalStatuses.Plan plan = FinalStatuses.plan(List.of(event, merge), JenkinsResult.SUCCESS, null);

        assertThat(plan.finals()).singleElement().satisfies(f -> {
            assertThat(f.target()).isEqualTo(merge);
            assertThat(f.state()).isEqualTo(BuildState.SUCCESS);
        });
    }

    @Test
    public void shouldLeaveStageStatusesAlone() {
        BuildTarget stage = target(BuildTarget.Origin.STAGE, "acme/app", A, "jenkins/app/lint");

        assertThat(FinalStatuses.plan(List.of(stage), JenkinsResult.FAILURE, null).finals()).isEmpty();
    }

    static BuildTarget target(BuildTarget.Origin origin, String repository, String commit, String context) {
        return new BuildTarget("github", ProviderType.GITHUB, statusTarget(repository, commit), context, origin,
                ResultMapping.DEFAULT);
    }

    static StatusTarget statusTarget(String repository, String commit) {
        return new StatusTarget(List.of(repository.split("/")), commit, null, null, List.of());
    }
}
