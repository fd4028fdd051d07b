package io.jenkins.plugins.gitproviders.core.registry;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds the provider names a mistyped name was probably meant to be: the same letters and digits ignoring case and
 * punctuation, one a prefix of the other, or a few typing errors apart.
 */
final class NearMatches {
    static final int LIMIT = 5;
    /** Longer input is not a mistyped name; comparing it would only cost time. */
    private static final int MAX_COMPARED_LENGTH = 128;
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}]");

    private NearMatches() {}

    /** Returns up to {@value #LIMIT} of the names, closest first, ties in alphabetical order. */
    static List<String> of(String requested, Collection<String> names) {
        String key = ProviderSpec.nameKey(requested);
        if (key.isEmpty() || key.length() > MAX_COMPARED_LENGTH) {
            return List.of();
        }
        String loose = loose(key);
        Map<String, Integer> scores = new TreeMap<>();
        for (String name : names) {
            String candidate = ProviderSpec.nameKey(name);
            int score = score(key, loose, candidate);
            if (score >= 0) {
                scores.merge(name, score, Math::min);
            }
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.naturalOrder())))
                .limit(LIMIT)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Returns how far the candidate is, lower is closer, or -1 when it is not near at all. */
    private static int score(String key, String loose, String candidate) {
        if (candidate.isEmpty() || candidate.length() > MAX_COMPARED_LENGTH) {
            return -1;
        }
        if (candidate.equals(key)) {
            return 0;
        }
        String candidateLoose = loose(candidate);
        if (!loose.isEmpty() && loose.equals(candidateLoose)) {
            return 1;
        }
        if (candidate.startsWith(key) || key.startsWith(candidate)) {
            return 2;
        }
        int allowed = Math.min(key.length(), candidate.length()) <= 4 ? 1 : candidate.length() <= 8 ? 2 : 3;
        if (Math.abs(key.length() - candidate.length()) > allowed) {
            return -1;
        }
        int distance = distance(key, candidate);
        return distance <= allowed ? 2 + distance : -1;
    }

    private static String loose(String key) {
        return PUNCTUATION.matcher(key).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * Counts the insertions, deletions, substitutions and swaps of neighbours that turn one string into the other
     * (optimal string alignment distance); a swap counts once because it is the commonest typing error.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
