package io.jenkins.plugins.gitproviders.core.pipeline;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutException;
import io.jenkins.plugins.gitproviders.core.checkout.CheckoutPlan;
import io.jenkins.plugins.gitproviders.core.checkout.Transport;
import io.jenkins.plugins.gitproviders.core.model.CredentialKind;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides how a plan's credential is handed to git. Git authenticates over HTTPS with a user name and a password and
 * over SSH with a private key; a token held as secret text becomes the password of a user name the host accepts for
 * tokens. Messages name the credential ID and the provider, never a secret.
 */
public final class CloneCredentials {
    private CloneCredentials() {}

    /**
     * How to use the credential.
     *
     * @param use      as it is, or as the password of {@code username}
     * @param username the user name to pair with a token; {@code null} when the credential is used as it is
     */
    public record Decision(Use use, @CheckForNull String username) {
        public Decision {
            Objects.requireNonNull(use, "use");
        }
    }

    /** Tells how git receives a credential. */
    public enum Use {
        /** The credential already has the form git needs (user name and password for HTTPS, a key for SSH). */
        AS_IS,
        /**
         * The credential holds a token: git sends it as the password of {@link Decision#username()}. The token is the
         * secret of a secret text credential, or the password of a username with password credential whose user name
         * the host does not accept for git (Bitbucket Cloud API tokens are paired with the account email).
         */
        TOKEN_AS_PASSWORD
    }

    /** The user Atlassian documents for git over HTTPS with Bitbucket Cloud workspace, project and repo tokens. */
    public static final String BITBUCKET_ACCESS_TOKEN_USER = "x-token-auth";
    /** The user Atlassian documents for git over HTTPS with an Atlassian API token (Bitbucket Cloud). */
    public static final String BITBUCKET_API_TOKEN_USER = "x-bitbucket-api-token-auth";

    /**
     * Decides how git uses the plan's credential of the given kind.
     *
     * @throws CheckoutException when the kind cannot authenticate the plan's transport
     */
    public static Decision decide(ProviderSpec provider, CheckoutPlan plan, CredentialKind kind) {
        String id = Objects.requireNonNullElse(plan.credentialsId(), "");
        if (plan.transport() == Transport.SSH) {
            if (kind != CredentialKind.SSH_PRIVATE_KEY) {
                throw new CheckoutException("The SSH credentials '" + id + "' of provider '" + provider.name()
                        + "' are not an SSH private key: an administrator must choose an SSH key there, or remove"
                        + " it to clone over HTTPS.");
            }
            return new Decision(Use.AS_IS, null);
        }
        return switch (kind) {
            // Bitbucket Cloud's username/password credentials hold an API token beside the account email, which git
            // over HTTPS does not accept as the user name.
            case USERNAME_PASSWORD -> provider.type() == ProviderType.BITBUCKET_CLOUD
                    ? new Decision(Use.TOKEN_AS_PASSWORD, BITBUCKET_API_TOKEN_USER)
                    : new Decision(Use.AS_IS, null);
            case SECRET_TEXT -> new Decision(Use.TOKEN_AS_PASSWORD, tokenUsername(provider));
            case SSH_PRIVATE_KEY -> throw new CheckoutException("The API credentials '" + id + "' of provider '"
                    + provider.name() + "' are an SSH key, which cannot clone over HTTPS: an administrator must put"
                    + " the key under the provider's SSH credentials, or choose a token as API credentials.");
        };
    }

    /**
     * Returns the user name git sends with a token held as secret text over HTTPS: on Bitbucket Cloud the fixed user
     * Atlassian documents for the kind of token (an API token when the provider has an email, as the API client
     * decides too; an access token otherwise); elsewhere the provider's username when one is configured, else a
     * name the host documents for tokens (hosts that check no user name accept it as well).
     *
     * @throws CheckoutException for Bitbucket Data Center without a username: its tokens work over HTTPS only with
     *                           their owner's user name
     */
    public static String tokenUsername(ProviderSpec provider) {
        if (provider.type() == ProviderType.BITBUCKET_CLOUD) {
            return provider.email() != null ? BITBUCKET_API_TOKEN_USER : BITBUCKET_ACCESS_TOKEN_USER;
        }
        if (provider.username() != null) {
            return provider.username();
        }
        return defaultTokenUsername(provider.type()).orElseThrow(() -> new CheckoutException("Provider '"
                + provider.name() + "' has a token as API credentials but no username: Bitbucket Data Center accepts"
                + " a token for Git over HTTPS only with the user name of its owner (project and repository tokens"
                + " work only with Bearer authentication, which git cannot send). An administrator must set the"
                + " provider's Username, or give it an SSH key."));
    }

    /** Returns the user name a host documents for tokens sent as passwords, if it has one. */
    static Optional<String> defaultTokenUsername(ProviderType type) {
        return Optional.ofNullable(switch (type) {
            // GitHub ignores the user name for tokens and documents x-access-token for app tokens.
            case GITHUB, GITHUB_ENTERPRISE -> "x-access-token";
            // GitLab: oauth2 for OAuth tokens; personal, group and project tokens accept any user name.
            case GITLAB, GITLAB_SELF_MANAGED -> "oauth2";
            // Bitbucket Cloud repository, project and workspace access tokens use this fixed name.
            case BITBUCKET_CLOUD -> BITBUCKET_ACCESS_TOKEN_USER;
            // Azure DevOps checks only the personal access token; the user name must not be empty.
            case AZURE_DEVOPS -> "pat";
            // Gitea and Forgejo find the token from the password and ignore the user name.
            case GITEA -> "oauth2";
            // Bitbucket Data Center checks the user name against the token's owner.
            case BITBUCKET_DATA_CENTER -> null;
        });
    }

    /** Explains that the plan's credential is not available to the build. */
    public static String missingMessage(ProviderSpec provider, CheckoutPlan plan) {
        String what = plan.transport() == Transport.SSH ? "SSH credentials" : "API credentials";
        return "The " + what + " '" + plan.credentialsId() + "' of provider '" + provider.name() + "' were not found"
                + " for this build. Credentials used by builds must be Global (or stored in a folder that contains"
                + " this job); System-scoped credentials are only available to Jenkins itself. Ask an administrator"
                + " to check the credential's ID and scope.";
    }

    /** Explains that the plan's credential is of a kind git cannot use. */
    public static String unusableMessage(ProviderSpec provider, CheckoutPlan plan) {
        return "The credentials '" + plan.credentialsId() + "' of provider '" + provider.name() + "' are neither"
                + " secret text, a username with password, nor an SSH private key, so git cannot use them: an"
                + " administrator must choose credentials of one of those kinds.";
    }
}
