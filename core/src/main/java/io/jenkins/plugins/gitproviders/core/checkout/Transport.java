package io.jenkins.plugins.gitproviders.core.checkout;

/**
 * Tells how a plan's clone URL reaches the host.
 */
public enum Transport {
    /** HTTPS (or HTTP on a self-hosted server configured so), authenticated with the provider's API credentials. */
    HTTPS,
    /** SSH, authenticated with the provider's SSH private key. */
    SSH
}
