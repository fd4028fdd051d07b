package io.jenkins.plugins.gitproviders.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.UnprotectedRootAction;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEndpoint;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookHandler;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Receives webhook deliveries at {@code /git-providers-webhook/} and {@code /git-providers-webhook/<provider>}.
 * Unprotected because hosts cannot log in: every delivery authenticates itself with the provider's webhook secret,
 * which the core handler verifies before anything else happens. The action exposes nothing but its one entry point;
 * it answers once the builds to start are journaled ({@link WebhookDeliveries}), which queues them afterwards, as
 * SYSTEM.
 */
@Extension
public class GitProvidersWebhookAction implements UnprotectedRootAction {
    @CheckForNull
    @Override
    public String getIconFileName() {
        return null;
    }

    @CheckForNull
    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return WebhookEndpoint.URL_NAME;
    }

    /**
     * Answers a delivery to {@code /git-providers-webhook/} or {@code /git-providers-webhook/<provider>}. Not
     * {@code @POST}: the core handler answers other methods with a 405 that tells the host's administrator what is
     * wrong, and no permission applies because the delivery's signature is its authentication. Every header goes to
     * the handler, {@code Content-Length} included, so that an oversized or unverifiable request is refused before
     * its body is read; the body is read by the handler, bounded by the host's cap.
     */
    // used by Stapler for every path below the action. The Jenkins Security Scan's permission and CSRF findings do not
    // apply: hosts cannot log in or send a crumb, and each delivery is verified by its signature or token instead.
    @SuppressWarnings({"lgtm[jenkins/no-permission-check]", "lgtm[jenkins/csrf]"})
    public void doDynamic(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        WebhookJobs jobs = WebhookJobs.get();
        WebhookHandler handler = jobs.handler();
        WebhookResponse response;
        String providerName = null;
        boolean readable = true;
        try {
            providerName =
                    WebhookEndpoint.providerNameOf(req.getOriginalRestOfPath()).orElse(null);
        } catch (IllegalArgumentException e) {
            readable = false;
        }
        if (readable) {
            response = handler.handle(
                    req.getMethod(),
                    headersOf(req),
                    WebhookEndpoint.queryOf(req.getQueryString()),
                    req.getInputStream(),
                    providerName);
        } else {
            // The same 401 as every other refusal before verification: the caller learns nothing of the configuration.
            response = handler.refuse(
                    req.getMethod(), Messages.GitProvidersWebhookAction_BadPath(WebhookEndpoint.URL_NAME));
        }
        // The accepted deliveries' builds were journaled by the handler's sink before this answer.
        jobs.record(response);
        write(rsp, response);
    }

    private static Map<String, List<String>> headersOf(StaplerRequest2 req) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, Collections.list(req.getHeaders(name)));
        }
        return headers;
    }

    private static void write(StaplerResponse2 rsp, WebhookResponse response) throws IOException {
        byte[] body = response.json().getBytes(StandardCharsets.UTF_8);
        rsp.setStatus(response.status());
        response.headers().forEach(rsp::setHeader);
        rsp.setContentType(response.contentType());
        rsp.setContentLength(body.length);
        try (OutputStream out = rsp.getOutputStream()) {
            out.write(body);
        }
    }
}
