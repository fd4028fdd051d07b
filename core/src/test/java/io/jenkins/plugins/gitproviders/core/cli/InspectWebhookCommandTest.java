package io.jenkins.plugins.gitproviders.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class InspectWebhookCommandTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    public void shouldAcceptASignedDeliveryAndPrintTheEvent() throws Exception {
        // Given a Gitea provider and a delivery it signed
        Path provider = provider("{\"name\":\"forge\",\"type\":\"gitea\",\"serverUrl\":\"http://localhost:3000\"}");

        // When
        int exit = run(provider, "gitea/webhook/signed/push-event", secretEnv("IsWishesWereHorsesWedAllBeEatingSteak!"),
                "--secret-env", "HOOK_SECRET");

        // Then
        JsonNode report = report();
        assertThat(exit).isZero();
        assertThat(report.get("outcome").asText()).isEqualTo("accepted");
        assertThat(report.get("status").asInt()).isEqualTo(202);
        assertThat(report.at("/verification/outcome").asText()).isEqualTo("VERIFIED");
        assertThat(report.at("/event/event").asText()).isEqualTo("BRANCH_CREATED");
        assertThat(report.at("/event/repository/fullPath").asText()).isEqualTo("example/example");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("IsWishesWereHorses");
    }

    @Test
    public void shouldRefuseWithoutSecretAsJenkinsWould() throws Exception {
        Path provider = provider("{\"name\":\"gh\",\"type\":\"gitHub\",\"webhookSecretCredentialsIds\":[\"hook\"]}");

        int exit = run(provider, "github/webhook/signed/ping.secret-123", Map.of());

        JsonNode report = report();
        assertThat(exit).isEqualTo(1);
        assertThat(report.get("status").asInt()).isEqualTo(401);
        assertThat(report.at("/verification/outcome").asText()).isEqualTo("NO_SECRET_CONFIGURED");
        assertThat(report.get("message").asText()).contains("refuse").contains("--secret-env");
    }

    @Test
    public void shouldReadTheSecretFromTheEnvironmentAndNeverPrintIt() throws Exception {
        Path provider = provider("{\"name\":\"lab\",\"type\":\"gitLab\"}");

        int exit = run(provider, "gitlab/webhook/signed/push.token-topsecret",
                secretEnv("topsecret"), "--secret-env", "HOOK_SECRET");

        assertThat(exit).isZero();
        assertThat(report().at("/event/event").asText()).isEqualTo("BRANCH_PUSH");
        assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
                .doesNotContain("topsecret");
    }

    @Test
    public void shouldRefuseAWrongSecretAndAPingIsOk() throws Exception {
        Path provider = provider("{\"name\":\"gh\",\"type\":\"gitHub\"}");

        assertThat(run(provider, "github/webhook/signed/ping.secret-123", secretEnv("nope"), "--secret-env",
                "HOOK_SECRET")).isEqualTo(1);
        assertThat(report().at("/verification/outcome").asText()).isEqualTo("INVALID_SIGNATURE");
        out.reset();
        assertThat(run(provider, "github/webhook/signed/ping.secret-123", secretEnv("123"), "--secret-env",
                "HOOK_SECRET")).isZero();
        assertThat(report().get("status").asInt()).isEqualTo(200);
    }

    @Test
    public void shouldRefuseADeliveryFromAnotherKindOfHost() throws Exception {
        Path provider = provider("{\"name\":\"lab\",\"type\":\"gitLab\"}");

        int exit = run(provider, "github/webhook/signed/ping.secret-123", secretEnv("123"), "--secret-env",
                "HOOK_SECRET");

        assertThat(exit).isEqualTo(1);
        assertThat(report().get("message").asText()).contains("GITHUB").contains("gitLab");
    }

    @Test
    public void shouldRefuseABodyOverTheCap() throws Exception {
        Path provider = provider("{\"name\":\"gh\",\"type\":\"gitHub\"}");
        Path body = folder.newFile("big.json").toPath();
        try (RandomAccessFile file = new RandomAccessFile(body.toFile(), "rw")) {
            file.setLength(26L * 1024 * 1024);
        }
        Path headers = Files.writeString(folder.newFile("big.headers").toPath(), "X-GitHub-Event: push\n");

        int exit = command(List.of("--provider", provider.toString(), "--headers", headers.toString(), "--body",
                body.toString(), "--secret-env", "S"), Map.of("S", "s"));

        assertThat(exit).isEqualTo(1);
        assertThat(report().get("status").asInt()).isEqualTo(413);
    }

    @Test
    public void shouldTakeTheSecretFromAFileWithoutItsLineBreak() throws Exception {
        Path provider = provider("{\"name\":\"gh\",\"type\":\"gitHub\"}");
        Path secret = Files.writeString(folder.newFile("secret").toPath(), "123\n");

        assertThat(run(provider, "github/webhook/signed/ping.secret-123", Map.of(), "--secret-file",
                secret.toString())).isZero();
        assertThat(report().at("/verification/outcome").asText()).isEqualTo("VERIFIED");
    }

    @Test
    public void shouldRefuseASecretOnTheCommandLineWithoutRepeatingIt() throws Exception {
        Path provider = provider("{\"name\":\"gh\",\"type\":\"gitHub\"}");

        int exit = run(provider, "github/webhook/signed/ping.secret-123", Map.of(), "--secret", "123-visible");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--secret is not accepted")
                .contains("--secret-env NAME").contains("--secret-file FILE").doesNotContain("123-visible");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    public void shouldAnswerUsageErrorsWithExitCodeTwo() throws Exception {
        assertThat(command(List.of("--provider"), Map.of())).isEqualTo(2);
        assertThat(command(List.of("--body", "x"), Map.of())).isEqualTo(2);
        assertThat(command(List.of("--frobnicate", "x"), Map.of())).isEqualTo(2);
        assertThat(command(List.of("--provider", "p", "--headers", "h", "--body", "b", "--secret-env", "UNSET"),
                Map.of())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage:");
    }

    private static Map<String, String> secretEnv(String secret) {
        return Map.of("HOOK_SECRET", secret);
    }

    private Path provider(String json) throws Exception {
        return Files.writeString(folder.newFile().toPath(), json);
    }

    private int run(Path provider, String fixture, Map<String, String> env, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--provider", provider.toString(),
                "--headers", Fixtures.path(fixture + ".headers").toString(),
                "--body", Fixtures.path(fixture + ".json").toString()));
        args.addAll(List.of(extra));
        return command(args, env);
    }

    private int command(List<String> args, Map<String, String> env) {
        return new InspectWebhookCommand().run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode report() throws Exception {
        return new ObjectMapper().readTree(out.toByteArray());
    }
}
