package io.jenkins.plugins.gitproviders.core.repository;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalises repository addresses into {@link RepositoryKey}s: the one place that knows every host's address forms.
 */
final class RepositoryAddresses {
    static final int MAX_LENGTH = 2048;
    private static final String AZURE = "dev.azure.com";
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("https", 443, "http", 80, "git", 9418);
    private static final Set<String> SSH_SCHEMES = Set.of("ssh", "git+ssh", "ssh+git");
    /** Hosts whose repositories are always exactly {@code owner/name}: anything after is a web page. */
    private static final Set<String> TWO_SEGMENT_HOSTS = Set.of("github.com", "bitbucket.org");
    private static final Pattern RELATIVE_HOST = Pattern.compile(
            "(?:localhost|[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)+|[A-Za-z0-9_.-]+:[0-9]{1,5}"
                    + "|\\[[0-9A-Fa-f:.]+\\](?::[0-9]{1,5})?)");
    private static final Pattern HOST = Pattern.compile(
            "(?:[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?|\\[[0-9a-f:.]+\\])(?::[0-9]{1,5})?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final String FORMS = "use https://host/owner/repo, ssh://git@host/owner/repo.git or"
            + " git@host:owner/repo.git";

    private RepositoryAddresses() {}

    /** The key, or why there is none. */
    record Result(@CheckForNull RepositoryKey key, @CheckForNull String problem) {
        static Result ok(RepositoryKey key) {
            return new Result(key, null);
        }

        static Result fail(String problem) {
            return new Result(null, problem);
        }
    }

    static Result parse(@CheckForNull String address) {
        if (address == null) {
            return Result.fail("no address was given");
        }
        String text = address.strip();
        Result invalid = checkCharacters(text);
        if (invalid != null) {
            return invalid;
        }
        int schemeEnd = text.indexOf("://");
        if (schemeEnd > 0) {
            return parseUrl(text.substring(0, schemeEnd).toLowerCase(Locale.ROOT), text.substring(schemeEnd + 3));
        }
        if (isScpLike(text)) {
            int colon = text.indexOf(':');
            return build(stripUser(text.substring(0, colon)), text.substring(colon + 1));
        }
        return Result.fail("it is not an absolute address (owner/repo alone needs a default host)");
    }

    static Result parseRelative(@CheckForNull String address, String defaultHost) {
        if (address == null) {
            return Result.fail("no address was given");
        }
        String text = address.strip();
        Result invalid = checkCharacters(text);
        if (invalid != null) {
            return invalid;
        }
        if (text.contains("://")) {
            return parse(text);
        }
        String relative = text.startsWith("/") ? text.substring(1) : text;
        String[] segments = relative.split("/+");
        if (segments.length >= 3 && RELATIVE_HOST.matcher(segments[0]).matches()) {
            return parse("https://" + relative);
        }
        if (isScpLike(text)) {
            return parse(text);
        }
        String base = defaultHost.strip();
        int schemeEnd = base.indexOf("://");
        String prefix;
        if (schemeEnd > 0) {
            int slash = base.indexOf('/', schemeEnd + 3);
            prefix = slash < 0 ? base : base.substring(0, slash);
        } else {
            int slash = base.indexOf('/');
            prefix = "https://" + (slash < 0 ? base : base.substring(0, slash));
        }
        return parse(prefix + "/" + relative);
    }

    /** Describes a failure for people, without any user information the address held. */
    static String describeFailure(@CheckForNull String address, @CheckForNull String problem) {
        String shown = address == null ? "" : redact(address.strip());
        if (shown.length() > 200) {
            shown = shown.substring(0, 200) + "...";
        }
        return "Cannot read the repository address '" + shown + "': " + problem + "; " + FORMS
                + " (Azure DevOps: https://dev.azure.com/org/project/_git/repo)";
    }

    @CheckForNull
    private static Result checkCharacters(String text) {
        if (text.isEmpty()) {
            return Result.fail("the address is empty");
        }
        if (text.length() > MAX_LENGTH) {
            return Result.fail("it is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\\') {
                return Result.fail("it contains a control character or a backslash");
            }
        }
        return null;
    }

    /** Tells {@code [user@]host:path} apart: a colon before any slash, and a host that is not a drive letter. */
    private static boolean isScpLike(String text) {
        int colon = text.indexOf(':');
        int slash = text.indexOf('/');
        return colon > 1 && (slash < 0 || colon < slash);
    }

    private static String stripUser(String authority) {
        int at = authority.lastIndexOf('@');
        return at < 0 ? authority : authority.substring(at + 1);
    }

    private static String redact(String address) {
        int schemeEnd = address.indexOf("://");
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int end = address.indexOf('/', start);
        String authority = end < 0 ? address.substring(start) : address.substring(start, end);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return address;
        }
        return address.substring(0, start) + "***@" + address.substring(start + at + 1);
    }

