package io.jenkins.plugins.gitproviders.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

public class ValidationTest {
    private final Problem nameError = Problem.error(ProviderField.NAME, "Enter a name.");
    private final Problem urlWarning = Problem.warning(ProviderField.SERVER_URL, "Plain http.");
    private final Problem urlError = Problem.error(ProviderField.SERVER_URL, "Has a query.");

    @Test
    public void shouldSplitErrorsFromWarnings() {
        // Given
        Validation validation = new Validation(List.of(nameError, urlWarning, urlError));

        // Then
        assertThat(validation.errors()).containsExactly(nameError, urlError);
        assertThat(validation.warnings()).containsExactly(urlWarning);
        assertThat(validation.isValid()).isFalse();
    }

    @Test
    public void shouldListAFieldsProblemsErrorsFirst() {
        // Given
        Validation validation = new Validation(List.of(urlWarning, nameError, urlError));

        // Then
        assertThat(validation.problemsFor(ProviderField.SERVER_URL)).containsExactly(urlError, urlWarning);
        assertThat(validation.problemsFor(ProviderField.SCOPE)).isEmpty();
    }

    @Test
    public void shouldBeValidWithOnlyWarnings() {
        assertThat(new Validation(List.of(urlWarning)).isValid()).isTrue();
        assertThat(new Validation(List.of()).isValid()).isTrue();
    }

    @Test
    public void shouldSummarizeErrorsWithTheirFieldLabels() {
        // Given
        Validation validation = new Validation(List.of(nameError, urlWarning, urlError));

        // Then
        assertThat(validation.errorSummary()).isEqualTo("Name: Enter a name. Server URL: Has a query.");
    }

    @Test
    public void shouldShowSeverityAndLabelInAProblemsText() {
        assertThat(urlWarning).hasToString("WARNING Server URL: Plain http.");
    }

    @Test
    public void shouldLabelEveryField() {
        for (String field : ProviderField.SPEC_FIELDS) {
            assertThat(ProviderField.label(field)).as(field).isNotEqualTo(field).isNotBlank();
        }
        assertThat(ProviderField.label(ProviderField.DEFAULT_PROVIDER)).isEqualTo("Default provider");
    }
}
