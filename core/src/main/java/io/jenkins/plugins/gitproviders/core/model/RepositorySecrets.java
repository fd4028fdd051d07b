package io.jenkins.plugins.gitproviders.core.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Chooses the webhook secrets that may authenticate a delivery for a repository: those of the most specific
 * {@linkplain ProviderSpec#repositorySecrets() repository secret} matching it, else the provider's own
 * ({@link ProviderSpec#webhookSecretCredentialsIds()}).
 *
 * <p>Only the most specific level applies, on purpose: a repository with a secret of its own is no longer accepted
 * with its owner's or the provider's shared secret, which is what limits the harm a leaked shared secret can do. An
 * exact repository ranks above every namespace pattern, and {@code acme/team/*} above {@code acme/*}; several
 * entries with the same pattern all apply (a rotation).
 *
 * <p>How the webhook handler uses it: the repository named by the delivery is not trusted before the signature is
 * checked, so (1) select with the repository the delivery claims (or {@code null} when it cannot be read cheaply),
 * (2) verify the signature with the selected secrets only, (3) after parsing the verified body, refuse the delivery
 * unless {@link Selection#covers} the repository it names: a secret scoped to one repository never authenticates a
 * delivery for another.
 */
public final class RepositorySecrets {
    private RepositorySecrets() {}

    /**
     * Selects the secrets that may authenticate a delivery for a repository.
     *
     * @param provider       the provider the delivery was sent to
     * @param repositoryPath the repository's path on the host in any case ({@code acme/payments}), or {@code null}
     *                       when unknown: then only the provider's own secrets apply
     */
    public static Selection select(ProviderSpec provider, @CheckForNull String repositoryPath) {
        if (repositoryPath == null || repositoryPath.isBlank() || provider.repositorySecrets().isEmpty()) {
            return new Selection(null, provider.webhookSecretCredentialsIds());
        }
        int best = -1;
        String pattern = null;
        List<String> ids = new ArrayList<>();
        for (RepositorySecret secret : provider.repositorySecrets()) {
            if (secret.patternProblem().isPresent() || secret.credentialsId().isEmpty()) {
                continue;
            }
            Optional<Integer> rank = secret.rank(repositoryPath.strip());
            if (rank.isEmpty() || rank.get() < best) {
                continue;
            }
            if (rank.get() > best) {
                best = rank.get();
                pattern = secret.normalizedPattern();
                ids.clear();
            }
            if (!ids.contains(secret.credentialsId())) {
                ids.add(secret.credentialsId());
            }
        }
        return pattern == null ? new Selection(null, provider.webhookSecretCredentialsIds())
                : new Selection(pattern, ids);
    }

    /**
     * Returns the selections a delivery may have been signed with when the repository it names cannot be read before
     * verifying it (GitLab's and Azure DevOps' header tokens, bodies that give no hint): the repository's claimed path
     * decides one selection when known, and otherwise every level applies (the provider's own secrets first, then
     * each pattern's). Verify against each level on its own, then keep only those that {@link Selection#covers} the
     * repository of the verified body.
     *
     * @param claimedRepositoryPath the repository the delivery claims, or {@code null} when unknown
     */
    public static List<Selection> candidates(ProviderSpec provider, @CheckForNull String claimedRepositoryPath) {
        if (provider.repositorySecrets().isEmpty()
                || claimedRepositoryPath != null && !claimedRepositoryPath.isBlank()) {
            return List.of(select(provider, claimedRepositoryPath));
        }
        List<Selection> levels = new ArrayList<>();
        levels.add(new Selection(null, provider.webhookSecretCredentialsIds()));
        Map<String, List<String>> byPattern = new LinkedHashMap<>();
        for (RepositorySecret secret : provider.repositorySecrets()) {
            if (secret.patternProblem().isEmpty() && !secret.credentialsId().isEmpty()) {
                List<String> ids = byPattern.computeIfAbsent(secret.normalizedPattern(), pattern -> new ArrayList<>());
                if (!ids.contains(secret.credentialsId())) {
                    ids.add(secret.credentialsId());
                }
            }
        }
        byPattern.forEach((pattern, ids) -> levels.add(new Selection(pattern, ids)));
        return levels;
    }

    /**
     * Names the secrets chosen for a delivery.
     *
     * @param pattern        the normalised repository pattern that chose them, or {@code null} for the provider's own
     * @param credentialsIds the IDs of the secret text credentials to verify the signature with; empty means none is
     *                       configured, so the delivery must be refused
     */
    public record Selection(@CheckForNull String pattern, List<String> credentialsIds) {
        public Selection {
            credentialsIds = List.copyOf(credentialsIds);
        }

        /** Tells whether the provider's own secrets were chosen, rather than a repository's or a namespace's. */
        public boolean providerWide() {
            return pattern == null;
        }

        /**
         * Tells whether these secrets may authenticate a delivery for the repository the verified body names: the
         * same selection applies to it. Check this after parsing, since the repository used to select was only
         * claimed.
         */
        public boolean covers(ProviderSpec provider, @CheckForNull String verifiedRepositoryPath) {
            return Objects.equals(pattern, select(provider, verifiedRepositoryPath).pattern());
        }

        /** Describes the selection for the deliveries page: which scope's secrets were used, never a secret. */
        public String describe() {
            return pattern == null ? "the provider's webhook secrets" : "the webhook secrets for '" + pattern + "'";
        }
    }
}
