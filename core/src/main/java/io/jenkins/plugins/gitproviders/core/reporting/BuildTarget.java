package io.jenkins.plugins.gitproviders.core.reporting;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.status.ResultMapping;
import io.jenkins.plugins.gitproviders.core.status.StatusContext;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import java.util.Locale;
import java.util.Objects;

/**
 * Names one status a build reports: through which provider, to which commit, under which context, why (the webhook
 * event that started the build, a checkout, or a stage's own status) and how an unstable result is reported.
 *
 * @param provider the provider's name
 * @param type     the provider's host type
 * @param target   the repository and commit
 * @param context  the status context, as {@link StatusContext} builds it
 * @param origin   why the build reports to this commit
 * @param mapping  the state each result reports
 */
public record BuildTarget(String provider, ProviderType type, StatusTarget target, String context, Origin origin,
                          ResultMapping mapping) {
    /** Why a build reports to a commit. */
    public enum Origin {
        /** The commit of the webhook event that started the build. */
        EVENT,
        /** The commit a {@code gitProviderCheckout} resolved. */
        CHECKOUT,
        /** A stage's own status, posted by {@code gitProviderStatus}; it gets no final state. */
        STAGE
    }

    public BuildTarget {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        context = StatusContext.of(Objects.requireNonNull(context, "context"));
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(mapping, "mapping");
    }

    /** Names a status of a provider. */
    public static BuildTarget of(ProviderSpec provider, StatusTarget target, String context, Origin origin,
            ResultMapping mapping) {
        return new BuildTarget(provider.name(), provider.type(), target, context, origin, mapping);
    }

    /**
     * Returns what the host keeps one status for: the provider, the repository, the commit (Azure DevOps: the pull
     * request, for a pull request build) and the context. Two targets with the same slot replace each other's status.
     */
    public String slot() {
        return repositoryKey() + "\n" + commitKey() + "\n" + context;
    }

    /** Returns the provider and repository, as compared between targets (names and paths ignore case). */
    String repositoryKey() {
        return ProviderSpec.nameKey(provider) + "\n" + target.repositoryPath().toLowerCase(Locale.ROOT);
    }

    /** Returns what the status is attached to on the host: the commit, or an Azure DevOps pull request. */
    String commitKey() {
        return type == ProviderType.AZURE_DEVOPS && target.pullRequest() != null
                ? "pr:" + target.pullRequest()
                : target.commit();
    }

    /** Tells whether both targets are of the same repository through the same provider. */
    public boolean sameRepository(BuildTarget other) {
        return repositoryKey().equals(other.repositoryKey());
    }
}
