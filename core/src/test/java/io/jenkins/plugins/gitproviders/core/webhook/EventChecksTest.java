package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import org.junit.Test;

public class EventChecksTest {
    private static WebhookEvent push(String ref, String repository, String deliveryId) {
        return new WebhookEvent(ProviderType.GITHUB, EventKind.BRANCH_PUSH,
                new RepositoryInfo("github.com", repository, null, null, null), ref, null, null, null, null, null,
                null, "octocat", deliveryId);
    }

    @Test
    public void shouldAcceptWhatHostsSend() throws MalformedPayloadException {
        assertThat(EventChecks.check(push("refs/heads/feature/JIRA-1_x.y", "Group/Sub/Project", "72d3162e-cc78")))
                .isNotNull();
        assertThat(EventChecks.check(push("refs/heads/main", "fabrikam/Fabrikam Fiber/repo", "{b7d1-uuid}")))
                .as("Azure DevOps project names have spaces").isNotNull();
    }

    @Test
    public void shouldRefuseRefsGitRefusesAndHugeOrControlValues() {
        String huge = "a".repeat(4 * 1024 * 1024);

        assertThatThrownBy(() -> EventChecks.check(push("refs/heads/" + huge, "octo/hello", "d-1")))
                .hasMessage("'ref' is not a valid Git ref: it is longer than 1024 characters");
        assertThatThrownBy(() -> EventChecks.check(push("refs/heads/a..b", "octo/hello", "d-1")))
                .hasMessageContaining("contains '..'");
        assertThatThrownBy(() -> EventChecks.check(push("refs/heads/main", "octo/hello", huge)))
                .hasMessage("'delivery id' is longer than 1024 characters");
        assertThatThrownBy(() -> EventChecks.check(push("refs/heads/main", "octo/hello\nINJECTED", "d-1")))
                .hasMessage("'repository name' contains a control character");
    }

    @Test
    public void shouldQuoteDeliveryTextShortAndOnOneLine() {
        assertThat(EventChecks.quote("x".repeat(500))).hasSize(EventChecks.MAX_QUOTED + 5);
        assertThat(EventChecks.quote("a\nb")).isEqualTo("'a?b'");
    }
}
