package io.jenkins.plugins.gitproviders.core.checkout;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.model.RepositoryScope;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifies a repository on a provider's host by its path segments, parsed and validated from what a Pipeline
 * wrote: a path in the host's own form, or a full https, ssh or scp-like URL that must belong to the provider's host.
 *
 * <p>Path forms per host: GitHub and Gitea {@code owner/name}; GitLab {@code group/project} with up to 20 nested
 * groups; Bitbucket Cloud {@code workspace/repository}; Bitbucket Data Center {@code PROJECT/repository}; Azure DevOps
 * {@code organization/project/repository}, or {@code project/repository} when the provider's scope names the
 * organization, or {@code repository} when it names organization/project. A trailing {@code .git} is dropped.
 *
 * @param segments the path segments on the host, for example {@code [platform, infra, tools]}
 * @param warnings things the user should know that do not stop the checkout (a repository outside the scope, on a
 *                 provider that allows it)
 */
public record RepositoryReference(List<String> segments, List<String> warnings) {
    /** Bounds the input; no host has repository paths near this long. */
    static final int MAX_LENGTH = 2048;

    private static final String FORBIDDEN = "~^:?*[]\\\"<>|{}$;#%&'`!,+=";
    private static final Pattern SCP_LIKE = Pattern.compile("(?:([^@/\\s]+)@)?([^:/@\\s]+):([^:\\s][^\\s]*)");

    public RepositoryReference {
        segments = List.copyOf(segments);
        warnings = List.copyOf(warnings);
    }

    /** Returns the path on the host, segments joined by {@code /}. */
    public String path() {
        return String.join("/", segments);
    }

    /**
     * Parses and validates a repository reference for a provider.
     *
     * @param provider   the provider the repository is checked out from
     * @param repository the path or URL the Pipeline gave
     * @throws CheckoutException when the reference is malformed, has characters the host or git reject, is a URL
     *                           of another host, or lies outside the provider's scope (unless the provider allows
     *                           repositories outside its scope)
     */
    public static RepositoryReference parse(ProviderSpec provider, @CheckForNull String repository) {
        Layout layout = Layout.of(provider.type());
        if (repository == null || repository.isBlank()) {
            throw new CheckoutException("No repository given: give it as " + layout.form + " (for example "
                    + layout.example + "), or as its URL on " + ProviderAddress.of(provider).host() + ".");
        }
        String value = repository.strip();
        if (value.length() > MAX_LENGTH) {
            throw new CheckoutException("Repository reference is longer than " + MAX_LENGTH + " characters.");
        }
        ProviderAddress address = ProviderAddress.of(provider);
        List<String> warnings = new ArrayList<>();
        List<String> segments;
        if (value.contains("://") || value.contains(":")) {
            segments = fromUrl(provider, address, value, warnings);
        } else {
            segments = expandAzureScope(provider, layout, Arrays.asList(value.split("/", -1)), value);
        }
        List<String> path = dropGitSuffix(segments);
        validate(provider.type(), layout, path, withoutUserInfo(value));
        if (!RepositoryScope.contains(provider, path)) {
            RepositoryScope.refusal(provider, String.join("/", path)).ifPresent(refusal -> {
                throw new CheckoutException(refusal);
            });
            warnings.add("Repository " + Texts.quote(String.join("/", path)) + " is outside the scope "
                    + Texts.quote(provider.scopeValue().orElse("")) + " of provider " + Texts.quote(provider.name())
                    + "; it is checked out because the provider allows repositories outside its scope.");
        }
        return new RepositoryReference(path, warnings);
    }

    /** Completes an Azure DevOps path from the provider's scope (organization, or organization/project). */
    private static List<String> expandAzureScope(ProviderSpec provider, Layout layout, List<String> given,
                                                 String value) {
        if (provider.type() != ProviderType.AZURE_DEVOPS || given.size() >= 3) {
            return given;
        }
        List<String> scope = provider.scopeValue().map(s -> Arrays.asList(s.split("/"))).orElse(List.of());
        int missing = 3 - given.size();
        if (scope.size() < missing) {
            throw new CheckoutException("Repository " + Texts.quote(value) + " is incomplete for Azure DevOps: give "
                    + layout.form + (scope.isEmpty() ? "; provider " + Texts.quote(provider.name())
                            + " has no scope to take the organization from."
                            : "; the scope of provider " + Texts.quote(provider.name()) + " names only "
                            + Texts.quote(String.join("/", scope)) + "."));
        }
        List<String> full = new ArrayList<>(scope.subList(0, missing));
        full.addAll(given);
        return full;
    }

