package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import org.junit.Test;

public class WebhookEventJsonTest {
    @Test
    public void shouldWriteEveryFieldWithStableNames() throws Exception {
        WebhookEvent event = new WebhookEvent(ProviderType.GITLAB, EventKind.PULL_REQUEST_OPENED,
                new RepositoryInfo("gitlab.com", "a/b/c", "https://gitlab.com/a/b/c.git", "git@gitlab.com:a/b/c.git",
                        "https://gitlab.com/a/b/c"),
                "refs/heads/f", null, "1".repeat(40), 12, "f", "main", "1".repeat(40), "alice", "d-1");

        JsonNode json = new ObjectMapper().readTree(WebhookEventJson.toJson(event));

        assertThat(json.get("provider").asText()).isEqualTo("gitLab");
        assertThat(json.get("event").asText()).isEqualTo("PULL_REQUEST_OPENED");
        assertThat(json.at("/repository/fullPath").asText()).isEqualTo("a/b/c");
        assertThat(json.at("/repository/sshCloneUrl").asText()).isEqualTo("git@gitlab.com:a/b/c.git");
        assertThat(json.get("pullRequest").asInt()).isEqualTo(12);
        assertThat(json.get("targetBranch").asText()).isEqualTo("main");
        assertThat(json.get("deliveryId").asText()).isEqualTo("d-1");
        assertThat(json.has("before")).as("absent values are left out").isFalse();
    }

    @Test
    public void shouldWriteAPingWithoutRepository() throws Exception {
        WebhookEvent ping = new WebhookEvent(ProviderType.GITHUB, EventKind.PING, null, null, null, null, null, null,
                null, null, null, null);

        JsonNode json = new ObjectMapper().readTree(WebhookEventJson.toJson(ping));

        assertThat(json.fieldNames()).toIterable().containsExactly("provider", "event");
    }
}
