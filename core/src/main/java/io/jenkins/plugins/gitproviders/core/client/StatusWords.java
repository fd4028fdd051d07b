package io.jenkins.plugins.gitproviders.core.client;

import java.util.regex.Pattern;

/**
 * Holds the fixed words a diagnosis describes an answer with. A diagnosis may be run against any address its author
 * typed, so it must not become a way to read another service: it never repeats an answer's body, error message or
 * {@code Content-Type}, and shows an exact status only for the codes it explains (200, 401, 403, 404, 429); every
 * other code is shown by its class ({@code HTTP 5xx}).
 */
public final class StatusWords {
    /** Version numbers as hosts report them: digits first, then letters, digits and {@code . + - _}. */
    private static final Pattern VERSION = Pattern.compile("[0-9][0-9A-Za-z.+_-]{0,39}");

    private StatusWords() {}

    /** Returns {@code HTTP 404} for the codes a diagnosis explains, {@code HTTP 5xx} and the like for all others. */
    public static String shown(int status) {
        if (status == 200 || status == 401 || status == 403 || status == 404 || status == 429) {
            return "HTTP " + status;
        }
        if (status < 100 || status > 599) {
            return "an invalid HTTP status";
        }
        return "HTTP " + status / 100 + "xx";
    }

    /** Describes an answer in fixed words, such as "an error (HTTP 5xx)" or "a refusal (HTTP 403)". */
    public static String answer(int status) {
        String shown = shown(status);
        if (status == 401) {
            return "a rejection of the credential (" + shown + ")";
        }
        if (status == 403) {
            return "a refusal (" + shown + ")";
        }
        if (status == 404) {
            return "'not found' (" + shown + ")";
        }
        if (status == 429) {
            return "a rate limit (" + shown + ")";
        }
        if (status >= 500 && status <= 599) {
            return "an error (" + shown + ")";
        }
        if (status >= 400 && status <= 499) {
            return "a refusal of the request (" + shown + ")";
        }
        if (status >= 300 && status <= 399) {
            return "a redirect (" + shown + ")";
        }
        return "an answer (" + shown + ")";
    }

    /**
     * Returns a version number a host reported when it looks like one, so that free text from an answer is never
     * shown; empty text when it does not.
     */
    public static String version(String reported) {
        String value = reported == null ? "" : reported.trim();
        return VERSION.matcher(value).matches() ? value : "";
    }
}
