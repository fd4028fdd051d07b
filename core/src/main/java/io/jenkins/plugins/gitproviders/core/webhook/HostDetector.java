package io.jenkins.plugins.gitproviders.core.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises which host sent a delivery, from its headers (and, for Azure DevOps, which sends no telling header, from
 * the body's top-level {@code publisherId} and {@code eventType}).
 * <p>
 * Order matters: Gitea and Forgejo also send GitHub's headers for compatibility, so their own headers are checked
 * first. Bitbucket Cloud and Data Center share {@code X-Event-Key}; their event keys differ ({@code repo:push},
 * {@code pullrequest:*} against {@code repo:refs_changed}, {@code pr:*}), and where the key does not tell, Cloud's
 * {@code X-Hook-UUID}, {@code X-Request-UUID} and {@code Bitbucket-Webhooks} user agent do.
 */
public final class HostDetector {
    private static final List<String> GITEA_EVENT_HEADERS =
            List.of("X-Forgejo-Event", "X-Gitea-Event", "X-Gogs-Event");
    private static final List<String> DATA_CENTER_KEY_PREFIXES =
            List.of("pr:", "diagnostics:", "mirror:", "repo:refs_changed", "repo:modified", "repo:forked",
                    "repo:comment:", "repo:secret_detected", "project:modified");
    private static final List<String> CLOUD_KEY_PREFIXES =
            List.of("pullrequest:", "issue:", "repo:push", "repo:fork", "repo:updated", "repo:commit_", "repo:created",
                    "repo:deleted", "repo:transfer", "repo:imported", "project:updated");
    /** Azure's envelope puts {@code publisherId} and {@code eventType} near the start; do not scan a huge body. */
    private static final int MAX_TOP_LEVEL_TOKENS = 10_000;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonPayload.MAX_DEPTH).build())
            .build();

    private HostDetector() {}

    /** Returns the format of the delivery, or empty when no known host's marks are found. */
    public static Optional<WebhookFormat> detect(WebhookDelivery delivery) {
        Optional<WebhookFormat> byHeaders = byEventHeaders(delivery);
        if (byHeaders.isPresent()) {
            return byHeaders;
        }
        return isAzureDevOps(delivery) ? Optional.of(WebhookFormat.AZURE_DEVOPS) : Optional.empty();
    }

    /**
     * Returns the format from the headers alone, before the body is read. Azure DevOps sends no telling header, but
     * Jenkins requires its secret in {@code X-Git-Providers-Token} or in basic authentication, so a request without
     * any host's event header that carries one of them is taken for Azure DevOps (its body is checked once the secret
     * has been verified). Empty when no host's marks are found: such a request is refused unread.
     */
    public static Optional<WebhookFormat> detectFromHeaders(WebhookDelivery delivery) {
        Optional<WebhookFormat> byHeaders = byEventHeaders(delivery);
        if (byHeaders.isPresent()) {
            return byHeaders;
        }
        boolean azureSecret = delivery.header(SignatureVerifier.AZURE_TOKEN_HEADER).isPresent()
                || delivery.header("Authorization").isPresent();
        return azureSecret ? Optional.of(WebhookFormat.AZURE_DEVOPS) : Optional.empty();
    }

    private static Optional<WebhookFormat> byEventHeaders(WebhookDelivery delivery) {
        for (String header : GITEA_EVENT_HEADERS) {
            if (delivery.header(header).isPresent()) {
                return Optional.of(WebhookFormat.GITEA);
            }
        }
        if (delivery.header("X-GitHub-Event").isPresent()) {
            return Optional.of(WebhookFormat.GITHUB);
        }
        if (delivery.header("X-Gitlab-Event").isPresent()) {
            return Optional.of(WebhookFormat.GITLAB);
        }
        Optional<String> eventKey = delivery.header("X-Event-Key");
        if (eventKey.isPresent()) {
            return Optional.of(bitbucket(delivery, eventKey.get().trim().toLowerCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    private static WebhookFormat bitbucket(WebhookDelivery delivery, String eventKey) {
        if (DATA_CENTER_KEY_PREFIXES.stream().anyMatch(eventKey::startsWith)) {
            return WebhookFormat.BITBUCKET_DATA_CENTER;
        }
        if (CLOUD_KEY_PREFIXES.stream().anyMatch(eventKey::startsWith)) {
            return WebhookFormat.BITBUCKET_CLOUD;
        }
        boolean cloudHeaders = delivery.header("X-Hook-UUID").isPresent()
                || delivery.header("X-Request-UUID").isPresent()
                || delivery.header("User-Agent").map(agent -> agent.startsWith("Bitbucket-Webhooks/")).orElse(false);
        if (cloudHeaders) {
            return WebhookFormat.BITBUCKET_CLOUD;
        }
        // Data Center sends X-Request-Id and an "Atlassian HttpClient ... / Bitbucket-x.y" agent; an unknown key
        // without Cloud's marks is most likely a newer Data Center event.
        return WebhookFormat.BITBUCKET_DATA_CENTER;
    }

    /** Reads only the top level of the body, stopping as soon as both fields are seen. */
    private static boolean isAzureDevOps(WebhookDelivery delivery) {
        byte[] body = delivery.rawBody();
        String publisherId = null;
        String eventType = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (int tokens = 0; tokens < MAX_TOP_LEVEL_TOKENS; tokens++) {
                JsonToken token = parser.nextToken();
                if (token != JsonToken.FIELD_NAME) {
                    return false;
                }
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && "publisherId".equals(name)) {
                    publisherId = parser.getText();
                } else if (value == JsonToken.VALUE_STRING && "eventType".equals(name)) {
                    eventType = parser.getText();
                } else {
                    parser.skipChildren();
                }
                if (publisherId != null && eventType != null) {
                    return "tfs".equals(publisherId) && !eventType.isBlank();
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
