package io.jenkins.plugins.gitproviders.core.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Selects branch or tag names by include and exclude patterns: a name is selected when it matches an include pattern
 * (or the include list is empty, meaning all) and matches no exclude pattern.
 *
 * @param include names to select; empty selects every name
 * @param exclude names to leave out, even when included
 */
public record RefFilter(List<RefPattern> include, List<RefPattern> exclude) {
    /** Selects every name. */
    public static final RefFilter ALL = new RefFilter(List.of(), List.of());

    public RefFilter {
        include = List.copyOf(Objects.requireNonNull(include, "include"));
        exclude = List.copyOf(Objects.requireNonNull(exclude, "exclude"));
    }

    /** Builds a filter from two fields of globs separated by whitespace or commas. */
    public static RefFilter of(String include, String exclude) {
        return new RefFilter(RefPattern.list(include), RefPattern.list(exclude));
    }

    /** Tells whether every name is selected. */
    public boolean selectsAll() {
        return include.isEmpty() && exclude.isEmpty();
    }

    /** Tells whether the name is selected. */
    public boolean matches(String name) {
        return rejection(name, "").isEmpty();
    }

    /**
     * Explains why a name is not selected, in words for the deliveries page, or returns empty when it is selected.
     *
     * @param what what the name is ("branch", "tag"), for the explanation
     */
    public Optional<String> rejection(String name, String what) {
        if (!include.isEmpty() && include.stream().noneMatch(pattern -> pattern.matches(name))) {
            return Optional.of(what + " '" + name + "' is not included (included: " + join(include) + ")");
        }
        for (RefPattern pattern : exclude) {
            if (pattern.matches(name)) {
                return Optional.of(what + " '" + name + "' is excluded by '" + pattern + "'");
            }
        }
        return Optional.empty();
    }

    private static String join(List<RefPattern> patterns) {
        return patterns.stream().map(RefPattern::glob).collect(Collectors.joining(", "));
    }
}
