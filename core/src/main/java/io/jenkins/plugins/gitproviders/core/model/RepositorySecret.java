package io.jenkins.plugins.gitproviders.core.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives the repositories matching a pattern a webhook secret of their own, so that the holder of the provider's shared
 * secret cannot sign deliveries for them and the holder of theirs cannot sign deliveries for anything else.
 *
 * <p>Patterns, compared ignoring case: a repository path as the host spells it ({@code acme/payments},
 * {@code group/sub/project}, {@code org/project/repo} for Azure DevOps), or a namespace followed by {@code /*}
 * ({@code acme/*}, {@code group/sub/*}) for every repository below it at any depth. See {@link RepositorySecrets}
 * for which secret applies when several match.
 *
 * @param repository    the repository path or {@code namespace/*} pattern, trimmed
 * @param credentialsId the ID of the secret text credential holding the secret, trimmed
 */
public record RepositorySecret(String repository, String credentialsId) {
    /** Marks a pattern that covers every repository below a namespace. */
    public static final String ANY_BELOW = "/*";
    /** The longest pattern accepted, in characters (hosts limit paths far below this). */
    public static final int MAX_PATTERN_LENGTH = 512;

    public RepositorySecret {
        repository = Objects.requireNonNullElse(ProviderSpec.clean(repository), "");
        credentialsId = Objects.requireNonNullElse(ProviderSpec.clean(credentialsId), "");
    }

    /** Tells whether the pattern covers a whole namespace ({@code acme/*}) rather than one repository. */
    public boolean coversNamespace() {
        return repository.endsWith(ANY_BELOW);
    }

    /** Returns the pattern as it is compared: lowercase, without a {@code .git} suffix. */
    public String normalizedPattern() {
        String pattern = repository.toLowerCase(Locale.ROOT);
        return pattern.endsWith(".git") ? pattern.substring(0, pattern.length() - 4) : pattern;
    }

    /**
     * Tells how closely the pattern matches a repository path, or empty when it does not match: an exact path ranks
     * above every namespace, and a longer namespace above a shorter one.
     *
     * @param repositoryPath the repository's path, in any case ({@code acme/payments})
     */
    Optional<Integer> rank(String repositoryPath) {
        String path = repositoryPath.toLowerCase(Locale.ROOT);
        String pattern = normalizedPattern();
        if (!coversNamespace()) {
            return pattern.equals(path) ? Optional.of(Integer.MAX_VALUE) : Optional.empty();
        }
        String namespace = pattern.substring(0, pattern.length() - 1);
        return path.startsWith(namespace) && path.length() > namespace.length()
                ? Optional.of(namespace.length()) : Optional.empty();
    }

    /**
     * Tells what is wrong with the pattern, or empty when it is usable: present, at most
     * {@value #MAX_PATTERN_LENGTH} characters, at least two non-empty segments (or one before {@code /*}), no
     * wildcard other than a final {@code /*}, no spaces, control characters, scheme or host.
     */
    public Optional<String> patternProblem() {
        String value = repository;
        if (value.isEmpty()) {
            return Optional.of("Enter a repository such as 'acme/payments', or an owner or group such as 'acme/*'.");
        }
        if (value.length() > MAX_PATTERN_LENGTH) {
            return Optional.of("The repository pattern is longer than " + MAX_PATTERN_LENGTH + " characters.");
        }
        if (value.contains("://") || value.contains("@")) {
            return Optional.of("Give the repository's path on the host ('acme/payments'), not its address.");
        }
        if (value.chars().anyMatch(c -> Character.isWhitespace(c) && c != ' ' || Character.isISOControl(c))) {
            return Optional.of("The repository pattern contains a control character or a line break.");
        }
        String body = coversNamespace() ? value.substring(0, value.length() - ANY_BELOW.length()) : value;
        if (body.contains("*")) {
            return Optional.of("Only a final '/*' is allowed as a wildcard, as in 'acme/*'; '" + quote(value)
                    + "' has another '*'.");
        }
        String[] segments = body.split("/", -1);
        for (String segment : segments) {
            if (segment.isBlank()) {
                return Optional.of("'" + quote(value) + "' has an empty path segment; write it like 'acme/payments'"
                        + " or 'acme/*'.");
            }
        }
        if (!coversNamespace() && segments.length < 2) {
            return Optional.of("'" + quote(value) + "' names no repository: write 'owner/repository', or 'owner/*'"
                    + " for every repository of the owner.");
        }
        return Optional.empty();
    }

    private static String quote(@CheckForNull String value) {
        return value == null ? "" : ProviderValidator.quote(value);
    }
}
