package io.jenkins.plugins.gitproviders.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class StatusWordsTest {
    @Test
    public void shouldShowOnlyTheExplainedCodesExactly() {
        assertThat(StatusWords.shown(401)).isEqualTo("HTTP 401");
        assertThat(StatusWords.shown(429)).isEqualTo("HTTP 429");
        assertThat(StatusWords.shown(418)).isEqualTo("HTTP 4xx");
        assertThat(StatusWords.shown(503)).isEqualTo("HTTP 5xx");
        assertThat(StatusWords.shown(302)).isEqualTo("HTTP 3xx");
        assertThat(StatusWords.shown(203)).isEqualTo("HTTP 2xx");
        assertThat(StatusWords.shown(999)).isEqualTo("an invalid HTTP status");
    }

    @Test
    public void shouldDescribeAnswersInFixedWords() {
        assertThat(StatusWords.answer(502)).isEqualTo("an error (HTTP 5xx)");
        assertThat(StatusWords.answer(401)).isEqualTo("a rejection of the credential (HTTP 401)");
        assertThat(StatusWords.answer(404)).isEqualTo("'not found' (HTTP 404)");
        assertThat(StatusWords.answer(418)).isEqualTo("a refusal of the request (HTTP 4xx)");
        assertThat(StatusWords.answer(200)).isEqualTo("an answer (HTTP 200)");
    }

    @Test
    public void shouldAcceptVersionNumbersOnly() {
        assertThat(StatusWords.version("17.1.0-ee")).isEqualTo("17.1.0-ee");
        assertThat(StatusWords.version(" 1.22.0+dev-45-g1 ")).isEqualTo("1.22.0+dev-45-g1");
        assertThat(StatusWords.version("secret text")).isEmpty();
        assertThat(StatusWords.version("1.0 <script>")).isEmpty();
        assertThat(StatusWords.version("1".repeat(41))).isEmpty();
        assertThat(StatusWords.version(null)).isEmpty();
    }
}
