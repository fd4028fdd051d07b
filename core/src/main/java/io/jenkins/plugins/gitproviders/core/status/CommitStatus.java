package io.jenkins.plugins.gitproviders.core.status;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Describes one status to report: its state, context, description and the address of the build it links to.
 * Construction cleans the context and description (see {@link StatusContext#of} and {@link StatusDescription#of})
 * and checks the link.
 *
 * @param state       the build's state
 * @param context     the context the host keeps one status per commit for
 * @param description a short sentence, at most {@value StatusDescription#MAX_LENGTH} characters
 * @param targetUrl   the absolute http(s) address of the build, without user information
 */
public record CommitStatus(BuildState state, String context, String description, String targetUrl) {
    /** The longest link accepted; Jenkins build addresses are far shorter. */
    public static final int MAX_URL_LENGTH = 2048;

    public CommitStatus {
        Objects.requireNonNull(state, "state");
        context = StatusContext.of(Objects.requireNonNull(context, "context"));
        description = StatusDescription.of(description);
        targetUrl = checkedUrl(Objects.requireNonNull(targetUrl, "targetUrl"));
    }

    private static String checkedUrl(String url) {
        String value = url.strip();
        if (value.length() > MAX_URL_LENGTH) {
            throw new IllegalArgumentException("The build address is longer than " + MAX_URL_LENGTH
                    + " characters.");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i)) || Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("The build address contains a space or a control character.");
            }
        }
        // Shown in messages only without '@': the part before it may be a password.
        String shown = value.contains("@") ? "(hidden: it contains '@')" : "'" + StatusTexts.shown(value) + "'";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The build address " + shown + " is not a valid address.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The build address contains a user name or password; hosts show it"
                    + " to everyone who can read the repository.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("The build address " + shown + " is not an absolute http(s)"
                    + " address.");
        }
        return value;
    }
}
