package io.jenkins.plugins.gitproviders.core.checkout;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Holds the parts of a provider's server address that clone URLs are built from and repository URLs are checked
 * against.
 *
 * @param serverUrl   the server address without a trailing slash
 * @param host        the lowercase host name
 * @param contextPath the path segments the server lives under ({@code /gitlab} on a shared host), often none
 */
record ProviderAddress(String serverUrl, String host, List<String> contextPath) {
    static final String AZURE_CLOUD_HOST = "dev.azure.com";

    static ProviderAddress of(ProviderSpec provider) {
        String server = provider.effectiveServerUrl().orElseThrow(() -> new CheckoutException("Provider "
                + Texts.quote(provider.name()) + " has no server URL: set the " + provider.type().displayName()
                + " server address in the provider's configuration."));
        URI uri;
        try {
            uri = new URI(server);
        } catch (URISyntaxException e) {
            throw badServer(provider);
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw badServer(provider);
        }
        List<String> context = new ArrayList<>();
        for (String segment : (uri.getPath() == null ? "" : uri.getPath()).split("/")) {
            if (!segment.isEmpty()) {
                context.add(segment);
            }
        }
        return new ProviderAddress(server, uri.getHost().toLowerCase(Locale.ROOT), List.copyOf(context));
    }

    private static CheckoutException badServer(ProviderSpec provider) {
        return new CheckoutException("Provider " + Texts.quote(provider.name()) + " has a server URL that is not a"
                + " valid address: correct it in the provider's configuration.");
    }

    /** Tells whether this is Azure DevOps Services, whose SSH and legacy hosts differ from its web host. */
    boolean isAzureCloud() {
        return host.equals(AZURE_CLOUD_HOST);
    }
}
