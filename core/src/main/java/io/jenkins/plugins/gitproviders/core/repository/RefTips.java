package io.jenkins.plugins.gitproviders.core.repository;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Holds what a host answered about a repository's refs: the commit each ref points to now. Only well-formed entries
 * are kept (a full ref name under {@code refs/} of at most {@value #MAX_REF_LENGTH} characters without control
 * characters or spaces, and a full 40- or 64-digit commit id), at most {@value #MAX_REFS} of them, so a host's answer
 * is bounded and validated before anything stores it.
 *
 * @param commits the commit of each ref, by full ref name ({@code refs/heads/main}); lowercase ids
 */
public record RefTips(Map<String, String> commits) {
    /** The most refs kept from one answer. */
    public static final int MAX_REFS = 50_000;
    /** The longest ref name kept, as git's ref rules in this project allow. */
    public static final int MAX_REF_LENGTH = 1024;

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern ZEROS = Pattern.compile("0+");

    public RefTips {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : commits.entrySet()) {
            if (kept.size() == MAX_REFS) {
                break;
            }
            String commit = entry.getValue() == null ? "" : entry.getValue().strip().toLowerCase(Locale.ROOT);
            if (isRefName(entry.getKey()) && isCommit(commit)) {
                kept.put(entry.getKey(), commit);
            }
        }
        commits = Collections.unmodifiableMap(kept);
    }

    /** An answer naming no ref: an empty repository, or one whose refs were all filtered out. */
    public static RefTips none() {
        return new RefTips(Map.of());
    }

    /**
     * Reads the output of {@code git ls-remote <url> [patterns]}: lines {@code <id><TAB><ref>}; peeled tag lines
     * ({@code refs/tags/v1^{}}), symbolic-ref lines and anything malformed are skipped.
     */
    public static RefTips fromLsRemote(String output) {
        Map<String, String> commits = new LinkedHashMap<>();
        int start = 0;
        while (start < output.length() && commits.size() < MAX_REFS) {
            int end = output.indexOf('\n', start);
            String line = output.substring(start, end < 0 ? output.length() : end).strip();
            start = end < 0 ? output.length() : end + 1;
            int tab = line.indexOf('\t');
            if (tab > 0 && line.indexOf('\t', tab + 1) < 0) {
                commits.putIfAbsent(line.substring(tab + 1), line.substring(0, tab));
            }
        }
        return new RefTips(commits);
    }

    /** Returns the commit the ref points to, or empty when the host has no such ref. */
    public Optional<String> tipOf(String ref) {
        return Optional.ofNullable(commits.get(ref));
    }

    /** Tells whether a text is a full, non-zero commit id in lowercase. */
    public static boolean isCommit(String text) {
        return COMMIT.matcher(text).matches() && !ZEROS.matcher(text).matches();
    }

    private static boolean isRefName(String ref) {
        if (ref == null || !ref.startsWith("refs/") || ref.length() > MAX_REF_LENGTH || ref.endsWith("^{}")) {
            return false;
        }
        return ref.chars().noneMatch(c -> c <= ' ' || c == 0x7f);
    }
}
