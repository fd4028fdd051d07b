package io.jenkins.plugins.gitproviders.diagnostics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.rules.ExternalResource;

/**
 * A GitHub Enterprise Server on loopback, answering like the real one for the requests a diagnosis makes:
 * {@code GET /api/v3/user} answers the recorded body of {@code shared/fixtures/github/api/user.200.classic-token.
 * repo-scope.json} (with the login a test chooses) and headers as recorded beside it; {@code GET /api/v3/user/repos}
 * an empty list. A real server's user carries every field, so the GitHub client needs no second request for it.
 * Records every request, so tests can prove that none was made. The JDK server keeps it free of extra test
 * dependencies.
 */
final class GitHubStub extends ExternalResource {
    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile String login = "octocat";
    private volatile boolean rejectToken;

    @CheckForNull
    private volatile Instant expiration;

    @Override
    protected void before() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    protected void after() {
        server.stop(0);
    }

    /** Returns the server address to configure, {@code http://127.0.0.1:<port>}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes {@code GET /user} name another account. */
    GitHubStub login(String value) {
        login = value;
        return this;
    }

    /** Makes the token expire at the given time (GitHub's {@code github-authentication-token-expiration}). */
    GitHubStub expiringAt(Instant value) {
        expiration = value;
        return this;
    }

    /** Makes GitHub answer 401 Bad credentials. */
    GitHubStub rejectingTheToken() {
        rejectToken = true;
        return this;
    }

    /** Returns {@code METHOD /path?query} of every request received. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** Returns the Authorization header of every request received. */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            var headers = exchange.getResponseHeaders();
            headers.add("Content-Type", "application/json; charset=utf-8");
            headers.add("X-GitHub-Enterprise-Version", "3.14.2");
            headers.add("X-GitHub-Media-Type", "github.v3; format=json");
            if (rejectToken) {
                respond(
                        exchange,
                        401,
                        "{\"message\":\"Bad credentials\","
                                + "\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
                return;
            }
            headers.add("X-OAuth-Scopes", "admin:org, admin:repo_hook, read:org, repo");
            headers.add("X-Accepted-OAuth-Scopes", "");
            headers.add("X-RateLimit-Limit", "5000");
            headers.add("X-RateLimit-Remaining", "4990");
            headers.add("X-RateLimit-Used", "10");
            headers.add("X-RateLimit-Resource", "core");
            headers.add(
                    "X-RateLimit-Reset",
                    String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()));
            Instant expires = expiration;
            if (expires != null) {
                headers.add("github-authentication-token-expiration", EXPIRATION.format(expires));
            }
            switch (path) {
                case "/api/v3/user" -> respond(exchange, 200, recordedUser());
                case "/api/v3/user/repos" -> respond(exchange, 200, "[]");
                default ->
                    respond(
                            exchange,
                            404,
                            "{\"message\":\"Not Found\","
                                    + "\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Returns the recorded user with this stub's login, and its own address where GitHub.com put its own. */
    private String recordedUser() throws IOException {
        Path recording = Path.of(
                System.getProperty("fixtures.dir", "../../shared/fixtures"),
                "github",
                "api",
                "user.200.classic-token.repo-scope.json");
        ObjectNode user = (ObjectNode) new ObjectMapper().readTree(Files.readString(recording, StandardCharsets.UTF_8));
        String recordedLogin = user.get("login").asText();
        user.put("login", login);
        String body = user.toString();
        return body.replace("https://api.github.com/users/" + recordedLogin, url() + "/api/v3/users/" + login);
    }
}