    private static Result parseUrl(String scheme, String rest) {
        boolean ssh = SSH_SCHEMES.contains(scheme);
        if (!ssh && !DEFAULT_PORTS.containsKey(scheme)) {
            return Result.fail("the scheme '" + scheme + "' is not a Git transport (https, http, ssh or git)");
        }
        int end = indexOfAny(rest, "?#");
        String withoutQuery = end < 0 ? rest : rest.substring(0, end);
        int slash = withoutQuery.indexOf('/');
        String authority = stripUser(slash < 0 ? withoutQuery : withoutQuery.substring(0, slash));
        String path = slash < 0 ? "" : withoutQuery.substring(slash + 1);
        String host = authority;
        String port = null;
        int portColon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']'))
                : authority.lastIndexOf(':');
        if (portColon >= 0) {
            host = authority.substring(0, portColon);
            port = authority.substring(portColon + 1);
            if (!PORT.matcher(port).matches() || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
                return Result.fail("the port '" + port + "' is not a number from 1 to 65535");
            }
            if (ssh || Integer.parseInt(port) == DEFAULT_PORTS.get(scheme)) {
                // An SSH daemon's port does not identify the web server whose repositories it serves.
                port = null;
            }
        }
        return build(port == null ? host : host + ":" + port, path);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static Result build(String rawHost, String rawPath) {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            return Result.fail("it names no host");
        }
        if (!HOST.matcher(host).matches()) {
            return Result.fail("'" + host + "' is not a host name");
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(raw);
            }
        }
        if (!segments.isEmpty()) {
            int last = segments.size() - 1;
            String name = segments.get(last);
            if (name.length() > 4 && name.toLowerCase(Locale.ROOT).endsWith(".git")) {
                segments.set(last, name.substring(0, name.length() - 4));
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            String decoded = percentDecode(segments.get(i));
            if (decoded == null) {
                return Result.fail("the path segment '" + segments.get(i) + "' has a malformed %-escape");
            }
            String folded = decoded.strip().toLowerCase(Locale.ROOT);
            if (folded.isEmpty() || folded.equals(".") || folded.equals("..") || folded.contains("/")
                    || hasControl(folded)) {
                return Result.fail("the path segment '" + segments.get(i) + "' is not a repository name");
            }
            segments.set(i, folded);
        }
        HostPath normalised = normaliseForHost(new HostPath(host, segments));
        if (normalised.problem != null) {
            return Result.fail(normalised.problem);
        }
        if (normalised.segments.size() < 2) {
            return Result.fail("the path names no repository (expected at least owner/repo)");
        }
        return Result.ok(new RepositoryKey(normalised.host, String.join("/", normalised.segments)));
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** A host and path being normalised, or the reason they cannot be. */
    private record HostPath(String host, List<String> segments, @CheckForNull String problem) {
        HostPath(String host, List<String> segments) {
            this(host, segments, null);
        }

        static HostPath fail(String problem) {
            return new HostPath("", List.of(), problem);
        }
    }

    private static HostPath normaliseForHost(HostPath in) {
        String host = in.host;
        List<String> segments = in.segments;
        if (host.equals("ssh.dev.azure.com") || host.equals("vs-ssh.visualstudio.com")) {
            if (segments.size() != 4 || !segments.get(0).equals("v3")) {
                return HostPath.fail("Azure DevOps SSH addresses look like git@ssh.dev.azure.com:v3/org/project/repo");
            }
            return new HostPath(AZURE, segments.subList(1, 4));
        }
        if (host.endsWith(".visualstudio.com")) {
            List<String> withOrg = new ArrayList<>();
            withOrg.add(host.substring(0, host.length() - ".visualstudio.com".length()));
            List<String> rest = segments;
            if (!rest.isEmpty() && rest.get(0).equals("defaultcollection")) {
                rest = rest.subList(1, rest.size());
            }
            withOrg.addAll(rest);
            return azure(withOrg);
        }
        if (host.equals(AZURE)) {
            return azure(segments);
        }
        if (TWO_SEGMENT_HOSTS.contains(host)) {
            return new HostPath(host, segments.size() > 2 ? segments.subList(0, 2) : segments);
        }
        List<String> path = beforeSegment(segments, "-");
        int git = path.indexOf("_git");
        if (git >= 0 && git + 1 < path.size()) {
            // Azure DevOps Server: /tfs/Collection/project/_git/repo, anything after the repository is a page.
            List<String> server = new ArrayList<>(path.subList(0, git));
            server.add(path.get(git + 1));
            return new HostPath(host, server);
        }
        for (int i = 0; i + 3 < path.size(); i++) {
            // Bitbucket Data Center pages: [/context]/projects/PROJ/repos/repo[/browse...], users/NAME/repos/repo.
            String kind = path.get(i);
            if ((kind.equals("projects") || kind.equals("users")) && path.get(i + 2).equals("repos")) {
                String owner = kind.equals("users") ? "~" + path.get(i + 1) : path.get(i + 1);
                return new HostPath(host, List.of(owner, path.get(i + 3)));
            }
        }
        if (path.size() >= 3 && path.get(path.size() - 3).equals("scm")) {
            // Bitbucket Data Center clone address: [/context]/scm/PROJ/repo.git.
            return new HostPath(host, path.subList(path.size() - 2, path.size()));
        }
        return new HostPath(host, path);
    }

    private static HostPath azure(List<String> segments) {
        int git = segments.indexOf("_git");
        if (git == 1 && segments.size() > 2) {
            // dev.azure.com/org/_git/repo: the project has the repository's name.
            return new HostPath(AZURE, List.of(segments.get(0), segments.get(2), segments.get(2)));
        }
        if (git == 2 && segments.size() > 3) {
            return new HostPath(AZURE, List.of(segments.get(0), segments.get(1), segments.get(3)));
        }
        if (git < 0 && segments.size() == 3) {
            return new HostPath(AZURE, segments);
        }
        return HostPath.fail("Azure DevOps addresses look like https://dev.azure.com/org/project/_git/repo");
    }

    private static List<String> beforeSegment(List<String> segments, String marker) {
        int index = segments.indexOf(marker);
        return index < 0 ? segments : segments.subList(0, index);
    }

    /** Decodes {@code %XX} escapes as UTF-8; returns {@code null} if an escape or the bytes are malformed. */
    @CheckForNull
    static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] utf8 = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '%') {
                if (i + 2 >= utf8.length) {
                    return null;
                }
                int high = Character.digit(utf8[i + 1], 16);
                int low = Character.digit(utf8[i + 2], 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(utf8[i]);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
