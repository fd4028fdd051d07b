package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.repository.RepositoryKey;
import io.jenkins.plugins.gitproviders.core.routing.DeliveryDeduplicator;
import io.jenkins.plugins.gitproviders.core.routing.JobIndex;
import io.jenkins.plugins.gitproviders.core.routing.RefFilter;
import io.jenkins.plugins.gitproviders.core.routing.Subscription;
import io.jenkins.plugins.gitproviders.core.testing.FixtureDeliveries;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/**
 * What a webhook's answer tells the caller: before verification nothing about the configuration, whatever was wrong;
 * after it the outcome and the reasons, but no job names and no other provider's name. Jenkins keeps the full reason.
 */
public class WebhookAnswerDisclosureTest {
    private static final String SECRET = "It's a Secret to Everybody";
    private static final String PUSH = "github/webhook/push-branch-created.drone-go-scm.json";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final JobIndex index = new JobIndex();

    private WebhookHandler handler() {
        ProviderSpec github = ProviderSpec.builder("Team-GitHub", ProviderType.GITHUB)
                .webhookSecretCredentialsIds(List.of("hook")).build();
        ProviderSpec other = ProviderSpec.builder("secret-project-github", ProviderType.GITHUB)
                .webhookSecretCredentialsIds(List.of("other-hook")).build();
        ProviderSpec gitlab = ProviderSpec.builder("Infra-GitLab", ProviderType.GITLAB)
                .webhookSecretCredentialsIds(List.of("gitlab-hook")).build();
        ProviderSpec inactive = ProviderSpec.builder("Old-GitHub", ProviderType.GITHUB)
                .webhookSecretCredentialsIds(List.of("hook")).active(false).build();
        ProviderSpec noSecret = ProviderSpec.builder("Unset-GitHub", ProviderType.GITHUB).build();
        Map<String, String> secrets = Map.of("hook", SECRET, "other-hook", "other", "gitlab-hook", "gl");
        return new WebhookHandler(List.of(github, other, gitlab, inactive, noSecret),
                provider -> provider.webhookSecretCredentialsIds().stream().filter(secrets::containsKey)
                        .map(id -> secrets.get(id).getBytes(StandardCharsets.UTF_8)).toList(),
                index, new DeliveryDeduplicator(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    public void shouldAnswerEveryRefusalBeforeVerificationAlike() {
        WebhookHandler handler = handler();
        byte[] body = Fixtures.bytes(PUSH);
        Map<String, String> sha1Only = FixtureDeliveries.headers(PUSH);
        sha1Only.put("X-Hub-Signature", "sha1=" + Signed.hmac("HmacSHA1", SECRET, body));

        // When requests fail before verification for every reason there is
        Map<String, WebhookResponse> answers = new LinkedHashMap<>();
        answers.put("unknown provider", handler.handle(Signed.gitHub(PUSH, SECRET, "d-1"), "nobody"));
        answers.put("provider name in another case", handler.handle(Signed.gitHub(PUSH, "wrong", "d-2"),
                "team-github"));
        answers.put("provider of another type", handler.handle(Signed.gitHub(PUSH, SECRET, "d-3"), "Infra-GitLab"));
        answers.put("inactive provider", handler.handle(Signed.gitHub(PUSH, SECRET, "d-4"), "Old-GitHub"));
        answers.put("provider without secret", handler.handle(Signed.gitHub(PUSH, SECRET, "d-5"), "Unset-GitHub"));
        answers.put("wrong signature", handler.handle(Signed.gitHub(PUSH, "wrong", "d-6"), null));
        answers.put("no signature", handler.handle(FixtureDeliveries.load(PUSH), null));
        answers.put("SHA-1 signature", handler.handle(WebhookDelivery.post(sha1Only, body), null));
        answers.put("no host headers", handler.handle(WebhookDelivery.post(Map.of("Content-Type",
                "application/json"), body), null));
        answers.put("no provider of the host type", handler.handle(WebhookDelivery.post(Map.of(
                "X-Gitea-Event", "push", "X-Gitea-Signature", "00"), body), null));
        answers.put("address naming no provider", handler.refuse("The webhook address has more than one segment"));
        answers.put("address naming no provider, by method", handler.refuse("POST", "Broken percent-encoding"));

        // Then every answer the caller sees is the same 401, naming nothing that is configured
        assertThat(answers.values()).extracting(WebhookResponse::status).containsOnly(401);
        assertThat(answers.values()).extracting(WebhookResponse::json).containsOnly(
                "{\"status\":401,\"message\":\"" + WebhookResponse.UNVERIFIED_MESSAGE + "\"}");
        // And Jenkins keeps a different reason for each
        assertThat(answers.values()).extracting(WebhookResponse::detail).doesNotContainNull()
                .doesNotHaveDuplicates();
        assertThat(answers.get("provider of another type").detail()).contains("'Infra-GitLab' is a GitLab.com");
        assertThat(answers.get("SHA-1 signature").detail()).contains("HMAC-SHA1");
        // Anything but a POST gets the 405 every address of the receiver gives, whatever the address
        assertThat(handler.refuse("GET", "Broken percent-encoding").status()).isEqualTo(405);
    }

    @Test
    public void shouldTellTheHostCountsAndReasonsButNoJobsAndNoOtherProvider() {
        RepositoryKey repository = RepositoryKey.parseOrThrow("https://github.com/bradrydzewski/drone-test-go");
        index.put(Subscription.all("team/secret-release-job", repository));
        index.put(new Subscription("other-team/nightly", "secret-project-github", repository, RefFilter.ALL,
                RefFilter.ALL, Set.of()));

        WebhookResponse response = handler().handle(Signed.gitHub(PUSH, SECRET, "d-1"), null);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.triggered()).containsExactly("team/secret-release-job");
        assertThat(response.skipped()).singleElement().satisfies(skip ->
                assertThat(skip.reason()).contains("'secret-project-github'"));
        assertThat(response.json()).contains("\"triggered\":1")
                .contains("{\"reason\":\"watches another provider\",\"jobs\":1}")
                .doesNotContain("secret-release-job").doesNotContain("nightly")
                .doesNotContain("secret-project-github");
    }
}
