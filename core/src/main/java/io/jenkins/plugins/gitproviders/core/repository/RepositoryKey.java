package io.jenkins.plugins.gitproviders.core.repository;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Identifies one repository on one host, whatever address form named it: every clone, SSH, web and scp-like address
 * of the same repository yields the same key, so jobs and webhook deliveries meet in one map.
 *
 * <p>The host is lowercase, keeps a port only when it is not the scheme's default and is an HTTP(S) port (the port of
 * an SSH daemon says nothing of the web server: Bitbucket Data Center serves {@code ssh://host:7999} beside
 * {@code https://host}). The path is lowercase, percent-decoded, without {@code .git}, trailing slashes, web suffixes
 * ({@code /-/tree/main}, {@code /browse}) or host-specific decoration ({@code _git}, {@code scm/}, {@code v3/}):
 * {@code owner/repo}, {@code group/sub/project}, {@code PROJ/repo}, {@code org/project/repo} for Azure DevOps.
 *
 * @param host the host name in lowercase, with {@code :port} when the port is not a default one
 * @param path the repository's path on the host in lowercase, at least two segments, without leading or trailing slash
 */
public record RepositoryKey(String host, String path) {
    private static final Pattern HOST = Pattern.compile("(?:[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?|\\[[0-9a-f:.]+\\])"
            + "(?::[0-9]{1,5})?");

    public RepositoryKey {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("Not a normalised host name: '" + host + "'");
        }
        if (!path.equals(path.toLowerCase(Locale.ROOT)) || path.startsWith("/") || path.endsWith("/")
                || path.contains("//") || path.indexOf('/') < 0) {
            throw new IllegalArgumentException("Not a normalised repository path: '" + path
                    + "' (expected lowercase segments such as owner/repo)");
        }
    }

    /**
     * Reads an absolute repository address: {@code https://}, {@code http://}, {@code ssh://}, {@code git://} or
     * scp-like {@code user@host:path}. Returns empty for anything else, including relative {@code owner/repo} forms
     * (see {@link #parse(String, String)}).
     */
    public static Optional<RepositoryKey> parse(@CheckForNull String address) {
        return Optional.ofNullable(RepositoryAddresses.parse(address).key());
    }

    /**
     * Reads an absolute repository address like {@link #parse(String)}, failing with a message that says what is
     * wrong and which forms are understood. The message never repeats user information (it may hold a token).
     *
     * @throws IllegalArgumentException if the address is not understood
     */
    public static RepositoryKey parseOrThrow(@CheckForNull String address) {
        RepositoryAddresses.Result result = RepositoryAddresses.parse(address);
        if (result.key() == null) {
            throw new IllegalArgumentException(RepositoryAddresses.describeFailure(address, result.problem()));
        }
        return result.key();
    }

    /**
     * Reads an address that may be relative as well: {@code owner/repo} (or {@code group/sub/project}) on the default
     * host, or {@code host/owner/repo} when the first segment names a host (it holds a dot or a port, or is
     * {@code localhost}) and two segments follow it. Absolute addresses are read as by {@link #parse(String)}.
     *
     * @param address     what a user wrote
     * @param defaultHost the host of relative forms: a host name ({@code github.com}) or a server address
     *                    ({@code https://bitbucket.example.com:7990/context}, whose context path is ignored)
     */
    public static Optional<RepositoryKey> parse(@CheckForNull String address, String defaultHost) {
        return Optional.ofNullable(RepositoryAddresses.parseRelative(address, defaultHost).key());
    }

    /**
     * Derives the key of the repository a webhook event names, from its host and full path, falling back to its
     * clone and web addresses; empty if none of them is understood.
     */
    public static Optional<RepositoryKey> of(RepositoryInfo info) {
        Optional<RepositoryKey> named = info.host().isBlank() || info.fullPath().isBlank() ? Optional.empty()
                : parse("https://" + info.host() + "/" + info.fullPath());
        if (named.isPresent()) {
            if (!hasPort(info.httpsCloneUrl())) {
                return named;
            }
            // The clone address also tells a non-default port, which host names in deliveries leave out.
            return parse(info.httpsCloneUrl()).filter(key -> key.withoutPort().equals(named.get().withoutPort()))
                    .or(() -> named);
        }
        return parse(info.httpsCloneUrl()).or(() -> parse(info.webUrl())).or(() -> parse(info.sshCloneUrl()));
    }

    private static boolean hasPort(@CheckForNull String url) {
        if (url == null) {
            return false;
        }
        int start = url.indexOf("://");
        int end = url.indexOf('/', start < 0 ? 0 : start + 3);
        String authority = url.substring(start < 0 ? 0 : start + 3, end < 0 ? url.length() : end);
        return authority.indexOf(':', authority.lastIndexOf('@') + 1) >= 0;
    }

    /** Returns this key without any port: the form under which {@link #sameRepository} keys meet. */
    public RepositoryKey withoutPort() {
        String name = hostName();
        return name.length() == host.length() ? this : new RepositoryKey(name, path);
    }

    /**
     * Tells whether two keys name the same repository: same host name and path, and the same port unless one of them
     * does not tell its port (a delivery's host name, an SSH address or a relative form leave it out).
     */
    public boolean sameRepository(RepositoryKey other) {
        if (!path.equals(other.path)) {
            return false;
        }
        if (host.equals(other.host)) {
            return true;
        }
        String name = hostName();
        return name.equals(other.hostName()) && (name.length() == host.length()
                || other.hostName().length() == other.host.length());
    }

    /** Returns the host name without any port. */
    public String hostName() {
        if (host.startsWith("[")) {
            return host.substring(0, host.indexOf(']') + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Returns {@code host/path}, the key's canonical text. */
    @Override
    public String toString() {
        return host + "/" + path;
    }
}
