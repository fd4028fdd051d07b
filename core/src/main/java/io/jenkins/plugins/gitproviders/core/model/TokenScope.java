package io.jenkins.plugins.gitproviders.core.model;

import java.util.Objects;

/**
 * Names a permission a host grants to a token and says what the plugin needs it for.
 *
 * @param name    the host's own name of the scope or permission, as the host shows it to the token's owner
 * @param purpose what the plugin does with it, in words an administrator understands
 */
public record TokenScope(String name, String purpose) {
    public TokenScope {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purpose, "purpose");
    }
}
