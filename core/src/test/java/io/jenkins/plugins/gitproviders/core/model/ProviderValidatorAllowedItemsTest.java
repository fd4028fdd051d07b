package io.jenkins.plugins.gitproviders.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.Test;

public class ProviderValidatorAllowedItemsTest {
    @Test
    public void shouldAcceptAnEmptyListAndValidPatterns() {
        assertThat(ProviderValidator.checkAllowedItems(List.of())).isEmpty();
        ProviderSpec spec = ValidSpecs.builder("GitHub", ProviderType.GITHUB)
                .allowedItems(List.of("team-a/**", "ops/deploy", "team-*/release")).build();

        assertThat(ProviderValidator.validate(spec, List.of()).problems()).isEmpty();
    }

    @Test
    public void shouldReportEachInvalidPatternBesideTheField() {
        ProviderSpec spec = ValidSpecs.builder("GitHub", ProviderType.GITHUB)
                .allowedItems(List.of("team-a/**", "/root", "a//b")).build();

        Validation validation = ProviderValidator.validate(spec, List.of());

        assertThat(validation.isValid()).isFalse();
        assertThat(validation.problemsFor(ProviderField.ALLOWED_ITEMS)).extracting(Problem::message)
                .satisfiesExactly(
                        m -> assertThat(m).contains("'/root'").contains("starts or ends with '/'"),
                        m -> assertThat(m).contains("'a//b'").contains("'//'"));
        assertThat(validation.errorSummary()).startsWith("Allowed jobs and folders: ");
    }

    @Test
    public void shouldBoundTheNumberOfPatterns() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= ProviderValidator.MAX_ALLOWED_ITEMS; i++) {
            many.add("job-" + i);
        }

        assertThat(ProviderValidator.checkAllowedItems(many)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("101 patterns").contains("folder/**"));
        assertThat(ProviderValidator.checkAllowedItems(Collections.nCopies(3, "x/**"))).isEmpty();
    }
}
