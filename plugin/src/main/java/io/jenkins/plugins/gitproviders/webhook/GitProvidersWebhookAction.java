package io.jenkins.plugins.gitproviders.webhook;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.UnprotectedRootAction;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEndpoint;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * it answers at once and schedules the builds afterwards, as SYSTEM.
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
     * wrong, and no permission applies because the delivery's signature is its authentication.
     */
    // used by Stapler for every path below the action
    public void doDynamic(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        WebhookJobs jobs = WebhookJobs.get();
        WebhookResponse response;
        String providerName;
        try {
            providerName =
                    WebhookEndpoint.providerNameOf(req.getOriginalRestOfPath()).orElse(null);
            response = null;
        } catch (IllegalArgumentException e) {
            providerName = null;
            response = new WebhookResponse(
                    404,
                    Messages.GitProvidersWebhookAction_BadPath(WebhookEndpoint.URL_NAME),
                    Instant.now(),
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    false);
        }
        if (response == null) {
            response = jobs.handler()
                    .handle(
                            req.getMethod(),
                            headersOf(req),
                            WebhookEndpoint.queryOf(req.getQueryString()),
                            req.getInputStream(),
                            providerName);
        }
        // Recorded and handed to the scheduler before answering: the delivery is already marked as processed, so its
        // builds must not depend on the host still listening.
        jobs.record(response);
        jobs.scheduleLater(response);
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
        if (response.status() == 405) {
            rsp.setHeader("Allow", "POST");
        }
        rsp.setContentType(response.contentType());
        rsp.setContentLength(body.length);
        try (OutputStream out = rsp.getOutputStream()) {
            out.write(body);
        }
    }
}
