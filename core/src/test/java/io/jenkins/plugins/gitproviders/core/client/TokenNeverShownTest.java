package io.jenkins.plugins.gitproviders.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.model.ProviderType;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;

/**
 * Runs every JDK client against a host that echoes the token back in its error messages, in every phase, and scans
 * every text of the diagnoses and of the listing exceptions for the token and its Basic form.
 */
public class TokenNeverShownTest {
    private static final String TOKEN = "SuperSecretToken-ZX81-0000";

    @Rule
    public LoopbackServer server = new LoopbackServer();

    @Test
    public void shouldNeverShowTheTokenInAnyMessageOrException() {
        String echo = "{\"message\":\"bad credential " + TOKEN + " / "
                + Base64.getEncoder().encodeToString(("user:" + TOKEN).getBytes(StandardCharsets.UTF_8))
                + "\",\"errors\":[{\"message\":\"" + TOKEN + "\"}],\"error\":{\"message\":\"" + TOKEN + "\"}}";
        // Successful reachability answers, then every call below fails echoing the token.
        server.onJson("GET /api/v1/version", 200, "{\"version\":\"1.22.0\"}")
                .onJson("GET /rest/api/1.0/application-properties", 200, "{\"version\":\"8.0.0\"}")
                .onJson("GET /api/v1/user", 500, echo)
                .onJson("GET /plugins/servlet/applinks/whoami", 401, echo)
                .onJson("GET /2.0/user", 418, echo)
                .onJson("GET /org/_apis/connectionData", 500, echo)
                .onJson("GET /api/v1/user/repos", 500, echo)
                .onJson("GET /rest/api/1.0/repos", 500, echo)
                .onJson("GET /2.0/repositories", 500, echo)
                .onJson("GET /org/_apis/git/repositories", 500, echo);
        List<String> texts = new ArrayList<>();
        List<String> basicTexts = new ArrayList<>();
        for (ProviderType type : List.of(ProviderType.GITEA, ProviderType.BITBUCKET_DATA_CENTER,
                ProviderType.BITBUCKET_CLOUD, ProviderType.AZURE_DEVOPS)) {
            ProviderSpec provider = ProviderSpec.builder("p-" + type.id(), type).serverUrl(server.baseUrl())
                    .apiUrl(type == ProviderType.BITBUCKET_CLOUD ? server.baseUrl() + "/2.0" : null)
                    .scope(type == ProviderType.AZURE_DEVOPS ? "org" : null).build();
            HostClient client = HostClients.create(type, HttpSettings.DEFAULT, TestResources.CLOCK);
            for (ApiCredential credential : List.of(ApiCredential.token(TOKEN.toCharArray()),
                    ApiCredential.usernamePassword("user", TOKEN.toCharArray()))) {
                // The Basic form "user:token" is what the host received only from the username/password credential.
                List<String> target = credential.username().isPresent() ? basicTexts : texts;
                Diagnosis diagnosis = client.diagnose(provider, credential);
                target.addAll(TestResources.texts(diagnosis));
                target.add(credential.toString());
                try {
                    client.listRepositories(provider, credential, "", 10);
                } catch (HostClientException e) {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        target.add(String.valueOf(t.getMessage()));
                        target.add(t.toString());
                    }
                }
            }
        }

        assertThat(String.join("\n", texts)).contains("****").doesNotContain(TOKEN);
        assertThat(String.join("\n", basicTexts)).contains("****").doesNotContain(TOKEN)
                .doesNotContain(Base64.getEncoder().encodeToString(("user:" + TOKEN).getBytes(StandardCharsets.UTF_8)));
    }
}
