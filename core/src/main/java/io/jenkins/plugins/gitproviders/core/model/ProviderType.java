package io.jenkins.plugins.gitproviders.core.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Lists the Git hosts the plugin supports, each with all of its defaults in one place: name, server address, how the
 * API address is derived, the scope field, the credential kinds it accepts and the token scopes the plugin needs.
 */
public enum ProviderType {
    GITHUB(
            "gitHub",
            "GitHub.com",
            "https://github.com",
            ServerUrlPolicy.FIXED,
            server -> "https://api.github.com",
            Scopes.GITHUB,
            Set.of(CredentialKind.SECRET_TEXT, CredentialKind.USERNAME_PASSWORD),
            Tokens.GITHUB),
    GITHUB_ENTERPRISE(
            "gitHubEnterprise",
            "GitHub Enterprise Server",
            null,
            ServerUrlPolicy.REQUIRED,
            server -> server + "/api/v3",
            Scopes.GITHUB,
            Set.of(CredentialKind.SECRET_TEXT, CredentialKind.USERNAME_PASSWORD),
            Tokens.GITHUB),
    GITLAB(
            "gitLab",
            "GitLab.com",
            "https://gitlab.com",
            ServerUrlPolicy.FIXED,
            server -> server + "/api/v4",
            Scopes.GITLAB,
            Set.of(CredentialKind.SECRET_TEXT, CredentialKind.USERNAME_PASSWORD),
            Tokens.GITLAB),
    GITLAB_SELF_MANAGED(
            "gitLabSelfManaged",
            "GitLab self-managed",
            null,
            ServerUrlPolicy.REQUIRED,
            server -> server + "/api/v4",
            Scopes.GITLAB,
            Set.of(CredentialKind.SECRET_TEXT, CredentialKind.USERNAME_PASSWORD),
            Tokens.GITLAB),
    BITBUCKET_CLOUD(
            "bitbucketCloud",
            "Bitbucket Cloud",
            "https://bitbucket.org",
            ServerUrlPolicy.FIXED,
            server -> "https://api.bitbucket.org/2.0",
            Scopes.BITBUCKET_CLOUD,
            Set.of(CredentialKind.SECRET_TEXT, CredentialKind.USERNAME_PASSWORD),
            Tokens.BITBUCKET_CLOUD),
    BITBUCKET_DATA_CENTER(
            "bitbucketDataCenter",
            "Bitbucket Server / Data Center",
            null,
            ServerUrlPolicy.REQUIRED,
            server -> server + "/rest/api/1.0",
            Scopes.BITBUCKET_DATA_CENTER,
            Set.of(CredentialKind.SECRET_TEXT, CredentialKind.USERNAME_PASSWORD),
            Tokens.BITBUCKET_DATA_CENTER),
    AZURE_DEVOPS(
            "azureDevOps",
            "Azure DevOps",
            "https://dev.azure.com",
            ServerUrlPolicy.DEFAULT_OVERRIDABLE,
            server -> server,
            Scopes.AZURE_DEVOPS,
            Set.of(CredentialKind.SECRET_TEXT, CredentialKind.USERNAME_PASSWORD),
            Tokens.AZURE_DEVOPS),
    GITEA(
            "gitea",
            "Gitea / Forgejo",
            null,
            ServerUrlPolicy.REQUIRED,
            server -> server + "/api/v1",
            Scopes.GITEA,
            Set.of(CredentialKind.SECRET_TEXT, CredentialKind.USERNAME_PASSWORD),
            Tokens.GITEA);

    private final String id;
    private final String displayName;
    @CheckForNull
    private final String defaultServerUrl;
    private final ServerUrlPolicy serverUrlPolicy;
    private final UnaryOperator<String> apiUrlOfServer;
    private final ScopeRule scopeRule;
    private final Set<CredentialKind> apiCredentialKinds;
    private final List<TokenScope> requiredTokenScopes;

    ProviderType(
            String id,
            String displayName,
            @CheckForNull String defaultServerUrl,
            ServerUrlPolicy serverUrlPolicy,
            UnaryOperator<String> apiUrlOfServer,
            ScopeRule scopeRule,
            Set<CredentialKind> apiCredentialKinds,
            List<TokenScope> requiredTokenScopes) {
        this.id = id;
        this.displayName = displayName;
        this.defaultServerUrl = defaultServerUrl;
        this.serverUrlPolicy = serverUrlPolicy;
        this.apiUrlOfServer = apiUrlOfServer;
        this.scopeRule = scopeRule;
        this.apiCredentialKinds = apiCredentialKinds;
        this.requiredTokenScopes = requiredTokenScopes;
    }

