package io.jenkins.plugins.gitproviders.core.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Cleans and bounds the texts of a status; shared by the model classes of this package. */
final class StatusTexts {
    /** How much of a rejected input a message repeats. */
    private static final int SHOWN = 60;

    private StatusTexts() {}

    /** Replaces control characters and runs of white space by one space, and trims. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 4096));
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Cuts a text to at most {@code max} characters, marking the cut with an ellipsis. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /**
     * Shortens a text to at most {@code max} characters, keeping it unique: a longer text keeps its start and gets
     * {@code ~} and 8 hex digits of its SHA-256, so the same long text always gives the same short one.
     */
    static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String digest = HexFormat.of().formatHex(sha256(text)).substring(0, 8);
        int keep = max - digest.length() - 1;
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + "~" + digest;
    }

    /** Quotes a rejected input for a message: one line, at most 60 characters. */
    static String shown(@CheckForNull String text) {
        return text == null ? "" : cut(oneLine(text), SHOWN);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
