package io.jenkins.plugins.gitproviders.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.routing.DeliveryDeduplicator;
import io.jenkins.plugins.gitproviders.core.routing.JobIndex;
import io.jenkins.plugins.gitproviders.core.testing.FixtureDeliveries;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Test;

/**
 * What a request costs Jenkins before it is authenticated: bytes read (refusals decided from the request line and
 * headers read nothing), and signatures checked (at most {@value WebhookHandler#MAX_BODY_HMACS}, whatever the number
 * of providers).
 */
public class WebhookReceiverCostTest {
    private static final long THIRTY_MIB = 30L * 1024 * 1024;
    private static final String PUSH = "github/webhook/push-branch-created.drone-go-scm.json";

    private final Map<String, String> secretsById = new TreeMap<>();
    private final List<String> lookups = new ArrayList<>();

    private WebhookHandler handler(List<ProviderSpec> providers) {
        SecretSource secrets = provider -> {
            lookups.add(provider.name());
            return provider.webhookSecretCredentialsIds().stream().filter(secretsById::containsKey)
                    .map(id -> secretsById.get(id).getBytes(StandardCharsets.UTF_8)).toList();
        };
        return new WebhookHandler(providers, secrets, new JobIndex(), new DeliveryDeduplicator(), Clock.systemUTC());
    }

    private ProviderSpec provider(String name, ProviderType type, String secret) {
        secretsById.put(name, secret);
        return ProviderSpec.builder(name, type).webhookSecretCredentialsIds(List.of(name)).build();
    }

    private static Map<String, List<String>> headers(String... nameValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return headers;
    }

    @Test
    public void shouldRefuseADeclaredOversizedBodyWithoutReadingIt() throws IOException {
        Signed.CountingBody body = new Signed.CountingBody(THIRTY_MIB);

        WebhookResponse response = handler(List.of(provider("github", ProviderType.GITHUB, "s")))
                .handle("POST", headers("X-GitHub-Event", "push", "Content-Length", Long.toString(THIRTY_MIB)),
                        Map.of(), body, null);

        assertThat(response.status()).isEqualTo(413);
        assertThat(body.bytesRead()).isZero();
        assertThat(lookups).as("no secret is looked up for a body refused by its declared length").isEmpty();
    }

    @Test
    public void shouldFitTheCapToEachHostsOwnLimit() throws IOException {
        long twoMib = 2L * 1024 * 1024;
        WebhookHandler handler = handler(List.of(provider("bitbucket", ProviderType.BITBUCKET_CLOUD, "s"),
                provider("github", ProviderType.GITHUB, "s")));

        // Bitbucket Cloud sends at most 256 KB: 2 MiB is refused unread
        Signed.CountingBody toBitbucket = new Signed.CountingBody(twoMib);
        WebhookResponse bitbucket = handler.handle("POST", headers("X-Event-Key", "repo:push", "Content-Length",
                Long.toString(twoMib)), Map.of(), toBitbucket, null);
        // GitHub sends up to 25 MB: the same size is read and then fails its (missing) signature
        Signed.CountingBody toGitHub = new Signed.CountingBody(twoMib);
        WebhookResponse github = handler.handle("POST", headers("X-GitHub-Event", "push", "Content-Length",
                Long.toString(twoMib)), Map.of(), toGitHub, null);

        assertThat(bitbucket.status()).isEqualTo(413);
        assertThat(toBitbucket.bytesRead()).isZero();
        assertThat(github.status()).isEqualTo(401);
        assertThat(toGitHub.bytesRead()).isEqualTo(twoMib);
        assertThat(BodyLimits.capFor(WebhookFormat.BITBUCKET_CLOUD)).isEqualTo(1024 * 1024);
        assertThat(BodyLimits.capFor(WebhookFormat.GITHUB)).isEqualTo(25L * 1024 * 1024);
    }

    @Test
    public void shouldRefuseUnreadWhatTheHeadersAndTheAddressAlreadyRefuse() throws IOException {
        ProviderSpec inactive = provider("inactive", ProviderType.GITHUB, "s").toBuilder().active(false).build();
        ProviderSpec noSecret = ProviderSpec.builder("no-secret", ProviderType.GITHUB).build();
        WebhookHandler handler = handler(List.of(provider("github", ProviderType.GITHUB, "s"), inactive, noSecret));
        Map<String, List<String>> github = headers("X-GitHub-Event", "push");
        Map<String, List<String>> none = headers("Content-Type", "application/json");

        Map<String, WebhookResponse> answers = new LinkedHashMap<>();
        Map<String, Long> read = new LinkedHashMap<>();
        // Each request: what is wrong, its headers, the provider its address names; a 30 MiB body, no length.
        for (Object[] request : new Object[][] {{"no host headers", none, null}, {"unknown provider", github, "nope"},
                {"inactive provider", github, "inactive"}, {"provider without secret", github, "no-secret"}}) {
            Signed.CountingBody body = new Signed.CountingBody(THIRTY_MIB);
            @SuppressWarnings("unchecked")
            Map<String, List<String>> requestHeaders = (Map<String, List<String>>) request[1];
            answers.put((String) request[0], handler.handle("POST", requestHeaders, Map.of(), body,
                    (String) request[2]));
            read.put((String) request[0], body.bytesRead());
        }

        assertThat(answers.values()).extracting(WebhookResponse::status).containsOnly(401);
        assertThat(read.values()).as("bytes read per refusal %s", read).containsOnly(0L);
        assertThat(lookups).isEmpty();
    }

