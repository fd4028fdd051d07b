package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class WebhookEndpointTest {
    @Test
    public void shouldTakeExactlyTheReceiversPathsAsItsOwn() {
        assertThat(WebhookEndpoint.isReceiverPath("/git-providers-webhook")).isTrue();
        assertThat(WebhookEndpoint.isReceiverPath("/git-providers-webhook/")).isTrue();
        assertThat(WebhookEndpoint.isReceiverPath("/git-providers-webhook/Team GitLab")).isTrue();

        assertThat(WebhookEndpoint.isReceiverPath(null)).isFalse();
        assertThat(WebhookEndpoint.isReceiverPath("/git-providers-webhooks/")).isFalse();
        assertThat(WebhookEndpoint.isReceiverPath("/job/x/git-providers-webhook/")).isFalse();
        assertThat(WebhookEndpoint.isReceiverPath("/git-providers-webhook/../script")).isFalse();
        assertThat(WebhookEndpoint.isReceiverPath("/git-providers-webhook/..")).isFalse();
        assertThat(WebhookEndpoint.isReceiverPath("/git-providers-webhook;x/")).isFalse();
        assertThat(WebhookEndpoint.isReceiverPath("/git-providers-webhook/a;b")).isFalse();
    }

    @Test
    public void shouldReadAQueryStringInOrderWithRepeatedNames() {
        Map<String, List<String>> query = WebhookEndpoint.queryOf("a=1&b=x%20y&a=2&flag&=&");

        assertThat(query).containsExactly(Map.entry("a", List.of("1", "2")), Map.entry("b", List.of("x y")),
                Map.entry("flag", List.of("")), Map.entry("", List.of("")));
    }

    @Test
    public void shouldIgnoreHostileQueries() {
        assertThat(WebhookEndpoint.queryOf(null)).isEmpty();
        assertThat(WebhookEndpoint.queryOf("a=%zz")).isEmpty();
        assertThat(WebhookEndpoint.queryOf("a=" + "x".repeat(WebhookEndpoint.MAX_QUERY_LENGTH))).isEmpty();
        String many = String.join("&", java.util.Collections.nCopies(200, "p=1"));
        assertThat(WebhookEndpoint.queryOf(many).get("p")).hasSize(WebhookEndpoint.MAX_QUERY_PARAMETERS);
    }
}