    private static void validate(ProviderType type, Layout layout, List<String> segments, String value) {
        if (segments.size() < layout.minSegments || segments.size() > layout.maxSegments) {
            // What no host allows ('..', empty parts, control characters) says more than a wrong count of parts.
            for (String segment : segments) {
                String problem = segmentProblem(segment, true, true);
                if (problem != null) {
                    throw new CheckoutException("Repository " + Texts.quote(value) + " is not valid: its part "
                            + Texts.quote(segment) + " " + problem + ".");
                }
            }
            throw new CheckoutException("Repository " + Texts.quote(value) + " is not a " + type.displayName()
                    + " repository path: give " + layout.form + " (for example " + layout.example + ").");
        }
        for (int i = 0; i < segments.size(); i++) {
            Part part = layout.part(i);
            String segment = segments.get(i);
            String problem = segmentProblem(segment, part.allowsSpaces, part.allowsLeadingTilde);
            if (problem == null && !part.pattern.matcher(segment).matches()) {
                problem = "breaks the " + type.displayName() + " rule: " + part.rule;
            }
            if (problem != null) {
                throw new CheckoutException("Repository " + Texts.quote(value) + " is not valid: its " + part.label
                        + " " + Texts.quote(segment) + " " + problem + ".");
            }
        }
    }

