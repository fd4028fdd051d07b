package io.jenkins.plugins.gitproviders.core.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Matches Jenkins item full names ({@code team-a/services/deploy}) against a pattern of a provider's allowed items.
 * The language is deliberately small:
 * <ul>
 *   <li>segments are separated by {@code /}, as in item full names, and compared case-sensitively;</li>
 *   <li>{@code *} inside a segment matches any characters of that one segment ({@code team-*}, {@code *-deploy});</li>
 *   <li>{@code **} as a whole segment matches any number of segments: {@code team-a/**} matches every item inside
 *       the folder {@code team-a} at any depth (not the folder itself), {@code **}{@code /deploy} every item named
 *       {@code deploy}, {@code **} alone every item;</li>
 *   <li>anything else matches itself: {@code team-a/deploy} is that one job.</li>
 * </ul>
 */
public final class ItemPattern {
    /** The longest pattern accepted; item full names are far shorter. */
    public static final int MAX_LENGTH = 1024;
    private static final String ANY_DEPTH = "**";
    /** Characters Jenkins refuses in item names, so a pattern containing one could never match. */
    private static final String NEVER_IN_NAMES = "?\\%!@#$^&|<>[]:;";

    private final String text;
    private final List<String> segments;
    private final List<Pattern> segmentPatterns;

    private ItemPattern(String text, List<String> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
        List<Pattern> patterns = new ArrayList<>();
        for (String segment : segments) {
            patterns.add(segment.equals(ANY_DEPTH) ? null : compile(segment));
        }
        this.segmentPatterns = java.util.Collections.unmodifiableList(patterns);
    }

    /**
     * Splits patterns as administrators type them, one per line (commas also separate), without blanks; empty for
     * {@code null}.
     */
    public static List<String> lines(@CheckForNull String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException with {@link #problem(String)}'s message when the pattern is not valid
     */
    public static ItemPattern parse(String pattern) {
        Optional<String> problem = problem(pattern);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        String trimmed = pattern.trim();
        return new ItemPattern(trimmed, Arrays.asList(trimmed.split("/", -1)));
    }

    /** Tells what is wrong with a pattern, in words that say how to write it, or empty when it is valid. */
    public static Optional<String> problem(String pattern) {
        String value = Objects.requireNonNullElse(pattern, "").trim();
        String shown = "'" + ProviderValidator.quote(value) + "'";
        if (value.isEmpty()) {
            return Optional.of("An empty pattern matches no job: remove it, or write a job's full name such as"
                    + " team-a/deploy.");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("The pattern is longer than " + MAX_LENGTH + " characters; item full names are"
                    + " shorter.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("The pattern " + shown + " contains a control character.");
        }
        if (value.startsWith("/") || value.endsWith("/")) {
            return Optional.of("The pattern " + shown + " starts or ends with '/': write the item's full name as"
                    + " Jenkins shows it, such as team-a/deploy, or team-a/** for everything in a folder.");
        }
        for (char c : NEVER_IN_NAMES.toCharArray()) {
            if (value.indexOf(c) >= 0) {
                return Optional.of("The pattern " + shown + " contains '" + c + "', which Jenkins does not allow"
                        + " in item names, so it would never match; only * and ** are wildcards.");
            }
        }
        for (String segment : value.split("/", -1)) {
            if (segment.isEmpty()) {
                return Optional.of("The pattern " + shown + " contains '//'; separate folder and job names with"
                        + " one '/'.");
            }
            if (segment.contains(ANY_DEPTH) && !segment.equals(ANY_DEPTH)) {
                return Optional.of("The pattern " + shown + " uses ** inside a name; ** stands for whole folder"
                        + " levels (team-a/**), * for part of a name (team-*).");
            }
            if (!segment.equals(segment.strip())) {
                return Optional.of("The pattern " + shown + " has spaces around a '/'; item names do not start or"
                        + " end with a space.");
            }
        }
        return Optional.empty();
    }

    /** Tells whether an item full name matches the pattern. */
    public boolean matches(String itemFullName) {
        String[] names = itemFullName.split("/", -1);
        Boolean[][] memo = new Boolean[segments.size() + 1][names.length + 1];
        return matches(0, names, 0, memo);
    }

    private boolean matches(int segment, String[] names, int name, Boolean[][] memo) {
        if (memo[segment][name] != null) {
            return memo[segment][name];
        }
        boolean result;
        if (segment == segments.size()) {
            result = name == names.length;
        } else if (segments.get(segment).equals(ANY_DEPTH)) {
            // A trailing ** means "inside": at least one more level. Elsewhere it may stand for no level at all.
            int least = segment == segments.size() - 1 ? 1 : 0;
            result = false;
            for (int taken = least; name + taken <= names.length && !result; taken++) {
                result = matches(segment + 1, names, name + taken, memo);
            }
        } else {
            result = name < names.length && segmentPatterns.get(segment).matcher(names[name]).matches()
                    && matches(segment + 1, names, name + 1, memo);
        }
        memo[segment][name] = result;
        return result;
    }

    private static Pattern compile(String segment) {
        StringBuilder regex = new StringBuilder();
        String[] literals = segment.split("\\*", -1);
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!literals[i].isEmpty()) {
                regex.append(Pattern.quote(literals[i]));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ItemPattern pattern && pattern.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** Returns the pattern as written (trimmed). */
    @Override
    public String toString() {
        return text;
    }
}
