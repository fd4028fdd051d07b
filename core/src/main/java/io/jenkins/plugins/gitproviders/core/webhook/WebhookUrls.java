package io.jenkins.plugins.gitproviders.core.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads host names out of the addresses that deliveries carry, for {@link RepositoryInfo#host()}.
 */
public final class WebhookUrls {
    private WebhookUrls() {}

    /**
     * Returns the lowercase host of an {@code http(s)} address, or of an scp-like SSH address
     * ({@code git@host:path}).
     */
    public static Optional<String> host(@CheckForNull String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String value = address.trim();
        if (!value.contains("://")) {
            int at = value.indexOf('@');
            int colon = value.indexOf(':', at + 1);
            return colon > at + 1 ? Optional.of(value.substring(at + 1, colon).toLowerCase(Locale.ROOT))
                    : Optional.empty();
        }
        try {
            String host = new URI(value).getHost();
            return host == null || host.isEmpty() ? Optional.empty() : Optional.of(host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Returns the first non-blank value, or {@code null}. */
    @CheckForNull
    public static String firstOf(@CheckForNull String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
