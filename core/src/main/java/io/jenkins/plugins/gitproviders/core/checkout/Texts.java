package io.jenkins.plugins.gitproviders.core.checkout;

/**
 * Quotes user input for messages: control characters become {@code ?} and long values are cut, so a message stays
 * one readable line whatever was typed.
 */
final class Texts {
    private static final int MAX_SHOWN = 120;

    private Texts() {}

    static String quote(String value) {
        StringBuilder shown = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 5);
        shown.append('\'');
        for (int i = 0; i < value.length() && i < MAX_SHOWN; i++) {
            char c = value.charAt(i);
            shown.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > MAX_SHOWN) {
            shown.append("...");
        }
        return shown.append('\'').toString();
    }
}
