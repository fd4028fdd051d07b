package io.jenkins.plugins.gitproviders.core.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a provider specification and reports every problem at once, each with its field and a message that says
 * what to do. The per-field checks are public so that a form can check one field as the administrator types.
 * Messages never repeat a URL's user information, and quote other values only shortened.
 */
public final class ProviderValidator {
    /** The longest name allowed, in characters. */
    public static final int MAX_NAME_LENGTH = 64;
    /** The longest URL accepted; a base address is far shorter, so longer input is a mistake. */
    public static final int MAX_URL_LENGTH = 2048;

    /** The most allowed-item patterns one provider may have; a longer list belongs in folder rules. */
    public static final int MAX_ALLOWED_ITEMS = 100;

    private static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_QUOTED_LENGTH = 64;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(?:\\.[^@\\s.]+)+");
    private static final Set<Integer> INVISIBLE_TYPES = Set.of(
            (int) Character.CONTROL,
            (int) Character.FORMAT,
            (int) Character.LINE_SEPARATOR,
            (int) Character.PARAGRAPH_SEPARATOR,
            (int) Character.SURROGATE,
            (int) Character.PRIVATE_USE,
            (int) Character.UNASSIGNED);

    private ProviderValidator() {}

    /**
     * Checks a specification without knowing its credentials' kinds; rules that depend on a kind assume the
     * strictest case.
     *
     * @param spec           the specification to check
     * @param otherProviders the providers it must not clash with; leave out the one being edited
     */
    public static Validation validate(ProviderSpec spec, Collection<ProviderSpec> otherProviders) {
        return validate(spec, otherProviders, null, null);
    }

    /**
     * Checks a specification, asking the lookup for the kinds of its API and SSH credentials.
     *
     * @param spec           the specification to check
     * @param otherProviders the providers it must not clash with; leave out the one being edited
     * @param kinds          tells the kind of a credential from its ID
     */
    public static Validation validate(
            ProviderSpec spec, Collection<ProviderSpec> otherProviders, CredentialKindLookup kinds) {
        CredentialKind apiKind =
                spec.credentialsId() == null ? null : kinds.kindOf(spec.credentialsId()).orElse(null);
        CredentialKind sshKind =
                spec.sshCredentialsId() == null ? null : kinds.kindOf(spec.sshCredentialsId()).orElse(null);
        return validate(spec, otherProviders, apiKind, sshKind);
    }

    /**
     * Checks a specification whose credentials' kinds are known, or {@code null} where unknown.
     *
     * @param spec           the specification to check
     * @param otherProviders the providers it must not clash with; leave out the one being edited
     * @param apiKind        the kind of the API credential, or {@code null} if unknown
     * @param sshKind        the kind of the SSH credential, or {@code null} if unknown
     */
    public static Validation validate(
            ProviderSpec spec,
            Collection<ProviderSpec> otherProviders,
            @CheckForNull CredentialKind apiKind,
            @CheckForNull CredentialKind sshKind) {
        ProviderType type = spec.type();
        List<Problem> problems = new ArrayList<>();
        problems.addAll(checkName(spec.name(), otherProviders));
        problems.addAll(checkServerUrl(type, spec.serverUrl()));
        problems.addAll(checkApiUrl(type, spec.apiUrl()));
        problems.addAll(checkScope(type, spec.scope()));
        problems.addAll(checkAllowOutsideScope(spec.scope(), spec.allowOutsideScope()));
        problems.addAll(checkUsername(type, spec.username()));
        problems.addAll(checkEmail(spec.email()));
        problems.addAll(checkCredentialsId(type, spec.credentialsId(), apiKind));
        problems.addAll(checkSshCredentialsId(spec.sshCredentialsId(), sshKind));
        problems.addAll(checkRepositorySecrets(spec.repositorySecrets()));
        problems.addAll(checkAllowedItems(spec.allowedItems()));
        return new Validation(problems);
    }

