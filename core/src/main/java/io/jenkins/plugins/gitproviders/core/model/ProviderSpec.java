package io.jenkins.plugins.gitproviders.core.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Describes one named Git provider as an administrator configured it. Immutable; text values are trimmed and blank
 * ones become absent, server addresses lose their trailing slash. Holds credential IDs only, never a secret.
 * Whether the values are valid is told by {@link ProviderValidator}, not enforced here, so that a form can show
 * every problem at once.
 *
 * @param name                       the unique name administrators and Pipelines refer to
 * @param type                       the host type; it never changes once the provider exists
 * @param serverUrl                  the web address of the host, or {@code null} for the type's default
 * @param apiUrl                     an override of the derived API address (proxies, unusual installs), or {@code null}
 * @param scope                      the organization, group, workspace or project the provider is limited to, or {@code null}
 * @param username                   the account name, where the host needs one beside the token
 * @param email                      the Atlassian account email (Bitbucket Cloud API tokens)
 * @param credentialsId              the ID of the API token credential
 * @param sshCredentialsId           the ID of an SSH private key used for cloning, or {@code null} to clone over HTTPS
 * @param webhookSecretCredentialsIds IDs of secret text credentials that are valid webhook secrets (several during rotation)
 * @param active                     whether the provider may be used
 * @param allowedItems               item full-name patterns of the jobs and folders that may use the provider; empty
 *                                   means every item
 * @param allowOutsideScope          whether repositories outside {@code scope} may be used (checkout and webhooks)
 * @param allowSha1Signatures        whether webhook deliveries signed with SHA-1 only are accepted (old servers)
 * @param statusReporting            whether builds report their status to the host's commits
 * @param statusContextPrefix        the prefix of the status context, or {@code null} for the default
 * @param repositorySecrets          webhook secrets of particular repositories or namespaces, which replace the
 *                                   provider's own for the repositories they match (see {@link RepositorySecrets})
 */