    /** Returns the stable identifier, also the Jenkins {@code @Symbol} and the JSON {@code type} value. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Returns the address of the cloud service, or empty for self-hosted products. */
    public Optional<String> defaultServerUrl() {
        return Optional.ofNullable(defaultServerUrl);
    }

    public ServerUrlPolicy serverUrlPolicy() {
        return serverUrlPolicy;
    }

    /** Tells whether the host runs on the administrator's own servers, where plain {@code http} is tolerated. */
    public boolean isSelfHosted() {
        return serverUrlPolicy != ServerUrlPolicy.FIXED;
    }

    /** Derives the REST API base address from a server address without a trailing slash. */
    public String apiUrlFor(String serverUrl) {
        return apiUrlOfServer.apply(serverUrl);
    }

    public ScopeRule scopeRule() {
        return scopeRule;
    }

    /** Returns the kinds of credentials accepted for API access; SSH keys are accepted for cloning by every type. */
    public Set<CredentialKind> apiCredentialKinds() {
        return apiCredentialKinds;
    }

    /**
     * Returns the token scopes or permissions the plugin's current features need, and no more, from the host's
     * documentation.
     */
    public List<TokenScope> requiredTokenScopes() {
        return requiredTokenScopes;
    }

    /** Tells whether this type is one of the GitHub products. */
    public boolean isGitHub() {
        return this == GITHUB || this == GITHUB_ENTERPRISE;
    }

    /** Tells whether this type is one of the GitLab products. */
    public boolean isGitLab() {
        return this == GITLAB || this == GITLAB_SELF_MANAGED;
    }

    /** Finds a type by its identifier, ignoring case. */
    public static Optional<ProviderType> fromId(String id) {
        return Arrays.stream(values())
                .filter(type -> type.id.equalsIgnoreCase(id.trim())
                        || type.name().equalsIgnoreCase(id.trim()))
                .findFirst();
    }

    @Override
    public String toString() {
        return displayName;
    }

    /** The scope rules, shared by types of one product family. */
    private static final class Scopes {
        private static final String GITLAB_SEGMENT = "[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,253}[A-Za-z0-9_])?";

