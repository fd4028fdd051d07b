package io.jenkins.plugins.gitproviders.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import org.junit.Test;

public class StatusContextTest {
    private static final ProviderSpec GITHUB = ProviderSpec.builder("github", ProviderType.GITHUB).build();

    @Test
    public void shouldNameTheJobUnderTheDefaultPrefix() {
        assertThat(StatusContext.forBuild(GITHUB, "team/app/main", null)).isEqualTo("jenkins/team/app/main");
    }

    @Test
    public void shouldUseTheProviderPrefixSoControllersDoNotOverwriteEachOther() {
        // Given a provider of a second controller with its own prefix
        ProviderSpec provider = GITHUB.toBuilder().statusContextPrefix("ci-eu/").build();

        // Then
        assertThat(StatusContext.forBuild(provider, "app", null)).isEqualTo("ci-eu/app");
    }

    @Test
    public void shouldLetAJobNameItsOwnStatusUnderThePrefix() {
        assertThat(StatusContext.forBuild(GITHUB, "team/app", " /integration tests/ ")).isEqualTo(
                "jenkins/integration tests");
        assertThat(StatusContext.forBuild(GITHUB, "team/app", "  ")).isEqualTo("jenkins/team/app");
    }

    @Test
    public void shouldPutAStageBelowTheBuildsContext() {
        assertThat(StatusContext.forStage("jenkins/team/app", "lint")).isEqualTo("jenkins/team/app/lint");
        assertThatThrownBy(() -> StatusContext.forStage("jenkins/app", " / ")).hasMessageContaining("empty");
    }

    @Test
    public void shouldCleanControlCharactersAndBoundTheLengthStably() {
        // Given a job name with a newline and a very long one
        String longName = "a".repeat(300);

        // When
        String cleaned = StatusContext.forBuild(GITHUB, "team/\napp", null);
        String bounded = StatusContext.forBuild(GITHUB, longName, null);

        // Then the newline is gone, and the long one is cut to 255 with a digest that stays the same
        assertThat(cleaned).isEqualTo("jenkins/team/ app");
        assertThat(bounded).hasSize(StatusContext.MAX_LENGTH).startsWith("jenkins/aaa")
                .isEqualTo(StatusContext.forBuild(GITHUB, longName, null))
                .isNotEqualTo(StatusContext.forBuild(GITHUB, longName + "b", null));
        assertThat(bounded).matches(".*~[0-9a-f]{8}");
    }

    @Test
    public void shouldShortenAKeyToTheHostsLimitKeepingDifferentContextsApart() {
        // Given two long contexts that differ only at the end
        String first = "jenkins/organization/team/application/main";
        String second = "jenkins/organization/team/application/release";

        // When
        String firstKey = StatusContext.key(first, 40);
        String secondKey = StatusContext.key(second, 40);

        // Then
        assertThat(firstKey).hasSize(40).isNotEqualTo(secondKey);
        assertThat(StatusContext.key("jenkins/app", 40)).isEqualTo("jenkins/app");
    }

    @Test
    public void shouldRefuseAnEmptyName() {
        assertThatThrownBy(() -> StatusContext.forBuild(GITHUB, " ", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
