package io.jenkins.plugins.gitproviders.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

public class ProviderValidatorNameTest {

    @Test
    public void shouldRequireANameAndSayWhatItIsFor() {
        for (String blank : new String[] {null, "", "   \t"}) {
            // When
            List<Problem> problems = ProviderValidator.checkName(blank, List.of());

            // Then
            assertThat(problems).singleElement().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo(ProviderField.NAME);
                assertThat(problem.isError()).isTrue();
                assertThat(problem.message()).isEqualTo("Enter a name: jobs and Pipelines choose the provider by"
                        + " it, for example 'github' or 'gitlab-internal'.");
            });
        }
    }

    @Test
    public void shouldAcceptSixtyFourCharactersCountingCodePoints() {
        // Given 64 characters, some outside the basic plane (two chars each in Java)
        String name = "a".repeat(60) + "😀😀éé";

        // Then
        assertThat(ProviderValidator.checkName(name, List.of())).isEmpty();
        assertThat(ProviderValidator.checkName("x", List.of())).isEmpty();
    }

    @Test
    public void shouldRejectSixtyFiveCharactersAndSayTheLength() {
        // When
        List<Problem> problems = ProviderValidator.checkName("b".repeat(65), List.of());

        // Then
        assertThat(problems).extracting(Problem::message).containsExactly(
                "The name is 65 characters long; shorten it to at most 64 characters.");
    }

    @Test
    public void shouldMeasureTheNameAfterTrimming() {
        assertThat(ProviderValidator.checkName("  " + "c".repeat(64) + "  ", List.of())).isEmpty();
    }

    @Test
    public void shouldRejectControlCharactersAndSayWhichAndWhere() {
        // When
        List<Problem> problems = ProviderValidator.checkName("git\u0007hub", List.of());

        // Then
        assertThat(problems).extracting(Problem::message).containsExactly("The name contains an invisible or"
                + " control character (U+0007) at position 4; use visible characters and spaces only.");
    }

    @Test
    public void shouldRejectInvisibleFormattingCharacters() {
        // Given a right-to-left override and a zero-width space, which make one name look like another
        assertThat(ProviderValidator.checkName("git\u202Ehub", List.of())).extracting(Problem::message)
                .singleElement().asString().contains("U+202E").contains("position 4");
        assertThat(ProviderValidator.checkName("😀\u200Bx", List.of())).extracting(Problem::message)
                .singleElement().asString().contains("U+200B").contains("position 2");
        assertThat(ProviderValidator.checkName("line\u2028break", List.of())).hasSize(1);
    }

    @Test
    public void shouldAcceptSpacesPunctuationAndLettersOfAnyScript() {
        assertThat(ProviderValidator.checkName("GitHub (Zürich) – prod #2", List.of())).isEmpty();
        assertThat(ProviderValidator.checkName("ギットハブ", List.of())).isEmpty();
    }

    @Test
    public void shouldRejectANameUsedByAnotherProviderIgnoringCaseAndSpacesAndNameIt() {
        // Given
        List<ProviderSpec> others = List.of(ValidSpecs.github("Other"),
                ValidSpecs.spec("GitLab Internal", ProviderType.GITLAB_SELF_MANAGED));

        // When
        List<Problem> problems = ProviderValidator.checkName("  gitlab internal ", others);

        // Then
        assertThat(problems).extracting(Problem::message).containsExactly("The GitLab self-managed provider"
                + " 'GitLab Internal' already has this name; names are compared ignoring case and surrounding spaces."
                + " Choose another name.");
    }

    @Test
    public void shouldReportLengthAndClashTogether() {
        // Given
        String longName = "d".repeat(70);

        // When
        List<Problem> problems = ProviderValidator.checkName(longName, List.of(ValidSpecs.github(longName)));

        // Then
        assertThat(problems).hasSize(2);
    }

    @Test
    public void shouldShortenALongClashingNameInTheMessage() {
        // Given
        String longName = "e".repeat(100);

        // When
        List<Problem> problems = ProviderValidator.checkName(longName, List.of(ValidSpecs.github(longName)));

        // Then
        assertThat(problems.get(1).message()).contains("'" + "e".repeat(64) + "...'").doesNotContain("e".repeat(65));
    }
}
