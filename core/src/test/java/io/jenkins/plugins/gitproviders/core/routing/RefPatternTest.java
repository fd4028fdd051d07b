package io.jenkins.plugins.gitproviders.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.Test;

public class RefPatternTest {
    @Test
    public void shouldMatchExactNamesOnly() {
        RefPattern main = RefPattern.of("main");
        assertThat(main.matches("main")).isTrue();
        assertThat(main.matches("main2")).isFalse();
        assertThat(main.matches("Main")).isFalse();
        assertThat(RefPattern.of("release.1+x").matches("release.1+x")).isTrue();
        assertThat(RefPattern.of("release.1+x").matches("releaseX1+x")).isFalse();
    }

    @Test
    public void shouldMatchOneStarWithinASegmentOnly() {
        RefPattern release = RefPattern.of("release/*");
        assertThat(release.matches("release/1.0")).isTrue();
        assertThat(release.matches("release/")).isTrue();
        assertThat(release.matches("release/1.0/hotfix")).isFalse();
        assertThat(release.matches("releases/1.0")).isFalse();
        assertThat(RefPattern.of("*").matches("feature/x")).isFalse();
        assertThat(RefPattern.of("v?.*").matches("v1.2")).isTrue();
        assertThat(RefPattern.of("v?.*").matches("v12.2")).isFalse();
    }

    @Test
    public void shouldMatchTwoStarsAcrossSegments() {
        assertThat(RefPattern.of("**").matches("feature/a/b")).isTrue();
        assertThat(RefPattern.of("feature/**").matches("feature/a/b")).isTrue();
        assertThat(RefPattern.of("feature/**").matches("feature")).isFalse();
        assertThat(RefPattern.of("**/hotfix").matches("release/1/hotfix")).isTrue();
        assertThat(RefPattern.of("**/hotfix").matches("hotfix")).isTrue();
        assertThat(RefPattern.of("a/**/z").matches("a/z")).isTrue();
        assertThat(RefPattern.of("a/**/z").matches("a/b/c/z")).isTrue();
        assertThat(RefPattern.of("a/**/z").matches("a/b/c/y")).isFalse();
    }

    @Test
    public void shouldIgnoreTheFullRefPrefix() {
        assertThat(RefPattern.of("refs/heads/main").matches("main")).isTrue();
        assertThat(RefPattern.of("refs/tags/v*").matches("v1")).isTrue();
    }

    @Test
    public void shouldSplitAFieldOfPatterns() {
        assertThat(RefPattern.list(" main, release/*  develop\n")).extracting(RefPattern::glob)
                .containsExactly("main", "release/*", "develop");
        assertThat(RefPattern.list("  ")).isEmpty();
    }

    @Test
    public void shouldRefuseBlankOrOverlongPatterns() {
        assertThatThrownBy(() -> RefPattern.of(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> RefPattern.of("refs/heads/")).hasMessageContaining("empty");
        assertThatThrownBy(() -> RefPattern.of("x".repeat(300))).hasMessageContaining("longer than 256");
        assertThatThrownBy(() -> RefPattern.of("a b")).hasMessageContaining("whitespace");
    }

    @Test
    public void shouldSelectByIncludeThenExclude() {
        RefFilter filter = RefFilter.of("main release/*", "release/old-*");

        assertThat(filter.matches("main")).isTrue();
        assertThat(filter.matches("release/2.0")).isTrue();
        assertThat(filter.rejection("release/old-1", "branch")).contains(
                "branch 'release/old-1' is excluded by 'release/old-*'");
        assertThat(filter.rejection("feature/x", "branch")).contains(
                "branch 'feature/x' is not included (included: main, release/*)");
        assertThat(RefFilter.of("", "wip/*").matches("anything")).isTrue();
        assertThat(RefFilter.of("", "wip/*").matches("wip/x")).isFalse();
        assertThat(RefFilter.ALL.matches("whatever/at/all")).isTrue();
    }
}
