package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.testing.FixtureDeliveries;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.Test;

public class RepositoryHintTest {
    private static RepositoryHint hint(WebhookFormat format, String fixture) {
        return RepositoryHint.peek(format, FixtureDeliveries.load(fixture)).orElseThrow();
    }

    @Test
    public void shouldFindTheRepositoryEachHostNames() {
        assertThat(hint(WebhookFormat.GITHUB, "github/webhook/push-branch-created.drone-go-scm.json"))
                .isEqualTo(new RepositoryHint("github.com", "bradrydzewski/drone-test-go"));
        assertThat(hint(WebhookFormat.GITEA, "gitea/webhook/signed/push-event.json"))
                .isEqualTo(new RepositoryHint("localhost", "example/example"));
        assertThat(hint(WebhookFormat.BITBUCKET_CLOUD, "bitbucket-cloud/webhook/repo-push.json"))
                .isEqualTo(new RepositoryHint("bitbucket.org", "team_name/repo_name"));
        assertThat(hint(WebhookFormat.BITBUCKET_DATA_CENTER,
                "bitbucket-server/webhook/repo-refs_changed-branch-updated.json"))
                .isEqualTo(new RepositoryHint("localhost", "AMUNIZ/test-repos"));
        assertThat(hint(WebhookFormat.BITBUCKET_DATA_CENTER, "bitbucket-server/webhook/pr-opened.json"))
                .as("a pull request names its target repository").isEqualTo(new RepositoryHint("localhost",
                        "AMUNIZ/test-repos"));
    }

    @Test
    public void shouldGiveNoHintForWhatIsNotPlainJson() {
        WebhookDelivery form = WebhookDelivery.post(Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "payload=%7B%7D".getBytes(StandardCharsets.UTF_8));
        WebhookDelivery garbage = WebhookDelivery.post(Map.of(), "not json".getBytes(StandardCharsets.UTF_8));
        WebhookDelivery deep = WebhookDelivery.post(Map.of(), ("{\"repository\":" + "[".repeat(10_000))
                .getBytes(StandardCharsets.UTF_8));

        assertThat(RepositoryHint.peek(WebhookFormat.GITHUB, form)).isEmpty();
        assertThat(RepositoryHint.peek(WebhookFormat.GITHUB, garbage)).isEmpty();
        assertThat(RepositoryHint.peek(WebhookFormat.GITHUB, deep)).isEmpty();
        assertThat(RepositoryHint.peek(WebhookFormat.GITLAB, FixtureDeliveries.load(
                "gitlab/webhook/push-event.json"))).as("GitLab is verified by its header token").isEmpty();
    }
}
