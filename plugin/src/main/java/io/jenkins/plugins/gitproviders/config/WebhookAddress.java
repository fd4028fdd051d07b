package io.jenkins.plugins.gitproviders.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEndpoint;
import jenkins.model.Jenkins;
import jenkins.model.JenkinsLocationConfiguration;

/**
 * Computes the webhook address shown to administrators from Jenkins' configured root URL.
 */
final class WebhookAddress {
    private WebhookAddress() {}

    /** Returns the address a host should send this provider's deliveries to. */
    @NonNull
    static String of(@NonNull String providerName) {
        String root = JenkinsLocationConfiguration.get().getUrl();
        if (root == null) {
            root = Jenkins.get().getRootUrlFromRequest();
        }
        return WebhookEndpoint.urlFor(root, providerName);
    }
}
