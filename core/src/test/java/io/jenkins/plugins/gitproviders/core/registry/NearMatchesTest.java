package io.jenkins.plugins.gitproviders.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

public class NearMatchesTest {
    private static final List<String> NAMES = List.of("GitHub Cloud", "github-enterprise", "gitlab", "bitbucket",
            "gitea", "azure");

    @Test
    public void shouldFindTheSameLettersIgnoringCaseAndPunctuation() {
        assertThat(NearMatches.of("github_cloud", NAMES)).containsExactly("GitHub Cloud");
        assertThat(NearMatches.of("GITHUBENTERPRISE", NAMES)).containsExactly("github-enterprise");
    }

    @Test
    public void shouldFindPrefixesEitherWay() {
        assertThat(NearMatches.of("git", NAMES))
                .containsExactly("GitHub Cloud", "gitea", "github-enterprise", "gitlab");
        assertThat(NearMatches.of("bitbucket-prod", NAMES)).containsExactly("bitbucket");
    }

    @Test
    public void shouldFindSmallTypingErrorsClosestFirst() {
        assertThat(NearMatches.of("gitlba", NAMES)).containsExactly("gitlab", "gitea");
        assertThat(NearMatches.of("azuer", NAMES)).containsExactly("azure");
        assertThat(NearMatches.of("bitbukcet", NAMES)).containsExactly("bitbucket");
    }

    @Test
    public void shouldFindNothingForUnrelatedOrBlankNames() {
        assertThat(NearMatches.of("jenkins", NAMES)).isEmpty();
        assertThat(NearMatches.of("  ", NAMES)).isEmpty();
        assertThat(NearMatches.of("x".repeat(1000), NAMES)).isEmpty();
    }

    @Test
    public void shouldOfferAtMostFiveNames() {
        assertThat(NearMatches.of("a", List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7"))).hasSize(5);
    }

    @Test
    public void shouldCountEditsLikeLevenshtein() {
        assertThat(NearMatches.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearMatches.distance("", "abc")).isEqualTo(3);
        assertThat(NearMatches.distance("same", "same")).isZero();
        assertThat(NearMatches.distance("gitlab", "gitlba")).as("a swap counts once").isEqualTo(1);
    }
}
