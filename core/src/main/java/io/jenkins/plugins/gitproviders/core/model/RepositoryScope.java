package io.jenkins.plugins.gitproviders.core.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells whether a repository lies within a provider's scope (organization, group with its subgroups, workspace,
 * project key, Azure DevOps organization or organization/project), and refuses one outside it unless the provider
 * allows repositories outside its scope. Checkout and webhook routing ask the same question here. Owner and group
 * names compare ignoring case, as the hosts do.
 */
public final class RepositoryScope {
    private RepositoryScope() {}

    /**
     * Tells whether the repository is within the provider's scope; always true for a provider without a scope.
     *
     * @param repositoryPath the repository's path on the host, segments separated by {@code /}
     *                       ({@code acme/payments}, {@code platform/infra/tools}, {@code org/project/repo})
     */
    public static boolean contains(ProviderSpec provider, String repositoryPath) {
        return contains(provider.type(), provider.scope(), repositoryPath);
    }

    /** Tells whether the repository, given as path segments, is within the provider's scope. */
    public static boolean contains(ProviderSpec provider, List<String> segments) {
        return contains(provider, String.join("/", segments));
    }

    /**
     * Tells whether a scope of a host type holds the repository: GitLab groups hold their subgroups' projects, Azure
     * DevOps scopes name an organization or organization/project, and elsewhere the scope is the repository's direct
     * owner (account, organization, workspace or project key). The scope's own path is not a repository inside it.
     *
     * @param scope the scope as configured, or {@code null} for none
     */
    public static boolean contains(ProviderType type, @CheckForNull String scope, String repositoryPath) {
        if (scope == null || scope.isBlank()) {
            return true;
        }
        List<String> scopeSegments = segments(scope);
        List<String> path = segments(repositoryPath);
        if (scopeSegments.isEmpty() || scopeSegments.size() >= path.size()
                || !path.subList(0, scopeSegments.size()).equals(scopeSegments)) {
            return false;
        }
        return type.isGitLab() || type == ProviderType.AZURE_DEVOPS
                || scopeSegments.size() == 1 && path.size() == 2;
    }

    /** Splits a path into its non-empty segments, lowercase: the hosts ignore case in these names. */
    private static List<String> segments(String path) {
        return Arrays.stream(path.strip().toLowerCase(Locale.ROOT).split("/"))
                .filter(segment -> !segment.isEmpty())
                .toList();
    }

    /**
     * Returns why the repository may not be used with the provider: it is outside the scope and the provider does not
     * allow repositories outside its scope. Empty when it may be used.
     */
    public static Optional<String> refusal(ProviderSpec provider, String repositoryPath) {
        if (provider.allowOutsideScope() || contains(provider, repositoryPath)) {
            return Optional.empty();
        }
        String scope = provider.scopeValue().orElse("");
        return Optional.of("Repository '" + ProviderValidator.quote(repositoryPath) + "' is outside the scope '"
                + ProviderValidator.quote(scope) + "' of provider '" + ProviderValidator.quote(provider.name())
                + "', so the provider refuses it: it serves only repositories in " + scope + ". Use a provider whose"
                + " scope contains the repository, or ask an administrator to tick 'Allow repositories outside the"
                + " scope' on provider '" + ProviderValidator.quote(provider.name()) + "'.");
    }
}
