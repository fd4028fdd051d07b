package io.jenkins.plugins.gitproviders.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DiagnoseCommandTest {
    private static final String TOKEN = "cli-token-9876543210";

    @Rule
    public LoopbackServer server = new LoopbackServer();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path providerFile;

    @Before
    public void writeProviderFile() throws Exception {
        server.onJson("GET /api/v1/version", 200, "{\"version\":\"1.21.0\"}")
                .onFixture("GET /api/v1/user", Fixtures.path("gitea/api/user.json"))
                .onJson("GET /api/v1/user/repos", 200, "[]");
        providerFile = folder.newFile("provider.json").toPath();
        Files.writeString(providerFile, "{\"name\":\"gitea\",\"type\":\"gitea\",\"serverUrl\":\"" + server.baseUrl()
                + "\"}");
    }

    private int run(Map<String, String> env, String... args) {
        return new Main().run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    public void shouldPrintOneLinePerCheckAndExitZero() {
        int code = run(Map.of("GIT_PROVIDERS_TOKEN", TOKEN), "diagnose", "--provider", providerFile.toString());

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(text).contains("PASS    Reachability:", "PASS    Authentication: The token belongs to Jane Citizen",
                "Rate limit").doesNotContain(TOKEN);
    }

    @Test
    public void shouldPrintJsonAndExitOneWhenACheckFails() throws Exception {
        server.onJson("GET /api/v1/user", 401, "{\"message\":\"bad token\"}");

        int code = run(Map.of("MY_TOKEN", TOKEN), "diagnose", "--provider", providerFile.toString(),
                "--token-env", "MY_TOKEN", "--json");

        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(json.path("overall").asText()).isEqualTo("FAIL");
        assertThat(json.path("checks").get(1).path("status").asText()).isEqualTo("FAIL");
        assertThat(json.path("checks").get(1).path("fix").asText()).contains("Applications");
    }

    @Test
    public void shouldRejectATokenGivenAsArgumentWithoutEchoingIt() {
        int code = run(Map.of(), "diagnose", "--provider", providerFile.toString(), "--token", TOKEN);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("never taken from arguments").doesNotContain(TOKEN);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    public void shouldExitTwoWhenTheTokenVariableIsMissing() {
        int code = run(Map.of(), "diagnose", "--provider", providerFile.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("GIT_PROVIDERS_TOKEN");
    }

    @Test
    public void shouldUseTheUsernameFromItsVariable() {
        int code = run(Map.of("GIT_PROVIDERS_TOKEN", TOKEN, "BB_USER", "someone"), "diagnose", "--provider",
                providerFile.toString(), "--username-env", "BB_USER");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("WARN", "wrong username");
        assertThat(server.requests().get(1).header("Authorization")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
    }
}
