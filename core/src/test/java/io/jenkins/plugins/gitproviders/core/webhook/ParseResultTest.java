package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import java.util.List;
import org.junit.Test;

public class ParseResultTest {
    private static WebhookEvent event(String ref) {
        return new WebhookEvent(ProviderType.BITBUCKET_CLOUD, EventKind.BRANCH_PUSH, null, ref, null, null, null,
                null, null, null, null, "delivery-1");
    }

    @Test
    public void shouldKeepEveryEventOfADeliveryWithTheFirstAsEvent() {
        List<WebhookEvent> events = List.of(event("refs/heads/a"), event("refs/heads/b"));

        ParseResult result = ParseResult.ofAll(events);

        assertThat(result.outcome()).isEqualTo(ParseResult.Outcome.EVENT);
        assertThat(result.event()).isEqualTo(events.get(0));
        assertThat(result.events()).containsExactlyElementsOf(events);
    }

    @Test
    public void shouldListTheSingleEventOfAnOrdinaryResult() {
        assertThat(ParseResult.of(event("refs/heads/a")).events()).containsExactly(event("refs/heads/a"));
        assertThat(ParseResult.ignored("not code").events()).isEmpty();
        assertThat(ParseResult.malformed("bad").events()).isEmpty();
    }

    @Test
    public void shouldRefuseInconsistentResults() {
        assertThatThrownBy(() -> ParseResult.ofAll(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParseResult(ParseResult.Outcome.EVENT, event("refs/heads/a"), null,
                        List.of(event("refs/heads/b"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParseResult(ParseResult.Outcome.IGNORED, null, "why",
                        List.of(event("refs/heads/a"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
