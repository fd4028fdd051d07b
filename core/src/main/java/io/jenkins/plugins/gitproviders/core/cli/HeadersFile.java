package io.jenkins.plugins.gitproviders.core.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads saved request headers as {@code Name: value} lines, the format of the fixtures' {@code .headers} files and of
 * what hosts show on their "recent deliveries" pages. Blank lines, a request line ({@code POST /path HTTP/1.1}) and
 * lines whose name is not a header name ({@code Request URL: ...}) are skipped and reported.
 */
final class HeadersFile {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final Map<String, List<String>> headers;
    private final List<String> skipped;

    private HeadersFile(Map<String, List<String>> headers, List<String> skipped) {
        this.headers = headers;
        this.skipped = skipped;
    }

    static HeadersFile parse(String text) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        List<String> skipped = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon <= 0 ? "" : line.substring(0, colon).trim();
            if (!TOKEN.matcher(name).matches()) {
                skipped.add("line " + (i + 1) + " is not a 'Name: value' header line; skipped");
                continue;
            }
            headers.computeIfAbsent(name, key -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
        return new HeadersFile(headers, skipped);
    }

    Map<String, List<String>> headers() {
        return headers;
    }

    /** Returns notes on skipped lines, by line number only: a skipped line might hold a secret. */
    List<String> skipped() {
        return skipped;
    }
}
