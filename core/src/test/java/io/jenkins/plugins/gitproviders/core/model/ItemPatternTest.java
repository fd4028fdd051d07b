package io.jenkins.plugins.gitproviders.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class ItemPatternTest {
    @Test
    public void shouldMatchAnExactFullNameOnly() {
        ItemPattern pattern = ItemPattern.parse("team-a/deploy");

        assertThat(pattern.matches("team-a/deploy")).isTrue();
        assertThat(pattern.matches("team-a/deploy-2")).isFalse();
        assertThat(pattern.matches("team-a/deploy/x")).isFalse();
        assertThat(pattern.matches("TEAM-A/deploy")).as("case-sensitive, like Jenkins item names").isFalse();
        assertThat(pattern.matches("team-a")).isFalse();
    }

    @Test
    public void shouldMatchTheDirectChildrenOfAFolderWithOneStar() {
        ItemPattern pattern = ItemPattern.parse("team-a/*");

        assertThat(pattern.matches("team-a/deploy")).isTrue();
        assertThat(pattern.matches("team-a/sub/deploy")).isFalse();
        assertThat(pattern.matches("team-a")).isFalse();
        assertThat(pattern.matches("team-ab/deploy")).isFalse();
    }

    @Test
    public void shouldMatchEverythingInsideAFolderWithTwoStars() {
        ItemPattern pattern = ItemPattern.parse("team-a/**");

        assertThat(pattern.matches("team-a/deploy")).isTrue();
        assertThat(pattern.matches("team-a/sub/deeper/deploy")).isTrue();
        assertThat(pattern.matches("team-a")).as("the folder itself is not inside it").isFalse();
        assertThat(pattern.matches("team-ab/deploy")).isFalse();
        assertThat(pattern.matches("other/team-a/deploy")).isFalse();
    }

    @Test
    public void shouldMatchAtAnyDepthWithLeadingOrMiddleTwoStars() {
        assertThat(ItemPattern.parse("**/deploy").matches("deploy")).isTrue();
        assertThat(ItemPattern.parse("**/deploy").matches("a/b/deploy")).isTrue();
        assertThat(ItemPattern.parse("**/deploy").matches("a/deploy/x")).isFalse();
        assertThat(ItemPattern.parse("team-a/**/release").matches("team-a/release")).isTrue();
        assertThat(ItemPattern.parse("team-a/**/release").matches("team-a/x/y/release")).isTrue();
        assertThat(ItemPattern.parse("team-a/**/release").matches("team-b/x/release")).isFalse();
        assertThat(ItemPattern.parse("**").matches("anything/at/all")).isTrue();
    }

    @Test
    public void shouldMatchPartOfANameWithOneStarWithinThatNameOnly() {
        ItemPattern pattern = ItemPattern.parse("team-*/*-deploy");

        assertThat(pattern.matches("team-a/prod-deploy")).isTrue();
        assertThat(pattern.matches("team-/-deploy")).isTrue();
        assertThat(pattern.matches("team-a/x/prod-deploy")).isFalse();
        assertThat(pattern.matches("team-a/prod-deploy-2")).isFalse();
        assertThat(ItemPattern.parse("*").matches("top")).isTrue();
        assertThat(ItemPattern.parse("*").matches("folder/job")).isFalse();
    }

    @Test
    public void shouldTreatRegexCharactersAsThemselves() {
        assertThat(ItemPattern.parse("a.b/(c)+").matches("a.b/(c)+")).isTrue();
        assertThat(ItemPattern.parse("a.b").matches("axb")).isFalse();
    }

    @Test
    public void shouldStayFastOnPatternsWithManyWildcards() {
        // Memoised matching: no exponential backtracking over folder levels.
        ItemPattern pattern = ItemPattern.parse("**/**/**/**/**/**/**/**/**/**/x");
        String deep = "a/".repeat(200) + "y";

        assertThat(pattern.matches(deep)).isFalse();
    }

    @Test
    public void shouldExplainEveryInvalidPattern() {
        assertThat(ItemPattern.problem(" ")).hasValueSatisfying(m -> assertThat(m).startsWith("An empty pattern"));
        assertThat(ItemPattern.problem("/team-a/x")).hasValueSatisfying(m -> assertThat(m)
                .contains("starts or ends with '/'").contains("team-a/**"));
        assertThat(ItemPattern.problem("team-a/")).isPresent();
        assertThat(ItemPattern.problem("team-a//x")).hasValueSatisfying(m -> assertThat(m).contains("'//'"));
        assertThat(ItemPattern.problem("team-a/x**")).hasValueSatisfying(m -> assertThat(m)
                .contains("** inside a name"));
        assertThat(ItemPattern.problem("team-?/x")).hasValueSatisfying(m -> assertThat(m)
                .contains("'?'").contains("never match"));
        assertThat(ItemPattern.problem("team[ab]")).hasValueSatisfying(m -> assertThat(m).contains("'['"));
        assertThat(ItemPattern.problem("a /b")).hasValueSatisfying(m -> assertThat(m).contains("spaces"));
        assertThat(ItemPattern.problem("a\tb")).hasValueSatisfying(m -> assertThat(m).contains("control"));
        assertThat(ItemPattern.problem("a".repeat(ItemPattern.MAX_LENGTH + 1))).isPresent();
        assertThat(ItemPattern.problem("my folder/my job")).as("spaces inside names are fine").isEmpty();
        assertThatThrownBy(() -> ItemPattern.parse("a//b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'//'");
    }

    @Test
    public void shouldIgnoreSurroundingSpacesOfTheWholePattern() {
        assertThat(ItemPattern.parse("  team-a/**  ").matches("team-a/x")).isTrue();
        assertThat(ItemPattern.parse(" team-a/** ")).isEqualTo(ItemPattern.parse("team-a/**"))
                .hasToString("team-a/**");
    }

    @Test
    public void shouldSplitPatternsByLineOrComma() {
        assertThat(ItemPattern.lines(" team-a/**\r\n\n team-b/deploy , ops/*\n")).containsExactly("team-a/**",
                "team-b/deploy", "ops/*");
        assertThat(ItemPattern.lines(null)).isEmpty();
        assertThat(ItemPattern.lines(" \n ")).isEmpty();
    }
}
