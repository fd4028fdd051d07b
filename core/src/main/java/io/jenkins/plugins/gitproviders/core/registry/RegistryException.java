package io.jenkins.plugins.gitproviders.core.registry;

import io.jenkins.plugins.gitproviders.core.model.Problem;
import io.jenkins.plugins.gitproviders.core.model.ProviderField;
import io.jenkins.plugins.gitproviders.core.model.Validation;
import java.util.List;

/**
 * Reports that an operation would break a rule of the registry, naming the field a person should change and
 * saying what to do. The registry is left as it was.
 */
public final class RegistryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient List<Problem> problems;

    /**
     * Reports a broken rule.
     *
     * @param field   the field to change, one of {@link ProviderField}'s names
     * @param message what is wrong and what to do
     */
    public RegistryException(String field, String message) {
        this(field, message, List.of(Problem.error(field, message)));
    }

    private RegistryException(String field, String message, List<Problem> problems) {
        super(message);
        this.field = field;
        this.problems = List.copyOf(problems);
    }

    /** Reports a specification that failed validation; the message lists every error, prefixed by the action. */
    static RegistryException invalid(String action, Validation validation) {
        List<Problem> errors = validation.errors();
        return new RegistryException(errors.get(0).field(), action + ": " + validation.errorSummary(), errors);
    }

    /** Returns the field to change; when several are wrong, the first in form order. */
    public String field() {
        return field;
    }

    /** Returns every error behind the exception, each with its field, for a form that shows them in place. */
    public List<Problem> problems() {
        return problems == null ? List.of(Problem.error(field, getMessage())) : problems;
    }
}
