package io.jenkins.plugins.gitproviders.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class RefNamesTest {
    @Test
    public void shouldAcceptNamesGitAccepts() {
        assertThat(RefNames.problem("refs/heads/main")).isEmpty();
        assertThat(RefNames.problem("feature/JIRA-12_x.y")).isEmpty();
        assertThat(RefNames.problem("v2.3.1")).isEmpty();
        assertThat(RefNames.problem("a@b")).isEmpty();
        assertThat(RefNames.problem("#12")).isEmpty();
    }

    @Test
    public void shouldRefuseEveryCheckRefFormatRuleWithItsReason() {
        assertThat(RefNames.problem("")).contains("is empty");
        assertThat(RefNames.problem("a..b")).contains("contains '..'");
        assertThat(RefNames.problem("a@{1}")).contains("contains '@{'");
        assertThat(RefNames.problem("@")).contains("is '@'");
        assertThat(RefNames.problem("a\u0001b")).contains("contains a control character");
        assertThat(RefNames.problem("a\u007fb")).contains("contains a control character");
        assertThat(RefNames.problem("a b")).contains("contains a space");
        assertThat(RefNames.problem("a~1")).contains("contains '~'");
        assertThat(RefNames.problem("a^")).contains("contains '^'");
        assertThat(RefNames.problem("a:b")).contains("contains ':'");
        assertThat(RefNames.problem("a?")).contains("contains '?'");
        assertThat(RefNames.problem("a*")).contains("contains '*'");
        assertThat(RefNames.problem("a[b")).contains("contains '['");
        assertThat(RefNames.problem("a\\b")).contains("contains '\\'");
        assertThat(RefNames.problem("-rf")).contains("starts with '-'");
        assertThat(RefNames.problem("a/.hidden")).contains("has a part starting with '.'");
        assertThat(RefNames.problem(".a")).contains("has a part starting with '.'");
        assertThat(RefNames.problem("a/b.lock")).contains("has a part ending with '.lock'");
        assertThat(RefNames.problem("a/")).contains("starts or ends with '/'");
        assertThat(RefNames.problem("/a")).contains("starts or ends with '/'");
        assertThat(RefNames.problem("a.")).contains("ends with '.'");
        assertThat(RefNames.problem("a//b")).contains("contains '//'");
        assertThat(RefNames.problem("a".repeat(RefNames.MAX_LENGTH + 1))).contains("is longer than 1024 characters");
    }
}
