package io.jenkins.plugins.gitproviders.core.checkout;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds clone URLs from a validated repository path, in each host's layout. The URLs never carry user information:
 * credentials are supplied by the Git client, not through the URL.
 */
final class CloneUrls {
    /** The SSH port of Bitbucket Data Center out of the box; administrators rarely change it. */
    static final int BITBUCKET_DATA_CENTER_SSH_PORT = 7999;

    private CloneUrls() {}

    static String https(ProviderType type, ProviderAddress address, List<String> segments) {
        String server = address.serverUrl();
        return switch (type) {
            case BITBUCKET_DATA_CENTER -> server + "/scm/" + encode(bitbucketPath(segments)) + ".git";
            case AZURE_DEVOPS -> server + "/" + encode(segments.get(0)) + "/" + encode(segments.get(1)) + "/_git/"
                    + encode(segments.get(2));
            default -> server + "/" + encode(segments) + ".git";
        };
    }

    static String ssh(ProviderType type, ProviderAddress address, List<String> segments) {
        String host = address.host();
        return switch (type) {
            case BITBUCKET_DATA_CENTER -> "ssh://git@" + host + ":" + BITBUCKET_DATA_CENTER_SSH_PORT + "/"
                    + encode(bitbucketPath(segments)) + ".git";
            case AZURE_DEVOPS -> address.isAzureCloud()
                    ? "git@ssh.dev.azure.com:v3/" + encode(segments)
                    : "ssh://" + host + ":22/" + encode(segments.get(0)) + "/" + encode(segments.get(1)) + "/_git/"
                            + encode(segments.get(2));
            default -> "git@" + host + ":" + encode(segments) + ".git";
        };
    }

    /**
     * Returns {@code ssh://host:port} of the SSH clone URLs {@link #ssh} builds, the address an SSH key is sent to.
     */
    static String sshOrigin(ProviderType type, ProviderAddress address) {
        return switch (type) {
            case BITBUCKET_DATA_CENTER -> "ssh://" + address.host() + ":" + BITBUCKET_DATA_CENTER_SSH_PORT;
            case AZURE_DEVOPS -> address.isAzureCloud() ? "ssh://ssh.dev.azure.com:22" : "ssh://" + address.host()
                    + ":22";
            default -> "ssh://" + address.host() + ":22";
        };
    }

    /** Bitbucket Data Center shows clone URLs with the project key in lower case. */
    private static List<String> bitbucketPath(List<String> segments) {
        List<String> path = new ArrayList<>(segments);
        path.set(0, path.get(0).toLowerCase(Locale.ROOT));
        return path;
    }

    private static String encode(List<String> segments) {
        List<String> encoded = new ArrayList<>();
        for (String segment : segments) {
            encoded.add(encode(segment));
        }
        return String.join("/", encoded);
    }

    /** Percent-encodes all but RFC 3986 unreserved characters ({@code ~} kept for Bitbucket personal projects). */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
