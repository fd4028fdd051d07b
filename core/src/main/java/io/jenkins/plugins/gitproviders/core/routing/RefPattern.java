package io.jenkins.plugins.gitproviders.core.routing;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Matches branch or tag names with a glob: {@code *} matches within one path segment ({@code release/*} matches
 * {@code release/1.0}, not {@code release/1.0/hotfix}), {@code **} matches across segments ({@code feature/**}),
 * {@code ?} matches one character other than {@code /}; anything else matches itself. A leading
 * {@code refs/heads/} or {@code refs/tags/} is ignored, since names are compared without it.
 */
public final class RefPattern {
    /** Longest pattern accepted; ref names are short, and a bound keeps matching cheap. */
    public static final int MAX_LENGTH = 256;

    private final String glob;
    @CheckForNull
    private final Pattern regex;

    private RefPattern(String glob) {
        this.glob = glob;
        boolean literal = glob.indexOf('*') < 0 && glob.indexOf('?') < 0;
        this.regex = literal ? null : Pattern.compile(toRegex(glob));
    }

    /**
     * Compiles one glob.
     *
     * @throws IllegalArgumentException if the pattern is blank, too long or holds whitespace
     */
    public static RefPattern of(String glob) {
        String trimmed = Objects.requireNonNull(glob, "glob").strip();
        if (trimmed.startsWith("refs/heads/")) {
            trimmed = trimmed.substring("refs/heads/".length());
        } else if (trimmed.startsWith("refs/tags/")) {
            trimmed = trimmed.substring("refs/tags/".length());
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A branch or tag pattern is empty; write a name such as main or a"
                    + " glob such as release/*");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The branch or tag pattern '" + trimmed.substring(0, 40)
                    + "...' is longer than " + MAX_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("The branch or tag pattern '" + trimmed + "' contains whitespace;"
                    + " separate several patterns with spaces or commas");
        }
        return new RefPattern(trimmed);
    }

    /**
     * Compiles a list of globs separated by whitespace or commas, as a user types them in one field; blank text
     * gives an empty list.
     */
    public static List<RefPattern> list(String globs) {
        List<RefPattern> patterns = new ArrayList<>();
        for (String glob : Objects.requireNonNull(globs, "globs").split("[\\s,]+")) {
            if (!glob.isEmpty()) {
                patterns.add(of(glob));
            }
        }
        return List.copyOf(patterns);
    }

    /** Tells whether a branch or tag name (without {@code refs/heads/} or {@code refs/tags/}) matches. */
    public boolean matches(String name) {
        return regex == null ? glob.equals(name) : regex.matcher(name).matches();
    }

    /** Returns the glob as written (without any {@code refs/...} prefix). */
    public String glob() {
        return glob;
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                // "**/" also matches no directory at all: feature/**/x matches feature/x.
                if (i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
                    regex.append("(?:.*/)?");
                    i += 3;
                } else {
                    regex.append(".*");
                    i += 2;
                }
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                int next = i;
                while (next < glob.length() && glob.charAt(next) != '*' && glob.charAt(next) != '?') {
                    next++;
                }
                regex.append(Pattern.quote(glob.substring(i, next)));
                i = next;
            }
        }
        return regex.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RefPattern pattern && pattern.glob.equals(glob);
    }

    @Override
    public int hashCode() {
        return glob.hashCode();
    }

    @Override
    public String toString() {
        return glob;
    }
}
