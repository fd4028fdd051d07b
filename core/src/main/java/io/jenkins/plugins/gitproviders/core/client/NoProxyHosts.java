package io.jenkins.plugins.gitproviders.core.client;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a "no proxy" host list as administrators type it (one pattern per line, or separated by spaces, commas or
 * vertical bars, {@code *} as wildcard) into the patterns {@link HttpSettings#noProxyHosts()} takes.
 */
public final class NoProxyHosts {
    private NoProxyHosts() {}

    /** Returns the patterns in the order given, without blanks; empty for {@code null}. */
    public static List<String> parse(@CheckForNull String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[ \t\r\n,|]+")).filter(pattern -> !pattern.isEmpty()).toList();
    }
}