        static final ScopeRule GITHUB = new ScopeRule(
                "GitHub organization or user",
                false,
                Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?"),
                "acme-corp",
                "letters, digits and hyphens, at most 39 characters, not starting or ending with a hyphen");
        static final ScopeRule GITLAB = new ScopeRule(
                "GitLab group (subgroups as group/subgroup)",
                false,
                Pattern.compile(GITLAB_SEGMENT + "(?:/" + GITLAB_SEGMENT + "){0,19}"),
                "platform/infra",
                "group paths separated by '/', each of letters, digits, '_', '-' and '.', not starting with '-' or"
                        + " '.', at most 20 levels");
        static final ScopeRule BITBUCKET_CLOUD = new ScopeRule(
                "Bitbucket workspace",
                false,
                Pattern.compile("[a-z0-9][a-z0-9_-]{0,61}"),
                "acme",
                "the workspace ID from the URL bitbucket.org/<workspace>: lowercase letters, digits, '-' and '_'");
        static final ScopeRule BITBUCKET_DATA_CENTER = new ScopeRule(
                "Bitbucket project key",
                false,
                Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}|~[A-Za-z0-9_.@-]{1,255}"),
                "PROJ",
                "a project key (a letter, then letters, digits or '_'), or ~username for a personal project");
        static final ScopeRule AZURE_DEVOPS = new ScopeRule(
                "Azure DevOps organization, optionally /project",
                true,
                Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?"
                        + "(?:/[^/\\\\:*?\"<>|;#$*{},+=\\[\\]_.\\s][^/\\\\:*?\"<>|;#$*{},+=\\[\\]]{0,62}"
                        + "(?<![.\\s]))?"),
                "fabrikam/Fabrikam-Fiber",
                "the organization (letters, digits, hyphens), then optionally '/' and a project name without"
                        + " \\ / : * ? \" < > | ; # $ { } , + = [ ]");
        static final ScopeRule GITEA = new ScopeRule(
                "Gitea organization or user",
                false,
                Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?"),
                "infra",
                "letters, digits, '_', '-' and '.', at most 40 characters, not starting or ending with '-' or '.'");

        private Scopes() {}
    }

    /**
     * The token scopes the plugin's features need today, from each host's documentation of the endpoints the plugin
     * calls and of cloning over HTTPS: reading the token's owner, the scope's repositories, and the code. Nothing
     * creates webhooks or reports build status yet; a feature that writes adds its scope together with its code.
     */
    private static final class Tokens {
        static final List<TokenScope> GITHUB = List.of(
                new TokenScope("repo", "read and clone private repositories (classic tokens have no read-only"
                        + " scope for them; fine-grained: Contents read and Metadata read)"));
        static final List<TokenScope> GITLAB = List.of(
                new TokenScope("read_api", "identify the token's owner and read the group and its projects"),
                new TokenScope("read_repository", "clone over HTTPS"));
        static final List<TokenScope> BITBUCKET_CLOUD = List.of(
                new TokenScope("read:user:bitbucket", "Account read: identify the token's owner"),
                new TokenScope("read:repository:bitbucket", "Repositories read: list and clone repositories"));
        static final List<TokenScope> BITBUCKET_DATA_CENTER = List.of(
                new TokenScope("REPO_READ", "Repository read: list and clone repositories"));
        static final List<TokenScope> AZURE_DEVOPS = List.of(
                new TokenScope("vso.code", "Code (Read): list and clone repositories"));
        static final List<TokenScope> GITEA = List.of(
                new TokenScope("read:repository", "Repository read: list and clone repositories"),
                new TokenScope("read:user", "User read: identify the token's owner"),
                new TokenScope("read:organization", "Organization read: see the organization's repositories"));

        private Tokens() {}
    }

    /** Returns the lowercase identifier used in file names and URLs. */
    public String slug() {
        return id.toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the token scopes build status reporting needs, optional: checked only for providers that report build
     * status. Several are among {@link #requiredTokenScopes()} already.
     */
    public List<TokenScope> statusTokenScopes() {
        return StatusTokens.of(this);
    }

    /**
     * Returns the scopes to check for a provider: the required ones, then those for build status when it reports
     * build status, each name once (a required scope keeps its own purpose).
     */
    public List<TokenScope> tokenScopesFor(boolean statusReporting) {
        List<TokenScope> scopes = new ArrayList<>(requiredTokenScopes);
        if (statusReporting) {
            for (TokenScope scope : statusTokenScopes()) {
                if (scopes.stream().noneMatch(known -> known.name().equals(scope.name()))) {
                    scopes.add(scope);
                }
            }
        }
        return List.copyOf(scopes);
    }

    /**
     * The token scopes for build status, from each host's documentation of its status endpoint (see
     * {@code core.status.StatusDiagnosis} for the sources).
     */
    private static final class StatusTokens {
        private static final String PREFIX = "optional, for build status: ";
        static final List<TokenScope> GITHUB = List.of(new TokenScope("repo:status", PREFIX + "write commit"
                + " statuses; repo includes it (fine-grained: Commit statuses read and write)"));
        static final List<TokenScope> GITLAB = List.of(new TokenScope("api", PREFIX + "set commit statuses (with"
                + " the Developer role in the project)"));
        static final List<TokenScope> BITBUCKET_CLOUD = List.of(new TokenScope("read:repository:bitbucket", PREFIX
                + "create commit build statuses, which needs only repository read"));
        static final List<TokenScope> BITBUCKET_DATA_CENTER = List.of(new TokenScope("REPO_READ", PREFIX
                + "post build statuses to the repository's commits"));
        static final List<TokenScope> AZURE_DEVOPS = List.of(new TokenScope("vso.code_status", PREFIX
                + "Code (Status): write commit and pull request statuses"));
        static final List<TokenScope> GITEA = List.of(new TokenScope("write:repository", PREFIX + "write commit"
                + " statuses"));

        private StatusTokens() {}

        static List<TokenScope> of(ProviderType type) {
            return switch (type) {
                case GITHUB, GITHUB_ENTERPRISE -> GITHUB;
                case GITLAB, GITLAB_SELF_MANAGED -> GITLAB;
                case BITBUCKET_CLOUD -> BITBUCKET_CLOUD;
                case BITBUCKET_DATA_CENTER -> BITBUCKET_DATA_CENTER;
                case AZURE_DEVOPS -> AZURE_DEVOPS;
                case GITEA -> GITEA;
            };
        }
    }
}