public record ProviderSpec(
        String name,
        ProviderType type,
        @CheckForNull String serverUrl,
        @CheckForNull String apiUrl,
        @CheckForNull String scope,
        @CheckForNull String username,
        @CheckForNull String email,
        @CheckForNull String credentialsId,
        @CheckForNull String sshCredentialsId,
        List<String> webhookSecretCredentialsIds,
        boolean active,
        List<String> allowedItems,
        boolean allowOutsideScope,
        boolean allowSha1Signatures,
        boolean statusReporting,
        @CheckForNull String statusContextPrefix,
        List<RepositorySecret> repositorySecrets) {

    public ProviderSpec {
        name = Objects.requireNonNullElse(clean(name), "");
        Objects.requireNonNull(type, "type");
        serverUrl = cleanUrl(serverUrl);
        apiUrl = cleanUrl(apiUrl);
        scope = clean(scope);
        username = clean(username);
        email = clean(email);
        credentialsId = clean(credentialsId);
        sshCredentialsId = clean(sshCredentialsId);
        List<String> secrets = new ArrayList<>();
        for (String id : Objects.requireNonNullElse(webhookSecretCredentialsIds, List.<String>of())) {
            String cleaned = clean(id);
            if (cleaned != null && !secrets.contains(cleaned)) {
                secrets.add(cleaned);
            }
        }
        webhookSecretCredentialsIds = List.copyOf(secrets);
        List<String> items = new ArrayList<>();
        for (String pattern : Objects.requireNonNullElse(allowedItems, List.<String>of())) {
            String cleaned = clean(pattern);
            if (cleaned != null && !items.contains(cleaned)) {
                items.add(cleaned);
            }
        }
        allowedItems = List.copyOf(items);
        statusContextPrefix = clean(statusContextPrefix);
        List<RepositorySecret> scoped = new ArrayList<>();
        for (RepositorySecret secret : Objects.requireNonNullElse(repositorySecrets, List.<RepositorySecret>of())) {
            if (secret != null && !scoped.contains(secret)) {
                scoped.add(secret);
            }
        }
        repositorySecrets = List.copyOf(scoped);
    }

    /** Starts a specification of the given name and type; everything else is optional. */
    public static Builder builder(String name, ProviderType type) {
        return new Builder(name, type);
    }

    /** Returns a builder holding this specification's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(name, type)
                .serverUrl(serverUrl)
                .apiUrl(apiUrl)
                .scope(scope)
                .username(username)
                .email(email)
                .credentialsId(credentialsId)
                .sshCredentialsId(sshCredentialsId)
                .webhookSecretCredentialsIds(webhookSecretCredentialsIds)
                .active(active)
                .allowedItems(allowedItems)
                .allowOutsideScope(allowOutsideScope)
                .allowSha1Signatures(allowSha1Signatures)
                .statusReporting(statusReporting)
                .statusContextPrefix(statusContextPrefix)
                .repositorySecrets(repositorySecrets);
    }

    /** Returns the server address in use: the configured one, or the type's default; empty if neither exists. */
    public Optional<String> effectiveServerUrl() {
        return serverUrl != null ? Optional.of(serverUrl) : type.defaultServerUrl();
    }

    /** Returns the API address in use: the override, or the one derived from the server address. */
    public Optional<String> effectiveApiUrl() {
        if (apiUrl != null) {
            return Optional.of(apiUrl);
        }
        return effectiveServerUrl().map(type::apiUrlFor);
    }

    public Optional<String> scopeValue() {
        return Optional.ofNullable(scope);
    }

    /** Returns the name as compared for uniqueness: trimmed and case-folded. */
    public String nameKey() {
        return nameKey(name);
    }

    /** Folds a name the way provider names are compared: trimmed, case-insensitive. */
    public static String nameKey(@CheckForNull String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    /** Trims a text value; blank becomes absent. Shared with the validator, so both read a value the same way. */
    @CheckForNull
    static String clean(@CheckForNull String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Cleans a text value and drops trailing slashes, as server addresses are stored. */
    @CheckForNull
    static String cleanUrl(@CheckForNull String value) {
        String cleaned = clean(value);
        while (cleaned != null && cleaned.endsWith("/")) {
            cleaned = clean(cleaned.substring(0, cleaned.length() - 1));
        }
        return cleaned;
    }

    /**
     * Collects a specification's values; unset values are absent, the provider is active, usable by every item,
     * limited to its scope, accepts SHA-256 signatures only, reports build status and has no repository secrets.
     */
    public static final class Builder {
        private String name;
        private final ProviderType type;
        private String serverUrl;
        private String apiUrl;
        private String scope;
        private String username;
        private String email;
        private String credentialsId;
        private String sshCredentialsId;
        private List<String> webhookSecretCredentialsIds = List.of();
        private boolean active = true;
        private List<String> allowedItems = List.of();
        private boolean allowOutsideScope;
        private boolean allowSha1Signatures;
        private boolean statusReporting = true;
        private String statusContextPrefix;
        private List<RepositorySecret> repositorySecrets = List.of();

        private Builder(String name, ProviderType type) {
            this.name = name;
            this.type = Objects.requireNonNull(type, "type");
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder serverUrl(@CheckForNull String value) {
            this.serverUrl = value;
            return this;
        }

        public Builder apiUrl(@CheckForNull String value) {
            this.apiUrl = value;
            return this;
        }

        public Builder scope(@CheckForNull String value) {
            this.scope = value;
            return this;
        }

        public Builder username(@CheckForNull String value) {
            this.username = value;
            return this;
        }

        public Builder email(@CheckForNull String value) {
            this.email = value;
            return this;
        }

        public Builder credentialsId(@CheckForNull String value) {
            this.credentialsId = value;
            return this;
        }

        public Builder sshCredentialsId(@CheckForNull String value) {
            this.sshCredentialsId = value;
            return this;
        }

        public Builder webhookSecretCredentialsIds(List<String> value) {
            this.webhookSecretCredentialsIds = new ArrayList<>(value);
            return this;
        }

        public Builder active(boolean value) {
            this.active = value;
            return this;
        }

        public Builder allowedItems(List<String> value) {
            this.allowedItems = new ArrayList<>(value);
            return this;
        }

        public Builder allowOutsideScope(boolean value) {
            this.allowOutsideScope = value;
            return this;
        }

        public Builder allowSha1Signatures(boolean value) {
            this.allowSha1Signatures = value;
            return this;
        }

        public Builder statusReporting(boolean value) {
            this.statusReporting = value;
            return this;
        }

        public Builder statusContextPrefix(@CheckForNull String value) {
            this.statusContextPrefix = value;
            return this;
        }

        public Builder repositorySecrets(List<RepositorySecret> value) {
            this.repositorySecrets = new ArrayList<>(value);
            return this;
        }

        public ProviderSpec build() {
            return new ProviderSpec(name, type, serverUrl, apiUrl, scope, username, email, credentialsId,
                    sshCredentialsId, webhookSecretCredentialsIds, active, allowedItems, allowOutsideScope,
                    allowSha1Signatures, statusReporting, statusContextPrefix, repositorySecrets);
        }
    }
}
