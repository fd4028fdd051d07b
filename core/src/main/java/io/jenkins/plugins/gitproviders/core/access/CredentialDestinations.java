package io.jenkins.plugins.gitproviders.core.access;

import io.jenkins.plugins.gitproviders.core.access.CredentialDestination.Use;
import io.jenkins.plugins.gitproviders.core.checkout.CloneAddresses;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Tells the exact addresses a provider sends its credentials to, and which pairings of credential and address a
 * change of the configuration creates. A credential is only as safe as the addresses it goes to: whoever may pair
 * a credential with a new address may read it, so new pairings are for administrators to make.
 */
public final class CredentialDestinations {
    private CredentialDestinations() {}

    /**
     * Returns every address the provider sends a credential to: the API credential to the effective API address
     * (every REST call) and, unless an SSH key clones, to the server address (git over HTTPS); the SSH key to the
     * SSH host. Addresses that cannot be derived (no server URL) are left out, since nothing is sent there.
     */
    public static List<CredentialDestination> of(ProviderSpec provider) {
        List<CredentialDestination> destinations = new ArrayList<>();
        String token = provider.credentialsId();
        if (token != null) {
            provider.effectiveApiUrl().ifPresent(url -> destinations.add(
                    new CredentialDestination(token, Use.API, url)));
            if (provider.sshCredentialsId() == null) {
                CloneAddresses.https(provider).ifPresent(url -> destinations.add(
                        new CredentialDestination(token, Use.HTTPS_CLONE, url)));
            }
        }
        String key = provider.sshCredentialsId();
        if (key != null) {
            CloneAddresses.ssh(provider).ifPresent(url -> destinations.add(
                    new CredentialDestination(key, Use.SSH_CLONE, url)));
        }
        return List.copyOf(destinations);
    }

    /** Returns the addresses the provider sends the credential with the given ID to; empty if it does not use it. */
    public static List<CredentialDestination> of(ProviderSpec provider, String credentialsId) {
        return of(provider).stream().filter(destination -> destination.credentialsId().equals(credentialsId))
                .toList();
    }

    /**
     * Compares a saved configuration with the one about to be saved and returns each pairing of a credential with
     * an address that no saved provider has: a new provider with a credential, a changed server or API address, a
     * changed credential, or a newly chosen SSH key. Pairings the saved configuration already has (under any
     * provider name) are not new, so renaming, reordering, deactivating or changing other fields creates none.
     *
     * @param saved the providers as saved now
     * @param next  the providers about to be saved
     * @return the new pairings, in the order of {@code next}; empty when the change sends no credential anywhere new
     */
    public static List<NewPairing> newPairings(Collection<ProviderSpec> saved, Collection<ProviderSpec> next) {
        List<CredentialDestination> known = new ArrayList<>();
        for (ProviderSpec provider : saved) {
            known.addAll(of(provider));
        }
        List<NewPairing> pairings = new ArrayList<>();
        for (ProviderSpec provider : next) {
            for (CredentialDestination destination : of(provider)) {
                if (known.stream().noneMatch(destination::samePairing)) {
                    pairings.add(new NewPairing(provider.name(), destination));
                }
            }
        }
        return List.copyOf(pairings);
    }
}
