package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.Test;

public class HostDetectorTest {
    @Test
    public void shouldRecogniseEveryFixtureOfEveryHost() {
        Map<String, WebhookFormat> folders = Map.of(
                "github/webhook", WebhookFormat.GITHUB,
                "gitlab/webhook", WebhookFormat.GITLAB,
                "bitbucket-cloud/webhook", WebhookFormat.BITBUCKET_CLOUD,
                "bitbucket-server/webhook", WebhookFormat.BITBUCKET_DATA_CENTER,
                "gitea/webhook", WebhookFormat.GITEA,
                "gogs/webhook", WebhookFormat.GITEA,
                "azure-devops/webhook", WebhookFormat.AZURE_DEVOPS);
        SoftAssertions softly = new SoftAssertions();
        int count = 0;
        for (Map.Entry<String, WebhookFormat> folder : folders.entrySet()) {
            for (String file : FixtureDeliveries.jsonFilesUnder(folder.getKey())) {
                softly.assertThat(HostDetector.detect(FixtureDeliveries.load(file))).as(file)
                        .contains(folder.getValue());
                count++;
            }
        }
        softly.assertAll();
        assertThat(count).isGreaterThan(200);
    }

    @Test
    public void shouldPreferGiteaHeadersOverTheGitHubCopiesGiteaAlsoSends() {
        WebhookDelivery delivery = post(Map.of("X-GitHub-Event", "push", "X-Gitea-Event", "push"), "{}");

        assertThat(HostDetector.detect(delivery)).contains(WebhookFormat.GITEA);
    }

    @Test
    public void shouldTellBitbucketCloudByItsHeadersWhenTheEventKeyIsNew() {
        assertThat(HostDetector.detect(post(Map.of("X-Event-Key", "repo:something_new", "X-Request-UUID", "u"), "{}")))
                .contains(WebhookFormat.BITBUCKET_CLOUD);
        assertThat(HostDetector.detect(post(Map.of("X-Event-Key", "repo:something_new",
                "User-Agent", "Bitbucket-Webhooks/2.0"), "{}"))).contains(WebhookFormat.BITBUCKET_CLOUD);
        assertThat(HostDetector.detect(post(Map.of("X-Event-Key", "repo:something_new", "X-Request-Id", "r"), "{}")))
                .contains(WebhookFormat.BITBUCKET_DATA_CENTER);
    }

    @Test
    public void shouldRecogniseNothingWithoutMarks() {
        assertThat(HostDetector.detect(post(Map.of(), "{\"publisherId\":\"other\",\"eventType\":\"git.push\"}")))
                .isEmpty();
        assertThat(HostDetector.detect(post(Map.of(), "not json"))).isEmpty();
        assertThat(HostDetector.detect(post(Map.of(), ""))).isEmpty();
        assertThat(HostDetector.detect(post(Map.of(), "[" .repeat(10_000)))).isEmpty();
    }

    @Test
    public void shouldFindAzureFieldsAfterLargeSiblings() {
        String body = "{\"resource\":{\"a\":[1,2,{\"b\":\"c\"}]},\"eventType\":\"git.push\",\"publisherId\":\"tfs\"}";

        assertThat(HostDetector.detect(post(Map.of(), body))).contains(WebhookFormat.AZURE_DEVOPS);
    }

    private static WebhookDelivery post(Map<String, String> headers, String body) {
        return WebhookDelivery.post(headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
