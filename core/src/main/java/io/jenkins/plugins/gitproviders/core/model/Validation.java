package io.jenkins.plugins.gitproviders.core.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Holds every problem found in a provider specification, errors and warnings, in field order.
 *
 * @param problems all problems found; empty when the specification is fine
 */
public record Validation(List<Problem> problems) {
    public Validation {
        problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
    }

    /** Returns the problems that prevent saving. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** Returns the problems that allow saving but deserve attention. */
    public List<Problem> warnings() {
        return problems.stream().filter(problem -> !problem.isError()).toList();
    }

    /** Returns the problems of one field, errors first; a form shows them beside that field. */
    public List<Problem> problemsFor(String field) {
        return problems.stream()
                .filter(problem -> problem.field().equals(field))
                .sorted((a, b) -> a.severity().compareTo(b.severity()))
                .toList();
    }

    /** Tells whether the specification has no errors; warnings do not count. */
    public boolean isValid() {
        return problems.stream().noneMatch(Problem::isError);
    }

    /** Joins the errors into one sentence per field, for an exception shown away from the form. */
    public String errorSummary() {
        return errors().stream()
                .map(problem -> ProviderField.label(problem.field()) + ": " + problem.message())
                .collect(Collectors.joining(" "));
    }
}
