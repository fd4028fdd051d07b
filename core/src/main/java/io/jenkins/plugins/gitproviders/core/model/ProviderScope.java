package io.jenkins.plugins.gitproviders.core.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells whether a repository lies inside a provider's scope, by the repository's path on the provider's host as the
 * host spells it. Case is ignored, as every supported host ignores it in these names. The one rule for webhooks and
 * checkouts alike:
 * <ul>
 *   <li>no scope: every repository is inside;</li>
 *   <li>GitLab: the scope group and all its subgroups ({@code platform} holds {@code platform/infra/app});</li>
 *   <li>Azure DevOps: the organization, or the organization's one project ({@code org/project/repo});</li>
 *   <li>GitHub, Bitbucket, Gitea: the one owner, workspace or project key ({@code acme/app}, {@code PROJ/repo},
 *       {@code ~user/repo}).</li>
 * </ul>
 * The repository must lie below the scope: the scope's own path is not a repository inside it.
 */
public final class ProviderScope {
    private ProviderScope() {}

    /** Tells whether the provider's scope holds the repository; always true for a provider without a scope. */
    public static boolean contains(ProviderSpec provider, String repositoryPath) {
        return contains(provider.type(), provider.scope(), repositoryPath);
    }

    /**
     * Tells whether a scope of a host type holds the repository.
     *
     * @param scope          the scope as configured, or {@code null} for none
     * @param repositoryPath the repository's path on its host ({@code owner/name}, {@code group/sub/project},
     *                       {@code org/project/repo})
     */
    public static boolean contains(ProviderType type, @CheckForNull String scope, String repositoryPath) {
        if (scope == null || scope.isBlank()) {
            return true;
        }
        String[] scopeSegments = segments(scope);
        String[] path = segments(repositoryPath);
        if (scopeSegments.length == 0 || scopeSegments.length >= path.length) {
            return false;
        }
        for (int i = 0; i < scopeSegments.length; i++) {
            if (!scopeSegments[i].equals(path[i])) {
                return false;
            }
        }
        // Only GitLab (subgroups) and Azure DevOps (organization/project) have scopes of more than one segment.
        return scopeSegments.length == 1 || type.isGitLab() || type == ProviderType.AZURE_DEVOPS;
    }

    /** Splits a path into its non-empty segments, lowercase. */
    private static String[] segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.strip().toLowerCase(Locale.ROOT).split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments.toArray(new String[0]);
    }
}
