package io.jenkins.plugins.gitproviders.webhook;

import hudson.Extension;
import hudson.security.csrf.CrumbExclusion;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEndpoint;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets webhook deliveries through without a CSRF crumb, which hosts cannot obtain. Applies to exactly
 * {@code /git-providers-webhook} and the paths below {@code /git-providers-webhook/}; the deliveries authenticate
 * themselves with the provider's webhook secret instead.
 */
@Extension
public class GitProvidersWebhookCrumbExclusion extends CrumbExclusion {
    @Override
    public boolean process(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (WebhookEndpoint.isReceiverPath(request.getPathInfo())) {
            chain.doFilter(request, response);
            return true;
        }
        return false;
    }
}