    @Test
    public void shouldVerifyAGitLabTokenBeforeReadingTheBody() throws IOException {
        String fixture = "gitlab/webhook/signed/push.token-topsecret.json";
        WebhookHandler handler = handler(List.of(provider("gitlab", ProviderType.GITLAB, "topsecret")));
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        FixtureDeliveries.headers(fixture).forEach((name, value) -> wrong.put(name, List.of(value)));
        wrong.put("X-Gitlab-Token", List.of("guess"));
        Signed.CountingBody body = new Signed.CountingBody(THIRTY_MIB);

        WebhookResponse refused = handler.handle("POST", wrong, Map.of(), body, null);
        Map<String, List<String>> right = new LinkedHashMap<>(wrong);
        right.put("X-Gitlab-Token", List.of("topsecret"));
        WebhookResponse accepted = handler.handle("POST", right, Map.of(),
                new ByteArrayInputStream(Fixtures.bytes(fixture)), null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(body.bytesRead()).isZero();
        assertThat(accepted.status()).isEqualTo(202);
    }

    @Test
    public void shouldReadABodyWithoutDeclaredLengthToOneByteBeyondTheCapAtMost() throws IOException {
        Signed.CountingBody body = new Signed.CountingBody(THIRTY_MIB);

        WebhookResponse response = handler(List.of(provider("github", ProviderType.GITHUB, "s")))
                .handle("POST", headers("X-GitHub-Event", "push"), Map.of(), body, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.detail()).contains("without Content-Length");
        assertThat(body.bytesRead()).isEqualTo(BodyLimits.GITHUB + 1);
    }

    @Test
    public void shouldHoldADeclaredBodyInTheOneArrayItWasReadInto() throws IOException {
        byte[] content = Fixtures.bytes(PUSH);
        byte[][] target = new byte[1][];
        InputStream recording = new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < content.length ? content[position++] : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                target[0] = buffer;
                int n = Math.min(length, content.length - position);
                if (n <= 0) {
                    return -1;
                }
                System.arraycopy(content, position, buffer, offset, n);
                position += n;
                return n;
            }
        };

        byte[] body = BodyReader.read(recording, BodyLimits.GITHUB, content.length);
        WebhookDelivery delivery = WebhookDelivery.head("POST", Map.of(), Map.of()).withBody(body);

        assertThat(body).as("read into, not copied").isSameAs(target[0]).isEqualTo(content);
        assertThat(delivery.rawBody()).as("adopted, not copied").isSameAs(body);
    }

    @Test
    public void shouldTryAtMostFourSignaturesAndFindTheProviderByTheRepositorysOwner() {
        // Given ten GitHub providers, one per organization, each with its own secret
        List<ProviderSpec> providers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String owner = i == 7 ? "bradrydzewski" : "org-" + i;
            providers.add(provider("github-" + i, ProviderType.GITHUB, "secret-" + i).toBuilder().scope(owner)
                    .build());
        }

        // When a delivery for bradrydzewski/drone-test-go, signed by its organization's webhook, arrives at the bare URL
        WebhookResponse response = handler(providers).handle(Signed.gitHub(PUSH, "secret-7", "d-1"), null);

        // Then it is verified by the one provider whose scope holds the repository, the only one tried
        assertThat(response.status()).isEqualTo(202);
        assertThat(response.provider()).isEqualTo("github-7");
        assertThat(lookups).containsExactly("github-7");
    }

    @Test
    public void shouldBoundTheSignaturesCheckedWhenNoProviderStandsOut() {
        List<ProviderSpec> providers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            providers.add(provider("github-" + i, ProviderType.GITHUB, "secret-" + i));
        }

        WebhookResponse response = handler(providers).handle(Signed.gitHub(PUSH, "forged", "d-1"), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(lookups).hasSize(WebhookHandler.MAX_BODY_HMACS);
        assertThat(response.detail()).contains("at most 4 signatures").contains("'github-9'")
                .contains("git-providers-webhook/<name>");
    }

    @Test
    public void shouldTryOnlyTheGitHubEnterpriseServerTheDeliveryNames() {
        ProviderSpec a = provider("ghe-a", ProviderType.GITHUB_ENTERPRISE, "s").toBuilder()
                .serverUrl("https://a.example.com").build();
        ProviderSpec b = provider("ghe-b", ProviderType.GITHUB_ENTERPRISE, "s").toBuilder()
                .serverUrl("https://b.example.com").build();
        Map<String, String> extra = Map.of("X-GitHub-Enterprise-Host", "b.example.com");

        handler(List.of(a, b)).handle(FixtureDeliveries.load(PUSH, extra), null);

        assertThat(lookups).containsExactly("ghe-b");
    }

    @Test
    public void shouldTryOnlyTheGitLabInstanceTheDeliveryNames() {
        String fixture = "gitlab/webhook/signed/push.token-topsecret.json";
        ProviderSpec company = provider("company", ProviderType.GITLAB_SELF_MANAGED, "other").toBuilder()
                .serverUrl("https://gitlab.example.com").build();
        ProviderSpec dotCom = provider("gitlab", ProviderType.GITLAB, "topsecret");

        WebhookResponse response = handler(List.of(company, dotCom))
                .handle(FixtureDeliveries.load(fixture, Map.of("X-Gitlab-Instance", "https://gitlab.com")), null);

        assertThat(response.status()).isEqualTo(202);
        assertThat(lookups).containsExactly("gitlab");
    }
}
