package io.jenkins.plugins.gitproviders.core.repository;

import java.util.Optional;

/**
 * Applies the rules of {@code git check-ref-format} to ref names, so that no ref reaches {@code git}, a build
 * variable or a log unchecked (checkout plans and webhook events share these rules).
 *
 * <p>The rules, from git's documentation: no component starts with {@code .} or ends with {@code .lock}; no
 * {@code ..}; no ASCII control character, space, {@code ~ ^ : ? * [ \}; does not start or end with {@code /} and has
 * no {@code //}; does not end with {@code .}; no {@code @{}; is not the single character {@code @}. Like
 * {@code git check-ref-format --branch}, a name starting with {@code -} is refused as well, since git would read it
 * as an option.
 */
public final class RefNames {
    /** Bounds a ref name; git has no limit, but file systems and hosts do, and input must be bounded. */
    public static final int MAX_LENGTH = 1024;

    private RefNames() {}

    /**
     * Tells what is wrong with a ref name, or empty when git accepts it.
     *
     * @param name a full ref ({@code refs/heads/main}) or a short branch or tag name ({@code feature/x})
     * @return the problem in words, such as {@code "contains '..'"}
     */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("is empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("contains a control character");
            }
            if (c == ' ') {
                return Optional.of("contains a space");
            }
            if ("~^:?*[\\".indexOf(c) >= 0) {
                return Optional.of("contains '" + c + "'");
            }
        }
        if (name.startsWith("-")) {
            return Optional.of("starts with '-'");
        }
        if (name.contains("..")) {
            return Optional.of("contains '..'");
        }
        if (name.contains("@{")) {
            return Optional.of("contains '@{'");
        }
        if (name.equals("@")) {
            return Optional.of("is '@'");
        }
        if (name.startsWith("/") || name.endsWith("/")) {
            return Optional.of("starts or ends with '/'");
        }
        if (name.contains("//")) {
            return Optional.of("contains '//'");
        }
        if (name.endsWith(".")) {
            return Optional.of("ends with '.'");
        }
        for (String component : name.split("/", -1)) {
            if (component.startsWith(".")) {
                return Optional.of("has a part starting with '.'");
            }
            if (component.endsWith(".lock")) {
                return Optional.of("has a part ending with '.lock'");
            }
        }
        return Optional.empty();
    }

    /** Tells whether git accepts the name as a ref. */
    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }
}
