package io.jenkins.plugins.gitproviders.core.access;

import io.jenkins.plugins.gitproviders.core.model.ProviderValidator;
import java.util.Objects;

/**
 * Reports that a provider would send a credential to an address no saved provider sends it to.
 *
 * @param providerName the provider about to be saved
 * @param destination  the credential and the new address
 */
public record NewPairing(String providerName, CredentialDestination destination) {
    public NewPairing {
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(destination, "destination");
    }

    /** Explains why saving needs an administrator, naming the provider, the credential ID and the address. */
    public String message() {
        return "Provider '" + ProviderValidator.quote(providerName) + "' would send the credential '"
                + ProviderValidator.quote(destination.credentialsId()) + "' to "
                + ProviderValidator.quote(destination.shownUrl()) + " for " + destination.use().description()
                + ", where no saved provider sends it. Only an administrator (Overall/Administer) may pair a"
                + " credential with a new address.";
    }
}
