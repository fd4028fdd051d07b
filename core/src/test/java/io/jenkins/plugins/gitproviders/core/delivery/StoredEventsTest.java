package io.jenkins.plugins.gitproviders.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.PullRequestSource;
import io.jenkins.plugins.gitproviders.core.webhook.RepositoryInfo;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import org.junit.Test;

public class StoredEventsTest {
    private static final WebhookEvent FORK_PULL_REQUEST = new WebhookEvent(ProviderType.GITHUB,
            EventKind.PULL_REQUEST_UPDATED, new RepositoryInfo("github.com", "acme/app",
                    "https://github.com/acme/app.git", "git@github.com:acme/app.git", "https://github.com/acme/app"),
            "refs/pull/7/head", "a".repeat(40), "b".repeat(40), 7, "feature", "main", "b".repeat(40), "alice",
            "delivery-1", new PullRequestSource("alice/app", true, false, "CONTRIBUTOR"));

    @Test
    public void shouldReadBackEveryComponentOfAnEvent() {
        String text = StoredEvents.write(FORK_PULL_REQUEST);

        assertThat(text).doesNotContain("\n");
        assertThat(StoredEvents.read(text)).contains(FORK_PULL_REQUEST);
    }

    @Test
    public void shouldReadNothingFromMissingOrForeignText() {
        String unknownKind = StoredEvents.write(FORK_PULL_REQUEST).replace("PULL_REQUEST_UPDATED", "MERGE_TRAIN");

        assertThat(StoredEvents.read(null)).isEmpty();
        assertThat(StoredEvents.read("")).isEmpty();
        assertThat(StoredEvents.read("{not json")).isEmpty();
        assertThat(StoredEvents.read(unknownKind)).isEmpty();
    }
}
