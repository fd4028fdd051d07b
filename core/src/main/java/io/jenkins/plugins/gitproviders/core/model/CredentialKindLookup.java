package io.jenkins.plugins.gitproviders.core.model;

import java.util.Optional;

/**
 * Tells the kind of a credential from its ID; the plugin implements it with the Credentials API, core only needs
 * the answer. An empty answer means the kind is unknown (not found, or not looked up).
 */
@FunctionalInterface
public interface CredentialKindLookup {
    /** A lookup that knows no credential: every rule that depends on a kind assumes the strictest case. */
    CredentialKindLookup UNKNOWN = credentialsId -> Optional.empty();

    /** Returns the kind of the credential with this ID, or empty if unknown. */
    Optional<CredentialKind> kindOf(String credentialsId);
}