    /** Applies the rules every host and git share, with messages naming the offending character. */
    @CheckForNull
    private static String segmentProblem(String segment, boolean allowsSpaces, boolean allowsLeadingTilde) {
        if (segment.isEmpty()) {
            return "is empty (check for '//' or a '/' at the start or end)";
        }
        if (segment.startsWith("-")) {
            return "starts with '-'";
        }
        if (segment.contains("..")) {
            return "contains '..'";
        }
        String checked = allowsLeadingTilde && segment.startsWith("~") ? segment.substring(1) : segment;
        for (int i = 0; i < checked.length(); i++) {
            char c = checked.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains a control character";
            }
            if ((Character.isWhitespace(c) || Character.isSpaceChar(c)) && !(allowsSpaces && c == ' ')) {
                return "contains a space";
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                return "contains '" + c + "'";
            }
        }
        return null;
    }

    private static List<String> dropGitSuffix(List<String> segments) {
        if (segments.isEmpty()) {
            return segments;
        }
        String last = segments.get(segments.size() - 1);
        if (last.length() > 4 && last.toLowerCase(Locale.ROOT).endsWith(".git")) {
            List<String> copy = new ArrayList<>(segments);
            copy.set(copy.size() - 1, last.substring(0, last.length() - 4));
            return copy;
        }
        return segments;
    }

    // Host check and path extraction for URL forms. Kept private and small: the shared RepositoryKey of the
    // repository package normalises the same forms and can replace this once it is available.

    private static List<String> fromUrl(ProviderSpec provider, ProviderAddress address, String value,
                                        List<String> notes) {
        String host;
        String rawPath;
        boolean web;
        if (value.contains("://")) {
            URI uri;
            try {
                uri = new URI(value);
            } catch (URISyntaxException e) {
                throw notAUrl(provider, value);
            }
            String scheme = Objects.requireNonNullElse(uri.getScheme(), "").toLowerCase(Locale.ROOT);
            web = scheme.equals("https") || scheme.equals("http");
            if (!web && !scheme.equals("ssh") && !scheme.equals("git+ssh") && !scheme.equals("ssh+git")) {
                throw new CheckoutException("Repository URL scheme " + Texts.quote(scheme) + " is not accepted:"
                        + " give an https or ssh URL on " + address.host() + ", or the repository path.");
            }
            if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
                throw new CheckoutException("Repository URL carries a password: remove it; the checkout"
                        + " authenticates with the credentials of provider " + Texts.quote(provider.name()) + ".");
            }
            if (web && uri.getRawUserInfo() != null) {
                // Hosts show clone URLs with the user's name (Azure DevOps: https://org@dev.azure.com/...); it is
                // dropped, and said so, since it could also be a token pasted as user name.
                notes.add("The user name in the repository URL is ignored; the checkout authenticates with the"
                        + " credentials of provider " + Texts.quote(provider.name()) + ".");
            }
            if (uri.getHost() == null) {
                throw notAUrl(provider, value);
            }
            host = uri.getHost();
            rawPath = Objects.requireNonNullElse(uri.getRawPath(), "");
        } else {
            Matcher scp = SCP_LIKE.matcher(value);
            if (!scp.matches()) {
                throw notAUrl(provider, value);
            }
            if (scp.group(1) != null && scp.group(1).contains(":")) {
                throw new CheckoutException("Repository URL carries a password: remove it; the checkout"
                        + " authenticates with the credentials of provider " + Texts.quote(provider.name()) + ".");
            }
            web = false;
            host = scp.group(2);
            rawPath = scp.group(3);
        }
        host = host.toLowerCase(Locale.ROOT);
        List<String> path = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                path.add(decode(segment, value));
            }
        }
        return pathOnHost(provider, address, host, web, path);
    }

    private static List<String> pathOnHost(ProviderSpec provider, ProviderAddress address, String host, boolean web,
                                           List<String> path) {
        if (provider.type() == ProviderType.AZURE_DEVOPS && address.isAzureCloud()) {
            if (host.equals("ssh.dev.azure.com") || host.equals("vs-ssh.visualstudio.com")) {
                return azureSsh(path);
            }
            if (host.endsWith(".visualstudio.com")) {
                List<String> withOrg = new ArrayList<>();
                withOrg.add(host.substring(0, host.length() - ".visualstudio.com".length()));
                withOrg.addAll(path.size() > 0 && path.get(0).equalsIgnoreCase("DefaultCollection")
                        ? path.subList(1, path.size()) : path);
                return azureGit(withOrg);
            }
        }
        if (!host.equals(address.host())) {
            throw new CheckoutException("Repository URL host " + Texts.quote(host) + " does not belong to provider "
                    + Texts.quote(provider.name()) + ", whose host is " + Texts.quote(address.host()) + ": use a"
                    + " provider configured for " + host + ", or give the repository as "
                    + Layout.of(provider.type()).form + ".");
        }
        List<String> rest = path;
        if (web && !address.contextPath().isEmpty()) {
            if (rest.size() < address.contextPath().size()
                    || !rest.subList(0, address.contextPath().size()).equals(address.contextPath())) {
                throw new CheckoutException("Repository URL is not under the server address of provider "
                        + Texts.quote(provider.name()) + " (" + address.serverUrl() + "): give a URL below it, or"
                        + " the repository path.");
            }
            rest = rest.subList(address.contextPath().size(), rest.size());
        }
        if (provider.type() == ProviderType.BITBUCKET_DATA_CENTER) {
            if (rest.size() >= 4 && rest.get(0).equals("projects") && rest.get(2).equals("repos")) {
                return List.of(rest.get(1), rest.get(3));
            }
            if (web && !rest.isEmpty() && rest.get(0).equals("scm")) {
                return rest.subList(1, rest.size());
            }
        }
        if (provider.type() == ProviderType.AZURE_DEVOPS) {
            return azureGit(rest);
        }
        return rest;
    }

    /** Reads {@code org/project/_git/repo}, or {@code org/_git/repo} for a repository named as its project. */
    private static List<String> azureGit(List<String> path) {
        int git = path.indexOf("_git");
        if (git == 2 && path.size() == 4) {
            return List.of(path.get(0), path.get(1), path.get(3));
        }
        if (git == 1 && path.size() == 3) {
            return List.of(path.get(0), path.get(2), path.get(2));
        }
        throw new CheckoutException("Repository URL is not an Azure DevOps repository URL: its path must be"
                + " organization/project/_git/repository.");
    }

    private static List<String> azureSsh(List<String> path) {
        if (path.size() == 4 && path.get(0).equals("v3")) {
            return path.subList(1, 4);
        }
        throw new CheckoutException("Repository URL is not an Azure DevOps SSH URL: its path must be"
                + " v3/organization/project/repository.");
    }

    private static String decode(String segment, String value) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new CheckoutException("Repository URL " + Texts.quote(withoutUserInfo(value))
                    + " has a broken '%' escape.");
        }
    }

    /** Drops a URL's user information before the URL is shown in a message. */
    private static String withoutUserInfo(String value) {
        return value.replaceAll("//[^/]*@", "//");
    }

    private static CheckoutException notAUrl(ProviderSpec provider, String value) {
        return new CheckoutException("Repository " + Texts.quote(withoutUserInfo(value)) + " is neither a"
                + " valid URL nor a repository path: give " + Layout.of(provider.type()).form + ", or an https or ssh"
                + " URL.");
    }

    /** One segment's name, syntax and rule in words. */
    private record Part(String label, Pattern pattern, String rule, boolean allowsSpaces, boolean allowsLeadingTilde) {
        Part(String label, String pattern, String rule) {
            this(label, Pattern.compile(pattern), rule, false, false);
        }
    }

    /** The path form of one host type. */
    private record Layout(String form, String example, int minSegments, int maxSegments, List<Part> parts) {
        private static final Part GITHUB_OWNER = new Part("owner", "[A-Za-z0-9][A-Za-z0-9-]{0,38}",
                "letters, digits and '-', at most 39 characters");
        private static final Part GITHUB_NAME = new Part("name", "[A-Za-z0-9._-]{1,100}",
                "letters, digits, '.', '-' and '_', at most 100 characters");
        private static final Part GITEA_OWNER = new Part("owner", "[A-Za-z0-9_.-]{1,40}",
                "letters, digits, '.', '-' and '_', at most 40 characters");
        private static final Part GITLAB_PATH = new Part("path part", "[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}",
                "letters, digits, '_', '-' and '.', not starting with '-' or '.'");
        private static final Part BITBUCKET_WORKSPACE = new Part("workspace", "[A-Za-z0-9_-]{1,62}",
                "letters, digits, '-' and '_'");
        private static final Part BITBUCKET_SLUG = new Part("repository slug", "[A-Za-z0-9_.-]{1,128}",
                "letters, digits, '.', '-' and '_'");
        private static final Part BITBUCKET_PROJECT = new Part("project key",
                Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}|~[A-Za-z0-9_.@-]{1,255}"),
                "a letter, then letters, digits or '_'; or ~username for a personal project", false, true);
        private static final Part AZURE_ORG = new Part("organization", "[A-Za-z0-9](?:[A-Za-z0-9-]{0,48}[A-Za-z0-9])?",
                "letters, digits and '-', not starting or ending with '-'");
        private static final String AZURE_NAME = "(?![_.])[\\p{L}\\p{N}() _.-]{1,64}(?<![. ])";
        private static final String AZURE_NAME_RULE = "letters, digits, spaces, '(', ')', '.', '-' and '_', at most"
                + " 64 characters, not starting with '_' or '.', not ending with '.' or a space";
        private static final Part AZURE_PROJECT = new Part("project", Pattern.compile(AZURE_NAME), AZURE_NAME_RULE,
                true, false);
        private static final Part AZURE_REPOSITORY = new Part("repository", Pattern.compile(AZURE_NAME),
                AZURE_NAME_RULE, true, false);

        static Layout of(ProviderType type) {
            return switch (type) {
                case GITHUB, GITHUB_ENTERPRISE -> new Layout("owner/name", "acme/payments", 2, 2,
                        List.of(GITHUB_OWNER, GITHUB_NAME));
                case GITEA -> new Layout("owner/name", "infra/payments", 2, 2, List.of(GITEA_OWNER, GITHUB_NAME));
                case GITLAB, GITLAB_SELF_MANAGED -> new Layout("group/project or group/subgroup/project",
                        "platform/infra/tools", 2, 21, List.of(GITLAB_PATH));
                case BITBUCKET_CLOUD -> new Layout("workspace/repository", "acme/payments", 2, 2,
                        List.of(BITBUCKET_WORKSPACE, BITBUCKET_SLUG));
                case BITBUCKET_DATA_CENTER -> new Layout("PROJECT/repository", "PROJ/payments", 2, 2,
                        List.of(BITBUCKET_PROJECT, BITBUCKET_SLUG));
                case AZURE_DEVOPS -> new Layout("organization/project/repository (project/repository when the"
                        + " provider's scope names the organization, repository when it names organization/project)",
                        "fabrikam/Fabrikam Fiber/payments", 3, 3, List.of(AZURE_ORG, AZURE_PROJECT, AZURE_REPOSITORY));
            };
        }

        Part part(int index) {
            if (parts.size() == 1) {
                return parts.get(0);
            }
            return parts.get(index);
        }
    }
}