    /**
     * Checks a name: present, at most {@value #MAX_NAME_LENGTH} visible characters, and unique ignoring case and
     * surrounding spaces.
     *
     * @param name           the name as typed
     * @param otherProviders the providers it must not clash with; leave out the one being edited
     */
    public static List<Problem> checkName(@CheckForNull String name, Collection<ProviderSpec> otherProviders) {
        String value = clean(name);
        if (value == null) {
            return List.of(Problem.error(ProviderField.NAME, "Enter a name: jobs and Pipelines choose the provider"
                    + " by it, for example 'github' or 'gitlab-internal'."));
        }
        List<Problem> problems = new ArrayList<>();
        int length = value.codePointCount(0, value.length());
        if (length > MAX_NAME_LENGTH) {
            problems.add(Problem.error(ProviderField.NAME, "The name is " + length + " characters long; shorten it"
                    + " to at most " + MAX_NAME_LENGTH + " characters."));
        }
        int position = 1;
        for (int offset = 0; offset < value.length(); position++) {
            int codePoint = value.codePointAt(offset);
            if (INVISIBLE_TYPES.contains(Character.getType(codePoint))) {
                problems.add(Problem.error(ProviderField.NAME, String.format(Locale.ROOT,
                        "The name contains an invisible or control character (U+%04X) at position %d; use visible"
                                + " characters and spaces only.",
                        codePoint, position)));
                break;
            }
            offset += Character.charCount(codePoint);
        }
        String key = ProviderSpec.nameKey(value);
        for (ProviderSpec other : otherProviders) {
            if (other.nameKey().equals(key)) {
                problems.add(Problem.error(ProviderField.NAME, "The " + other.type().displayName() + " provider '"
                        + quote(other.name()) + "' already has this name; names are compared ignoring case and"
                        + " surrounding spaces. Choose another name."));
                break;
            }
        }
        return problems;
    }

    /**
     * Checks the server address against the type's policy: fixed for cloud types, required for self-hosted ones,
     * and otherwise an absolute {@code https} address (plain {@code http} only on self-hosted types, with a warning).
     */
    public static List<Problem> checkServerUrl(ProviderType type, @CheckForNull String serverUrl) {
        String url = cleanUrl(serverUrl);
        switch (type.serverUrlPolicy()) {
            case FIXED -> {
                String fixed = type.defaultServerUrl().orElseThrow();
                if (url == null || url.equalsIgnoreCase(fixed)) {
                    return List.of();
                }
                return List.of(Problem.error(ProviderField.SERVER_URL, type.displayName() + " always uses " + fixed
                        + ": leave Server URL empty. For a server of your own, create a "
                        + selfHostedAlternative(type) + " provider instead."));
            }
            case REQUIRED -> {
                if (url == null) {
                    return List.of(Problem.error(ProviderField.SERVER_URL, "Enter the address of your "
                            + type.displayName() + " server, for example " + exampleServerUrl(type) + "."));
                }
            }
            default -> {
                if (url == null) {
                    return List.of();
                }
            }
        }
        return checkUrl(ProviderField.SERVER_URL, type, url, exampleServerUrl(type));
    }

    /**
     * Checks the optional API address override: when given, an absolute {@code https} address (plain {@code http}
     * only on self-hosted types, with a warning) without user information, query or fragment.
     */
    public static List<Problem> checkApiUrl(ProviderType type, @CheckForNull String apiUrl) {
        String url = cleanUrl(apiUrl);
        if (url == null) {
            return List.of();
        }
        return checkUrl(ProviderField.API_URL, type, url, type.apiUrlFor(exampleServerUrl(type)));
    }

    /** Checks the scope against the type's rule, and that it is present where the type needs one. */
    public static List<Problem> checkScope(ProviderType type, @CheckForNull String scope) {
        ScopeRule rule = type.scopeRule();
        String value = clean(scope);
        if (value == null) {
            if (rule.required()) {
                return List.of(Problem.error(ProviderField.SCOPE, type.displayName() + " needs a scope ("
                        + rule.label() + "), for example '" + rule.example() + "': " + rule.rule() + "."));
            }
            return List.of();
        }
        if (!rule.accepts(value)) {
            return List.of(Problem.error(ProviderField.SCOPE, "'" + quote(value) + "' is not a valid "
                    + rule.label() + ": use " + rule.rule() + ", for example '" + rule.example() + "'."));
        }
        return List.of();
    }

    /**
     * Checks the switch that lets the provider serve repositories outside its scope: on without a scope it changes
     * nothing, which deserves a warning, since whoever ticked it meant a scope.
     */
    public static List<Problem> checkAllowOutsideScope(@CheckForNull String scope, boolean allowOutsideScope) {
        if (allowOutsideScope && clean(scope) == null) {
            return List.of(Problem.warning(ProviderField.ALLOW_OUTSIDE_SCOPE, "The provider has no scope, so every"
                    + " repository is already within it: this setting changes nothing. Set a scope, or leave it"
                    + " off."));
        }
        return List.of();
    }

    /**
     * Checks the optional username: never spaces or ':'. No type requires it: Bitbucket Cloud clones with the user
     * names Atlassian documents for its tokens, and Bitbucket Data Center asks for it only when it clones with a token.
     */
    public static List<Problem> checkUsername(ProviderType type, @CheckForNull String username) {
        String value = clean(username);
        if (value == null) {
            return List.of();
        }
        if (value.chars().anyMatch(c -> c == ':' || Character.isWhitespace(c) || Character.isISOControl(c))) {
            return List.of(Problem.error(ProviderField.USERNAME, "The username must not contain spaces or ':';"
                    + " enter the account name exactly as the host shows it."));
        }
        return List.of();
    }

