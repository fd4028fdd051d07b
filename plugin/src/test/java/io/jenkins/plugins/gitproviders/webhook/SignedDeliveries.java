package io.jenkins.plugins.gitproviders.webhook;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hudson.util.Secret;
import io.jenkins.plugins.gitproviders.config.GitHubProvider;
import io.jenkins.plugins.gitproviders.config.GitProvidersConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/**
 * Builds and sends GitHub deliveries as GitHub does: recorded bodies (the test copy of the push, or a shared fixture,
 * edited where a test needs another commit or a fork), signed with HMAC-SHA256 over the exact bytes sent.
 */
final class SignedDeliveries {
    static final String SECRET = "It's a Secret to Everybody";
    /** The commit of the recorded push. */
    static final String COMMIT = "d2b75aa7797ec26b088fa2dd527e9d2c052fcedd";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SignedDeliveries() {}

    /**
     * Configures provider {@code github} (GitHub.com) with an API token ({@code github-token}) and the webhook secret
     * ({@code github-hook}), as administrators do.
     */
    static void configureGitHub() throws IOException {
        CredentialsStore store =
                CredentialsProvider.lookupStores(Jenkins.get()).iterator().next();
        store.addCredentials(
                Domain.global(),
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "github-hook", "GitHub webhook secret", Secret.fromString(SECRET)));
        store.addCredentials(
                Domain.global(),
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        "github-token",
                        "GitHub API token",
                        Secret.fromString("not-a-real-token")));
        GitHubProvider github = new GitHubProvider("github");
        github.setCredentialsId("github-token");
        github.setWebhookSecretCredentialsId("github-hook");
        GitProvidersConfiguration.get().setProviders(List.of(github));
    }

    /** Returns the recorded push creating {@code feature-branch} of {@code bradrydzewski/drone-test-go}. */
    static byte[] push() {
        try (InputStream in = SignedDeliveries.class.getResourceAsStream("push-branch-created.drone-go-scm.json")) {
            return Objects.requireNonNull(in, "test delivery").readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the recorded push of the same branch moved from one commit to another (a push, not a creation). */
    static byte[] push(String before, String after) {
        return edit(push(), root -> {
            root.put("before", before);
            root.put("after", after);
            root.put("created", false);
            ((ObjectNode) root.get("head_commit")).put("id", after);
        });
    }

    /** Returns a shared fixture's body ({@code github/webhook/pull_request-opened.drone-go-scm.json}). */
    static byte[] fixture(String relative) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("fixtures.dir", "../../shared/fixtures"), relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a body after an edit of its JSON tree. */
    static byte[] edit(byte[] body, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(body);
            change.accept(root);
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a body signed with the secret as the GitHub event, with a fresh delivery id. */
    static HttpResponse<String> deliver(URL jenkins, String path, String event, byte[] body, String secret)
            throws IOException, InterruptedException {
        return deliver(jenkins, path, event, body, secret, UUID.randomUUID().toString());
    }

    /** Sends a body signed with the secret as the GitHub event, with the given delivery id (as a redelivery has). */
    static HttpResponse<String> deliver(
            URL jenkins, String path, String event, byte[] body, String secret, String deliveryId)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(jenkins + path))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId)
                .header("X-Hub-Signature-256", "sha256=" + hmacSha256(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a push signed with the shared secret to the receiver's root address. */
    static HttpResponse<String> deliverPush(URL jenkins, byte[] body) throws IOException, InterruptedException {
        return deliver(jenkins, "git-providers-webhook/", "push", body, SECRET);
    }

    static String hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a 40-digit commit id whose first eight digits count, for chains of pushes in tests. */
    static String commit(int n) {
        return String.format(java.util.Locale.ROOT, "%08x", n + 1L) + "a".repeat(32);
    }
}
