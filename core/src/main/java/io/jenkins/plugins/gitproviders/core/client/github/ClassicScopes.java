package io.jenkins.plugins.gitproviders.core.client.github;

import io.jenkins.plugins.gitproviders.core.model.TokenScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares the scopes a classic GitHub token was granted ({@code X-OAuth-Scopes}) with the scopes the plugin needs,
 * counting broader scopes as covering narrower ones: {@code admin:org} covers {@code write:org} and {@code read:org},
 * {@code write:X} covers {@code read:X}, {@code repo} covers {@code repo:status}.
 */
final class ClassicScopes {
    /** The scopes {@code repo} includes, from GitHub's "Scopes for OAuth apps". */
    private static final Set<String> REPO_PARTS = Set.of("repo:status", "repo_deployment", "public_repo",
            "repo:invite", "security_events");

    private final Set<String> granted;

    private ClassicScopes(Set<String> granted) {
        this.granted = granted;
    }

    /** Parses the header's comma-separated list; an empty value means a token without any scope. */
    static ClassicScopes parse(String header) {
        Set<String> scopes = Arrays.stream(header.split(","))
                .map(scope -> scope.trim().toLowerCase(Locale.ROOT))
                .filter(scope -> !scope.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new ClassicScopes(scopes);
    }

    Set<String> granted() {
        return granted;
    }

    /** Tells whether the granted scopes include the scope or one that implies it. */
    boolean covers(String required) {
        String scope = required.toLowerCase(Locale.ROOT);
        if (granted.contains(scope)) {
            return true;
        }
        if (REPO_PARTS.contains(scope) && granted.contains("repo")) {
            return true;
        }
        int colon = scope.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String level = scope.substring(0, colon);
        String resource = scope.substring(colon + 1);
        return switch (level) {
            case "read" -> granted.contains("write:" + resource) || granted.contains("admin:" + resource);
            case "write" -> granted.contains("admin:" + resource);
            default -> false;
        };
    }

    /** Returns the required scopes that are not covered, in the order given. */
    List<TokenScope> missing(List<TokenScope> required) {
        List<TokenScope> missing = new ArrayList<>();
        for (TokenScope scope : required) {
            if (!covers(scope.name())) {
                missing.add(scope);
            }
        }
        return missing;
    }
}
