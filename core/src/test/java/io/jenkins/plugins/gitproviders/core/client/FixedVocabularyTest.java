package io.jenkins.plugins.gitproviders.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

/**
 * Points every host client at a hostile service that answers every request with text meant to be read out (in the
 * body, its error envelopes and version fields, and the {@code Content-Type}) and with unusual statuses, and proves
 * that no diagnosis and no listing error repeats any of it: what a diagnosis says comes from a fixed vocabulary.
 */
public class FixedVocabularyTest {
    private static final String MARK = "InternalSecret7731";
    private static final String BODY = "{\"message\":\"" + MARK + " message\",\"error\":{\"message\":\"" + MARK
            + "\"},\"errors\":[{\"message\":\"" + MARK + "\"}],\"version\":\"" + MARK + " 1.0\",\"revision\":\""
            + MARK + "\",\"deploymentType\":\"" + MARK + "\",\"displayName\":\"" + MARK + "\",\"buildNumber\":\""
            + MARK + "\"}";

    @Rule
    public LoopbackServer server = new LoopbackServer();

    @Test(timeout = 120_000)
    public void shouldNeverRepeatTheBodyTheContentTypeOrAnUnusualStatusOfAnAnswer() {
        List<String> texts = new ArrayList<>();
        for (int status : List.of(200, 418, 502, 403)) {
            // A JSON error envelope full of the mark, and an HTML page with a marked content type
            for (boolean html : List.of(false, true)) {
                Map<String, String> headers = Map.of("Content-Type", html ? "text/html; charset=" + MARK
                        : "application/json; profile=" + MARK, "X-GitHub-Enterprise-Version", MARK);
                byte[] body = (html ? "<html><title>" + MARK + "</title></html>" : BODY)
                        .getBytes(StandardCharsets.UTF_8);
                server.otherwise(status, headers, body);
                for (ProviderType type : ProviderType.values()) {
                    texts.addAll(run(type));
                }
            }
        }

        String all = String.join("\n", texts);
        assertThat(all).doesNotContain(MARK).doesNotContain("418").doesNotContain("502");
        assertThat(all).contains("(HTTP 4xx)").contains("(HTTP 5xx)").contains("HTTP 403");
    }

    private List<String> run(ProviderType type) {
        String base = server.baseUrl();
        ProviderSpec.Builder provider = ProviderSpec.builder("hostile-" + type.id(), type).credentialsId("t");
        switch (type) {
            case GITHUB -> provider.apiUrl(base).scope("acme");
            case GITLAB -> provider.apiUrl(base + "/api/v4").scope("group");
            case BITBUCKET_CLOUD -> provider.apiUrl(base + "/2.0").scope("acme").email("jane@example.com");
            case AZURE_DEVOPS -> provider.serverUrl(base).scope("fabrikam/Fiber");
            default -> provider.serverUrl(base).scope(type == ProviderType.BITBUCKET_DATA_CENTER ? "PROJ" : "acme");
        }
        ProviderSpec spec = provider.build();
        HostClient client = HostClients.create(type, TestResources.shortBudget().withTimeouts(
                java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5)), TestResources.CLOCK);
        ApiCredential credential = ApiCredential.token("token-value".toCharArray());
        List<String> texts = new ArrayList<>(TestResources.texts(client.diagnose(spec, credential)));
        try {
            client.listRepositories(spec, credential, "", 5);
        } catch (HostClientException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(String.valueOf(t.getMessage()));
            }
        }
        return texts;
    }
}
