package io.jenkins.plugins.gitproviders.core.client;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.TokenScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the diagnosis of a provider whose API credential cannot be used (none chosen, or none with that ID of a
 * kind that holds a token), so that a missing credential is reported like every other authentication failure.
 */
public final class CredentialProblem {
    private CredentialProblem() {}

    /**
     * Returns a diagnosis with a failed authentication check naming the credential, every other check skipped.
     *
     * @param provider the provider whose credential could not be resolved
     * @param clock    the clock giving the finishing time
     */
    public static Diagnosis diagnosis(ProviderSpec provider, Clock clock) {
        String scopes = provider.type().requiredTokenScopes().stream().map(TokenScope::name)
                .collect(Collectors.joining(", "));
        Check authentication = provider.credentialsId() == null
                ? Check.fail(CheckId.AUTHENTICATION, "No API credential is chosen for this provider.",
                        "Choose the API credentials of the provider: a secret text or username with password"
                                + " credential holding a token with: " + scopes + ".")
                : Check.fail(CheckId.AUTHENTICATION, "Jenkins has no usable credential with the ID '"
                                + provider.credentialsId() + "': it does not exist, is not visible in the system or"
                                + " global scope, or is not a secret text or username with password credential.",
                        "Open Manage Jenkins > Credentials and check the credential '" + provider.credentialsId()
                                + "' (kind, and a domain that matches the server address), or choose another one.");
        List<Check> checks = new ArrayList<>();
        for (CheckId id : CheckId.values()) {
            checks.add(id == CheckId.AUTHENTICATION
                    ? authentication
                    : Check.skipped(id, "Not checked: there is no usable API credential."));
        }
        return new Diagnosis(provider.name(), checks, null, null, clock.instant());
    }
}
