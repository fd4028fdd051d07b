package io.jenkins.plugins.gitproviders.core.routing;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Locale;

/**
 * Says which pull requests from forks a trigger builds. Pull requests from a branch of the watched repository itself
 * are not affected: their authors can push to the repository anyway.
 */
public enum ForkPolicy {
    /** Never builds a pull request from a fork (the default): anyone can open one, with any code. */
    NEVER,
    /**
     * Builds a pull request from a fork when the host vouches for its author (GitHub: owner, member or collaborator;
     * the other hosts' deliveries vouch for no one, so there this is {@link #NEVER}).
     */
    TRUSTED,
    /** Builds every pull request from a fork: only for jobs that run untrusted code safely. */
    ALWAYS;

    /** Returns the name as triggers spell it: {@code never}, {@code trusted}, {@code always}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a policy, ignoring case; blank is {@link #NEVER}.
     *
     * @throws IllegalArgumentException naming the field and the accepted values
     */
    public static ForkPolicy parse(@CheckForNull String text) {
        if (text == null || text.isBlank()) {
            return NEVER;
        }
        String value = text.strip().toUpperCase(Locale.ROOT);
        for (ForkPolicy policy : values()) {
            if (policy.name().equals(value)) {
                return policy;
            }
        }
        String shown = text.strip().replaceAll("\\p{Cntrl}", "?");
        throw new IllegalArgumentException("Fork pull requests: '" + (shown.length() <= 40 ? shown
                : shown.substring(0, 40) + "...") + "' is not one of never, trusted, always");
    }
}
