package io.jenkins.plugins.gitproviders.core.checkout;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.util.Optional;

/**
 * Tells where git sends a provider's credentials when it clones: the server address for HTTPS (the API credential
 * goes there as a password), the SSH host for an SSH key. Clone URLs of every repository of the provider start with
 * these addresses.
 */
public final class CloneAddresses {
    private CloneAddresses() {}

    /** Returns the address HTTPS clone URLs start with, or empty when the provider has no valid server address. */
    public static Optional<String> https(ProviderSpec provider) {
        return address(provider).map(ProviderAddress::serverUrl);
    }

    /**
     * Returns {@code ssh://host:port} of the provider's SSH clone URLs, or empty when the provider has no valid
     * server address.
     */
    public static Optional<String> ssh(ProviderSpec provider) {
        return address(provider).map(address -> CloneUrls.sshOrigin(provider.type(), address));
    }

    private static Optional<ProviderAddress> address(ProviderSpec provider) {
        try {
            return Optional.of(ProviderAddress.of(provider));
        } catch (CheckoutException e) {
            return Optional.empty();
        }
    }
}
