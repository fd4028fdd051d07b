package io.jenkins.plugins.gitproviders.config;

import hudson.util.FormValidation;
import io.jenkins.plugins.gitproviders.core.model.CredentialKindLookup;
import io.jenkins.plugins.gitproviders.core.model.Problem;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderValidator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns the core's validation of one field into the form's {@link FormValidation}.
 */
final class FieldValidation {
    private FieldValidation() {}

    /** Tells the kind of a credential as the controller sees it. */
    static CredentialKindLookup systemKinds() {
        return id -> ProviderCredentials.findSystem(id, List.of()).flatMap(ProviderCredentials::kindOf);
    }

    /** Validates the draft and reports the problems of one field only. */
    static FormValidation check(String field, ProviderSpec draft, Collection<ProviderSpec> others) {
        List<Problem> problems =
                ProviderValidator.validate(draft, others, systemKinds()).problemsFor(field);
        if (problems.isEmpty()) {
            return FormValidation.ok();
        }
        List<FormValidation> results = new ArrayList<>();
        for (Problem problem : problems) {
            results.add(
                    problem.isError()
                            ? FormValidation.error(problem.message())
                            : FormValidation.warning(problem.message()));
        }
        return FormValidation.aggregate(results);
    }
}
