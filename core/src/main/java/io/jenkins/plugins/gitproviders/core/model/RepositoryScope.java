package io.jenkins.plugins.gitproviders.core.model;

import java.util.Arrays;
import java.util.List;
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
        return contains(provider, Arrays.asList(repositoryPath.split("/", -1)));
    }

    /** Tells whether the repository, given as path segments, is within the provider's scope. */
    public static boolean contains(ProviderSpec provider, List<String> segments) {
        Optional<String> scope = provider.scopeValue();
        if (scope.isEmpty()) {
            return true;
        }
        List<String> scopeSegments = Arrays.asList(scope.get().split("/"));
        // The repository's own name comes after the scope, so the path is longer.
        if (scopeSegments.size() >= segments.size()) {
            return false;
        }
        for (int i = 0; i < scopeSegments.size(); i++) {
            if (!scopeSegments.get(i).equalsIgnoreCase(segments.get(i))) {
                return false;
            }
        }
        ProviderType type = provider.type();
        // Only GitLab groups nest and only Azure DevOps scopes name organization/project; elsewhere the scope is the
        // repository's direct owner.
        return type.isGitLab() || type == ProviderType.AZURE_DEVOPS || scopeSegments.size() == segments.size() - 1;
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