    /**
     * Checks the optional email: spelled as an email address when given. On Bitbucket Cloud it tells the two kinds of
     * secret text apart: with an email the secret is an Atlassian API token (sent as Basic email:token), without one
     * it is a workspace, project or repository access token (sent as Bearer), so neither kind can be refused here;
     * Test connection says when an API token lacks its email.
     */
    public static List<Problem> checkEmail(@CheckForNull String email) {
        String value = clean(email);
        if (value == null) {
            return List.of();
        }
        if (value.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(value).matches()) {
            return List.of(Problem.error(ProviderField.EMAIL, "'" + quote(value) + "' is not an email address;"
                    + " enter it like jane@example.com."));
        }
        return List.of();
    }

    /**
     * Checks the API credential: required, and of a kind the type accepts when the kind is known.
     *
     * @param apiKind the kind of the credential, or {@code null} if unknown
     */
    public static List<Problem> checkCredentialsId(
            ProviderType type, @CheckForNull String credentialsId, @CheckForNull CredentialKind apiKind) {
        if (clean(credentialsId) == null) {
            return List.of(Problem.error(ProviderField.CREDENTIALS_ID, "Choose the API credentials: "
                    + describe(type.apiCredentialKinds()) + " holding a " + type.displayName() + " token with the"
                    + " scopes the help lists."));
        }
        if (apiKind != null && !type.apiCredentialKinds().contains(apiKind)) {
            String hint = apiKind == CredentialKind.SSH_PRIVATE_KEY
                    ? " An SSH key belongs under SSH credentials, where it is used for cloning only."
                    : "";
            return List.of(Problem.error(ProviderField.CREDENTIALS_ID, type.displayName() + " cannot use "
                    + describe(apiKind) + " credentials for API access; choose "
                    + describe(type.apiCredentialKinds()) + "." + hint));
        }
        return List.of();
    }

    /**
     * Checks the optional SSH credential: when its kind is known, it must be an SSH private key.
     *
     * @param sshKind the kind of the credential, or {@code null} if unknown
     */
    public static List<Problem> checkSshCredentialsId(
            @CheckForNull String sshCredentialsId, @CheckForNull CredentialKind sshKind) {
        if (clean(sshCredentialsId) != null && sshKind != null && sshKind != CredentialKind.SSH_PRIVATE_KEY) {
            return List.of(Problem.error(ProviderField.SSH_CREDENTIALS_ID, "SSH credentials must be an "
                    + describe(CredentialKind.SSH_PRIVATE_KEY) + ", not " + describe(sshKind)
                    + "; or leave the field empty to clone over HTTPS with the API credentials."));
        }
        return List.of();
    }

    /**
     * Checks the repository secrets: each names a usable repository or {@code namespace/*} pattern and a credential.
     */
    public static List<Problem> checkRepositorySecrets(List<RepositorySecret> secrets) {
        List<Problem> problems = new ArrayList<>();
        for (RepositorySecret secret : secrets) {
            secret.patternProblem().ifPresent(problem ->
                    problems.add(Problem.error(ProviderField.REPOSITORY_SECRETS, problem)));
            if (secret.credentialsId().isEmpty()) {
                problems.add(Problem.error(ProviderField.REPOSITORY_SECRETS, "Choose the secret text credential"
                        + " holding the webhook secret of '" + quote(secret.repository()) + "'."));
            }
        }
        return problems;
    }

    /**
     * Checks the patterns of the jobs and folders allowed to use the provider (see {@link ItemPattern} for the
     * language): each must be a valid pattern, and there may be at most {@value #MAX_ALLOWED_ITEMS}. An empty list
     * allows every item.
     */
    public static List<Problem> checkAllowedItems(List<String> patterns) {
        List<Problem> problems = new ArrayList<>();
        if (patterns.size() > MAX_ALLOWED_ITEMS) {
            problems.add(Problem.error(ProviderField.ALLOWED_ITEMS, "There are " + patterns.size() + " patterns;"
                    + " at most " + MAX_ALLOWED_ITEMS + " are allowed. Allow whole folders with folder/** instead of"
                    + " listing their jobs."));
        }
        for (String pattern : patterns) {
            ItemPattern.problem(pattern).ifPresent(problem ->
                    problems.add(Problem.error(ProviderField.ALLOWED_ITEMS, problem)));
        }
        return problems;
    }

    /** Returns a server address to show as an example: the cloud address, or a made-up one for self-hosted types. */
    public static String exampleServerUrl(ProviderType type) {
        return type.defaultServerUrl().orElseGet(() -> switch (type) {
            case GITHUB_ENTERPRISE -> "https://github.example.com";
            case GITLAB_SELF_MANAGED -> "https://gitlab.example.com";
            case BITBUCKET_DATA_CENTER -> "https://bitbucket.example.com";
            default -> "https://" + type.slug() + ".example.com";
        });
    }

