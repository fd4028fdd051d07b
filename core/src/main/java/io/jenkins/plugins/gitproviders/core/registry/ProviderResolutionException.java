package io.jenkins.plugins.gitproviders.core.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Optional;

/**
 * Reports why a job could not get a provider, with a reason a program can branch on and a message a person can act
 * on.
 */
public final class ProviderResolutionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Reason reason;
    @CheckForNull
    private final String requestedName;
    private final List<String> nearMatches;

    ProviderResolutionException(
            Reason reason, @CheckForNull String requestedName, List<String> nearMatches, String message) {
        super(message);
        this.reason = reason;
        this.requestedName = requestedName;
        this.nearMatches = List.copyOf(nearMatches);
    }

    public Reason reason() {
        return reason;
    }

    /** Returns the name the job asked for, or empty when it asked for the default provider. */
    public Optional<String> requestedName() {
        return Optional.ofNullable(requestedName);
    }

    /** Returns the names of existing providers close to an unknown name, best first; empty for other reasons. */
    public List<String> nearMatches() {
        return nearMatches;
    }

    /** Tells why no provider could be resolved. */
    public enum Reason {
        /** No provider is configured at all. */
        NO_PROVIDERS,
        /** The job named no provider and no default is set. */
        NO_DEFAULT,
        /** No provider has the name the job gave. */
        UNKNOWN_NAME,
        /** The provider exists but is inactive. */
        INACTIVE
    }
}
