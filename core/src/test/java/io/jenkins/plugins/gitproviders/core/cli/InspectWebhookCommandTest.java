package io.jenkins.plugins.gitproviders.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.gitproviders.core.testing.Fixtures;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class InspectWebhookCommandTest {
    private static final String GITEA_SECRET = "IsWishesWereHorsesWedAllBeEatingSteak!";

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    public void shouldAnswerASignedDeliveryAsJenkinsDoes() throws Exception {
        // Given a Gitea provider, a delivery it signed and the secret in a file
        Path provider = provider("{\"name\":\"forge\",\"type\":\"gitea\",\"serverUrl\":\"http://localhost:3000\"}");

        // When
        int exit = run(provider, "gitea/webhook/signed/push-event", Map.of(), "--secret-file", secretFile(GITEA_SECRET));

        // Then Jenkins' answer is printed: status, the body the host sees, and the event
        JsonNode report = report();
        assertThat(exit).isZero();
        assertThat(report.get("outcome").asText()).isEqualTo("accepted");
        assertThat(report.get("status").asInt()).isEqualTo(202);
        assertThat(report.at("/answer/status").asInt()).isEqualTo(202);
        assertThat(report.at("/answer/provider").asText()).isEqualTo("forge");
        assertThat(report.at("/answer/triggered").asInt()).isZero();
        assertThat(report.at("/events/0/event").asText()).isEqualTo("BRANCH_CREATED");
        assertThat(report.at("/events/0/repository/fullPath").asText()).isEqualTo("example/example");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("IsWishesWereHorses");
    }

    @Test
    public void shouldReadTheSecretFromTheEnvironmentAndNeverPrintIt() throws Exception {
        Path provider = provider("{\"name\":\"lab\",\"type\":\"gitLab\"}");

        int named = run(provider, "gitlab/webhook/signed/push.token-topsecret", Map.of("HOOK_SECRET", "topsecret"),
                "--secret-env", "HOOK_SECRET");
        JsonNode first = report();
        out.reset();
        int byDefault = run(provider, "gitlab/webhook/signed/push.token-topsecret",
                Map.of(InspectWebhookCommand.DEFAULT_SECRET_ENV, "topsecret"));

        assertThat(named).isZero();
        assertThat(first.at("/events/0/event").asText()).isEqualTo("BRANCH_PUSH");
        assertThat(byDefault).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
                .doesNotContain("topsecret");
    }

    @Test
    public void shouldNeverTakeASecretFromTheCommandLine() throws Exception {
        Path provider = provider("{\"name\":\"lab\",\"type\":\"gitLab\"}");

        int exit = run(provider, "gitlab/webhook/signed/push.token-topsecret", Map.of(), "--secret", "topsecret");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("never taken from arguments")
                .contains("--secret-env").contains("--secret-file");
        assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8))
                .doesNotContain("topsecret");
    }

    @Test
    public void shouldRefuseWithoutSecretAsJenkinsWould() throws Exception {
        Path provider = provider("{\"name\":\"gh\",\"type\":\"gitHub\",\"webhookSecretCredentialsIds\":[\"hook\"]}");

        int exit = run(provider, "github/webhook/signed/ping.secret-123", Map.of());

        JsonNode report = report();
        assertThat(exit).isEqualTo(1);
        assertThat(report.get("status").asInt()).isEqualTo(401);
        assertThat(report.get("message").asText()).isEqualTo(WebhookResponse.UNVERIFIED_MESSAGE);
        assertThat(report.get("detail").asText()).contains("No webhook secret is configured")
                .contains("--secret-env");
    }

    @Test
    public void shouldRefuseAWrongSecretAndAnswerAPing() throws Exception {
        Path provider = provider("{\"name\":\"gh\",\"type\":\"gitHub\"}");

        assertThat(run(provider, "github/webhook/signed/ping.secret-123", Map.of(), "--secret-file",
                secretFile("nope"))).isEqualTo(1);
        assertThat(report().get("detail").asText()).contains("X-Hub-Signature-256 does not match");
        out.reset();
        assertThat(run(provider, "github/webhook/signed/ping.secret-123", Map.of(), "--secret-file",
                secretFile("123\n"))).as("a file's final line ending is not part of the secret").isZero();
        assertThat(report().get("status").asInt()).isEqualTo(200);
    }

    @Test
    public void shouldRefuseADeliveryFromAnotherKindOfHost() throws Exception {
        Path provider = provider("{\"name\":\"lab\",\"type\":\"gitLab\"}");

        int exit = run(provider, "github/webhook/signed/ping.secret-123", Map.of(), "--secret-file",
                secretFile("123"));

        assertThat(exit).isEqualTo(1);
        assertThat(report().get("status").asInt()).isEqualTo(401);
        assertThat(report().get("detail").asText()).contains("No GitHub provider is configured");
    }

    @Test
    public void shouldParseABitbucketDataCenterDeliveryWithTheProvidersServer() throws Exception {
        // Given a delivery from an older server, whose payload names no links, and the provider of that server
        Path provider = provider("{\"name\":\"bbdc\",\"type\":\"bitbucketDataCenter\","
                + "\"serverUrl\":\"https://bitbucket.example.com/bitbucket\"}");
        byte[] body = Fixtures.bytes("bitbucket-server/webhook/pr-opened.drone-go-scm.json");
        Path headers = headers("X-Event-Key: pr:opened\nX-Request-Id: r-1\nX-Hub-Signature: sha256="
                + hmacSha256("dc-secret", body) + "\n");

        // When
        int exit = command(List.of("--provider", provider.toString(), "--headers", headers.toString(), "--body",
                bodyFile(body).toString(), "--secret-file", secretFile("dc-secret")), Map.of());

        // Then it is accepted as Jenkins accepts it (the tool used to parse it without the server: malformed)
        assertThat(exit).isZero();
        assertThat(report().get("status").asInt()).isEqualTo(202);
        assertThat(report().at("/events/0/repository/host").asText()).isEqualTo("bitbucket.example.com");
        assertThat(report().at("/events/0/ref").asText()).isEqualTo("refs/pull-requests/2/from");
    }

    @Test
    public void shouldAnswer404ForARepositoryOnAnotherServer() throws Exception {
        // The delivery's repository lives on localhost, the provider serves gitea.example.com
        Path provider = provider("{\"name\":\"forge\",\"type\":\"gitea\","
                + "\"serverUrl\":\"https://gitea.example.com\"}");

        int exit = run(provider, "gitea/webhook/signed/push-event", Map.of(), "--secret-file",
                secretFile(GITEA_SECRET));

        assertThat(exit).isEqualTo(1);
        assertThat(report().get("status").asInt()).isEqualTo(404);
        assertThat(report().get("detail").asText()).contains("'forge' serves gitea.example.com");
    }

    @Test
    public void shouldPrintEveryChangeOfAPushOfSeveralRefs() throws Exception {
        Path provider = provider("{\"name\":\"bb\",\"type\":\"bitbucketCloud\"}");
        byte[] body = Fixtures.bytes("bitbucket-cloud/webhook/repo-push-multiple-changes.json");
        Path headers = headers("X-Event-Key: repo:push\nX-Request-UUID: u-1\nX-Hub-Signature: sha256="
                + hmacSha256("bb", body) + "\n");

        int exit = command(List.of("--provider", provider.toString(), "--headers", headers.toString(), "--body",
                bodyFile(body).toString(), "--secret-file", secretFile("bb")), Map.of());

        assertThat(exit).isZero();
        List<String> changes = new ArrayList<>();
        report().get("events").forEach(event -> changes.add(event.get("event").asText() + " "
                + event.get("ref").asText()));
        assertThat(changes).containsExactly("BRANCH_PUSH refs/heads/main", "BRANCH_CREATED refs/heads/manchu",
                "TAG_PUSH refs/tags/v0.1");
    }

    @Test
    public void shouldRefuseABodyOverTheCapUnread() throws Exception {
        Path provider = provider("{\"name\":\"gh\",\"type\":\"gitHub\"}");
        Path body = folder.newFile("big.json").toPath();
        try (RandomAccessFile file = new RandomAccessFile(body.toFile(), "rw")) {
            file.setLength(26L * 1024 * 1024);
        }

        int exit = command(List.of("--provider", provider.toString(), "--headers",
                headers("X-GitHub-Event: push\n").toString(), "--body", body.toString(), "--secret-file",
                secretFile("s")), Map.of());

        assertThat(exit).isEqualTo(1);
        assertThat(report().get("status").asInt()).isEqualTo(413);
    }

    @Test
    public void shouldRefuseASecretOnTheCommandLineWithoutRepeatingIt() throws Exception {
        Path provider = provider("{\"name\":\"gh\",\"type\":\"gitHub\"}");

        int exit = run(provider, "github/webhook/signed/ping.secret-123", Map.of(), "--secret", "123-visible");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--secret is not accepted")
                .contains("--secret-env NAME").contains("--secret-file").doesNotContain("123-visible");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    public void shouldAnswerUsageErrorsWithExitCodeTwo() throws Exception {
        assertThat(command(List.of("--provider"), Map.of())).isEqualTo(2);
        assertThat(command(List.of("--body", "x"), Map.of())).isEqualTo(2);
        assertThat(command(List.of("--frobnicate", "x"), Map.of())).isEqualTo(2);
        assertThat(command(List.of("--provider", "p", "--headers", "h", "--body", "b", "--secret-env", "UNSET"),
                Map.of())).isEqualTo(2);
        assertThat(command(List.of("--provider", "p", "--headers", "h", "--body", "b", "--secret-file",
                folder.getRoot().toPath().resolve("missing").toString()), Map.of())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage:");
    }

    private static Map<String, String> secretEnv(String secret) {
        return Map.of("HOOK_SECRET", secret);
    }

    private Path provider(String json) throws Exception {
        return Files.writeString(folder.newFile().toPath(), json);
    }

    private String secretFile(String secret) throws Exception {
        return Files.writeString(folder.newFile().toPath(), secret).toString();
    }

    private Path headers(String text) throws Exception {
        return Files.writeString(folder.newFile().toPath(), text);
    }

    private Path bodyFile(byte[] body) throws Exception {
        return Files.write(folder.newFile().toPath(), body);
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

    private static String hmacSha256(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
