package io.jenkins.plugins.gitproviders.core.checkout;

import java.util.Optional;

/**
 * Applies git's ref-name rules for the checkout code; the rules live in
 * {@link io.jenkins.plugins.gitproviders.core.repository.RefNames}, shared with the webhook parsers.
 */
public final class RefNames {
    /** Bounds a ref name, as {@link io.jenkins.plugins.gitproviders.core.repository.RefNames#MAX_LENGTH}. */
    public static final int MAX_LENGTH = io.jenkins.plugins.gitproviders.core.repository.RefNames.MAX_LENGTH;

    private RefNames() {}

    /** Tells what is wrong with a ref name, or empty when git accepts it. */
    public static Optional<String> problem(String name) {
        return io.jenkins.plugins.gitproviders.core.repository.RefNames.problem(name);
    }

    /** Tells whether git accepts the name as a ref. */
    public static boolean isValid(String name) {
        return io.jenkins.plugins.gitproviders.core.repository.RefNames.isValid(name);
    }
}