    /** Names the kind of credential as the Jenkins credentials page shows it. */
    public static String describe(CredentialKind kind) {
        return switch (kind) {
            case SECRET_TEXT -> "Secret text";
            case USERNAME_PASSWORD -> "Username with password";
            case SSH_PRIVATE_KEY -> "SSH Username with private key";
        };
    }

    private static String describe(Set<CredentialKind> kinds) {
        return kinds.stream()
                .sorted()
                .map(ProviderValidator::describe)
                .collect(Collectors.joining(" or "));
    }

    private static String selfHostedAlternative(ProviderType type) {
        return switch (type) {
            case GITHUB -> ProviderType.GITHUB_ENTERPRISE.displayName();
            case GITLAB -> ProviderType.GITLAB_SELF_MANAGED.displayName();
            case BITBUCKET_CLOUD -> ProviderType.BITBUCKET_DATA_CENTER.displayName();
            default -> "self-hosted";
        };
    }

    private static List<Problem> checkUrl(String field, ProviderType type, String url, String example) {
        String label = ProviderField.label(field);
        if (url.length() > MAX_URL_LENGTH) {
            return List.of(Problem.error(field, label + " is longer than " + MAX_URL_LENGTH + " characters; give"
                    + " the base address only, like " + example + "."));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // The reason never contains the input, which might hold a password.
            String where = e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "";
            return List.of(Problem.error(field, label + " is not a valid URL (" + e.getReason() + where
                    + "); write it like " + example + "."));
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            return List.of(Problem.error(field, label + " must be an absolute address starting with https://,"
                    + " for example " + example + "."));
        }
        List<Problem> problems = new ArrayList<>();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            if (type.isSelfHosted() && !isCloudHost(type, uri)) {
                problems.add(Problem.warning(field, label + " uses plain http: the API token travels unencrypted."
                        + " Use https:// if the server supports it."));
            } else {
                problems.add(Problem.error(field, label + " must use https://: tokens for the cloud service "
                        + type.displayName() + " must never travel unencrypted."));
            }
        } else if (!scheme.equals("https")) {
            problems.add(Problem.error(field, label + " must start with https:// (found '" + quote(scheme)
                    + ":'), for example " + example + "."));
        }
        String authority = uri.getRawAuthority();
        // A host name the URI class cannot parse (an underscore, say) leaves user information inside the authority.
        if (uri.getRawUserInfo() != null || (authority != null && authority.contains("@"))) {
            problems.add(Problem.error(field, label + " must not contain a user name or password (the part before"
                    + " '@'); put them in the API credentials instead."));
        }
        if (authority == null || authority.isEmpty()) {
            problems.add(Problem.error(field, label + " has no host name; write it like " + example + "."));
        } else if (uri.getHost() == null) {
            String host = authority.substring(authority.lastIndexOf('@') + 1);
            problems.add(Problem.error(field, "'" + quote(host) + "' in " + label + " is not a valid host name"
                    + " (letters, digits, hyphens and dots, with an optional :port)."));
        }
        if (uri.getRawQuery() != null) {
            problems.add(Problem.error(field, label + " must not contain a query ('?...'); give the base address"
                    + " only, like " + example + "."));
        }
        if (uri.getRawFragment() != null) {
            problems.add(Problem.error(field, label + " must not contain a fragment ('#...'); give the base"
                    + " address only, like " + example + "."));
        }
        return problems;
    }

    /** Tells whether the address points at the type's cloud service, where plain http is never acceptable. */
    private static boolean isCloudHost(ProviderType type, URI uri) {
        String host = uri.getHost();
        return host != null && type.defaultServerUrl()
                .map(cloud -> URI.create(cloud).getHost())
                .filter(host::equalsIgnoreCase)
                .isPresent();
    }

    /**
     * Shortens a value typed by a person to at most 64 characters for a message, and shows control characters as
     * '?', so that a message stays readable whatever was typed.
     */
    public static String quote(String value) {
        StringBuilder quoted = new StringBuilder();
        int count = 0;
        for (int offset = 0; offset < value.length(); count++) {
            int codePoint = value.codePointAt(offset);
            if (count == MAX_QUOTED_LENGTH) {
                return quoted.append("...").toString();
            }
            quoted.appendCodePoint(Character.isISOControl(codePoint) ? '?' : codePoint);
            offset += Character.charCount(codePoint);
        }
        return quoted.toString();
    }

    @CheckForNull
    private static String clean(@CheckForNull String value) {
        return ProviderSpec.clean(value);
    }

    @CheckForNull
    private static String cleanUrl(@CheckForNull String value) {
        return ProviderSpec.cleanUrl(value);
    }
}
