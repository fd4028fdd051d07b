package io.jenkins.plugins.gitproviders.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Maps every Jenkins result and every state to each host's spelling, as the hosts' status APIs document them.
 */
public class HostStatesTest {
    /** Expected spelling per host, in the order PENDING, RUNNING, SUCCESS, FAILURE, ABORTED, ERROR. */
    private static final Map<ProviderType, List<String>> EXPECTED = new EnumMap<>(ProviderType.class);

    static {
        List<String> github = List.of("pending", "pending", "success", "failure", "error", "error");
        EXPECTED.put(ProviderType.GITHUB, github);
        EXPECTED.put(ProviderType.GITHUB_ENTERPRISE, github);
        List<String> gitlab = List.of("pending", "running", "success", "failed", "canceled", "failed");
        EXPECTED.put(ProviderType.GITLAB, gitlab);
        EXPECTED.put(ProviderType.GITLAB_SELF_MANAGED, gitlab);
        EXPECTED.put(ProviderType.BITBUCKET_CLOUD,
                List.of("INPROGRESS", "INPROGRESS", "SUCCESSFUL", "FAILED", "STOPPED", "FAILED"));
        EXPECTED.put(ProviderType.BITBUCKET_DATA_CENTER,
                List.of("INPROGRESS", "INPROGRESS", "SUCCESSFUL", "FAILED", "CANCELLED", "FAILED"));
        EXPECTED.put(ProviderType.AZURE_DEVOPS,
                List.of("pending", "pending", "succeeded", "failed", "error", "error"));
        EXPECTED.put(ProviderType.GITEA, List.of("pending", "pending", "success", "failure", "error", "error"));
    }

    @Test
    public void shouldSpellEveryStateAsEachHostDocumentsIt() {
        for (ProviderType type : ProviderType.values()) {
            for (BuildState state : BuildState.values()) {
                assertThat(HostStates.of(type, state)).as(type + " " + state)
                        .isEqualTo(EXPECTED.get(type).get(state.ordinal()));
            }
        }
    }

    @Test
    public void shouldMapJenkinsResultsToEachHostWithUnstableAsFailure() {
        // Given the default mapping
        ResultMapping mapping = ResultMapping.DEFAULT;

        // Then, per host: SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED
        assertThat(hostStates(ProviderType.GITHUB, mapping))
                .containsExactly("success", "failure", "failure", "error", "error");
        assertThat(hostStates(ProviderType.GITLAB, mapping))
                .containsExactly("success", "failed", "failed", "canceled", "canceled");
        assertThat(hostStates(ProviderType.BITBUCKET_CLOUD, mapping))
                .containsExactly("SUCCESSFUL", "FAILED", "FAILED", "STOPPED", "STOPPED");
        assertThat(hostStates(ProviderType.BITBUCKET_DATA_CENTER, mapping))
                .containsExactly("SUCCESSFUL", "FAILED", "FAILED", "CANCELLED", "CANCELLED");
        assertThat(hostStates(ProviderType.AZURE_DEVOPS, mapping))
                .containsExactly("succeeded", "failed", "failed", "error", "error");
        assertThat(hostStates(ProviderType.GITEA, mapping))
                .containsExactly("success", "failure", "failure", "error", "error");
    }

    @Test
    public void shouldReportUnstableAsTheConfiguredState() {
        // Given unstable builds configured to pass
        ResultMapping mapping = new ResultMapping(BuildState.SUCCESS);

        // Then only UNSTABLE changes
        assertThat(mapping.stateOf(JenkinsResult.UNSTABLE)).isEqualTo(BuildState.SUCCESS);
        assertThat(mapping.stateOf(JenkinsResult.FAILURE)).isEqualTo(BuildState.FAILURE);
        assertThat(HostStates.of(ProviderType.BITBUCKET_CLOUD, mapping.stateOf(JenkinsResult.UNSTABLE)))
                .isEqualTo("SUCCESSFUL");
    }

    @Test
    public void shouldRefuseARunningStateForAFinishedBuild() {
        assertThatThrownBy(() -> new ResultMapping(BuildState.PENDING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not as pending");
    }

    @Test
    public void shouldSpellOnlyTheThreeOldStatesForOldBitbucketServers() {
        assertThat(List.of(BuildState.values()).stream().map(HostStates::legacyBitbucketDataCenter).toList())
                .containsExactly("INPROGRESS", "INPROGRESS", "SUCCESSFUL", "FAILED", "FAILED", "FAILED");
    }

    @Test
    public void shouldReadStatesAndResultsAsPipelinesAndJenkinsWriteThem() {
        assertThat(BuildState.parse(" Success ")).isEqualTo(BuildState.SUCCESS);
        assertThat(JenkinsResult.parse("NOT_BUILT")).isEqualTo(JenkinsResult.NOT_BUILT);
        assertThatThrownBy(() -> BuildState.parse("passed"))
                .hasMessage("Unknown build state 'passed': use one of pending, running, success, failure, aborted,"
                        + " error.");
        assertThatThrownBy(() -> JenkinsResult.parse("GREEN")).hasMessageContaining("SUCCESS, UNSTABLE");
    }

    private static List<String> hostStates(ProviderType type, ResultMapping mapping) {
        return List.of(JenkinsResult.values()).stream()
                .map(result -> HostStates.of(type, mapping.stateOf(result)))
                .toList();
    }
}
