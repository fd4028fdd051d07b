package io.jenkins.plugins.gitproviders.core.client.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.client.TestResources;
import io.jenkins.plugins.gitproviders.core.testing.LoopbackServer;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;

public class SessionTest {
    @Rule
    public LoopbackServer server = new LoopbackServer();

    @Rule
    public LoopbackServer other = new LoopbackServer();

    private Session open() throws HttpProblem {
        return new HttpGateway(HttpSettings.DEFAULT, TestResources.CLOCK)
                .open(server.baseUrl() + "/api", Authorization.bearer("secret-value-123"));
    }

    @Test
    public void shouldFollowSameOriginRedirectsWithTheCredential() throws Exception {
        server.on("GET /api/old", 301, Map.of("Location", "/api/new"), new byte[0])
                .onJson("GET /api/new", 200, "{\"ok\":true}");

        ApiResponse response = open().get("/old");

        assertThat(response.json().orElseThrow().path("ok").asBoolean()).isTrue();
        assertThat(server.requests()).extracting(r -> r.header("Authorization").orElse(""))
                .containsOnly("Bearer secret-value-123");
    }

    @Test
    public void shouldStopAfterThreeRedirects() {
        server.on("GET /api/loop", 302, Map.of("Location", "/api/loop"), new byte[0]);

        HttpProblem problem = catchThrowableOfType(HttpProblem.class, () -> open().get("/loop"));

        assertThat(problem.kind()).isEqualTo(HttpProblem.Kind.TOO_MANY_REDIRECTS);
        assertThat(server.requests()).hasSize(HttpGateway.MAX_REDIRECTS + 1);
    }

    @Test
    public void shouldRefuseToCarryTheCredentialToAnotherOrigin() {
        server.on("GET /api/user", 307, Map.of("Location", other.baseUrl() + "/steal"), new byte[0]);

        HttpProblem problem = catchThrowableOfType(HttpProblem.class, () -> open().get("/user"));

        assertThat(problem.kind()).isEqualTo(HttpProblem.Kind.CROSS_ORIGIN_REDIRECT);
        assertThat(problem.getMessage()).contains(other.baseUrl(), "credentials not forwarded");
        assertThat(other.requests()).noneMatch(r -> r.header("Authorization").isPresent());
    }

    @Test
    public void shouldCheckTheOriginOfEveryRequestNotOnlyOfRedirects() throws Exception {
        // Given a base address without a path, where a path starting with '@' makes the base a user name
        other.onJson("GET /user", 200, "{\"stolen\":true}");
        Session session = new HttpGateway(HttpSettings.DEFAULT, TestResources.CLOCK)
                .open(server.baseUrl(), Authorization.bearer("secret-value-123"));
        String elsewhere = other.baseUrl().substring("http://".length());

        HttpProblem problem = catchThrowableOfType(HttpProblem.class, () -> session.get("@" + elsewhere + "/user"));

        assertThat(problem.kind()).isEqualTo(HttpProblem.Kind.CROSS_ORIGIN);
        assertThat(problem.getMessage()).contains("was stopped", "the credential was not sent there")
                .doesNotContain("secret-value-123");
        assertThat(other.requests()).isEmpty();
    }

    @Test
    public void shouldCheckTheOriginOfALinkBeforeSendingIt() throws Exception {
        HttpProblem problem = catchThrowableOfType(HttpProblem.class,
                () -> open().getAbsolute(other.baseUrl() + "/api/next"));

        assertThat(problem.kind()).isIn(HttpProblem.Kind.CROSS_ORIGIN, HttpProblem.Kind.CROSS_ORIGIN_REDIRECT);
        assertThat(other.requests()).isEmpty();
    }

    @Test
    public void shouldRefuseAnAnswerOverTheSizeCap() {
        server.on("GET /api/huge", 200, Map.of(), new byte[HttpGateway.MAX_BODY_BYTES + 1]);

        HttpProblem problem = catchThrowableOfType(HttpProblem.class, () -> open().get("/huge"));

        assertThat(problem.kind()).isEqualTo(HttpProblem.Kind.BODY_TOO_LARGE);
    }

    @Test
    public void shouldNameARefusedConnection() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Session session = new HttpGateway(HttpSettings.DEFAULT, TestResources.CLOCK)
                .open("http://127.0.0.1:" + port, Authorization.none());

        HttpProblem problem = catchThrowableOfType(HttpProblem.class, () -> session.get("/"));

        assertThat(problem.kind()).isEqualTo(HttpProblem.Kind.CONNECTION_REFUSED);
        assertThat(problem.getMessage()).contains("refused");
    }

    @Test
    public void shouldReportAnExhaustedLimitOn403AsRateLimited() {
        server.on("GET /api/x", 403, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1772366700"),
                new byte[0]);

        HttpProblem problem = catchThrowableOfType(HttpProblem.class, () -> open().get("/x"));

        assertThat(problem.kind()).isEqualTo(HttpProblem.Kind.RATE_LIMITED);
        assertThat(problem.rateLimit().orElseThrow().exhausted()).isTrue();
        assertThat(problem.getMessage()).contains("2026-03-01 12:05:00 UTC");
    }

    @Test
    public void shouldRejectCredentialsInTheServerUrl() {
        HttpProblem problem = catchThrowableOfType(HttpProblem.class, () ->
                new HttpGateway(HttpSettings.DEFAULT, TestResources.CLOCK)
                        .open("https://user:hunter2@example.com", Authorization.none()));

        assertThat(problem.kind()).isEqualTo(HttpProblem.Kind.INVALID_URL);
        assertThat(problem.getMessage()).doesNotContain("hunter2");
    }

    @Test
    public void shouldBypassTheProxyForNoProxyHosts() {
        NoProxyAwareSelector selector = new NoProxyAwareSelector("proxy.example.com", 3128,
                List.of("localhost", "*.internal.example.com", ".corp"));

        assertThat(selector.bypasses("LOCALHOST")).isTrue();
        assertThat(selector.bypasses("git.internal.example.com")).isTrue();
        assertThat(selector.bypasses("build.corp")).isTrue();
        assertThat(selector.bypasses("internal.example.com")).isFalse();
        assertThat(selector.bypasses("api.bitbucket.org")).isFalse();
    }

    @Test
    public void shouldPostJsonWithTheCredential() throws Exception {
        server.onJson("POST /api/statuses", 201, "{\"id\":1}");

        ApiResponse response = open().postJson("/statuses", "{\"state\":\"success\"}".getBytes(UTF_8));

        assertThat(response.status()).isEqualTo(201);
        LoopbackServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(new String(request.body(), UTF_8)).isEqualTo("{\"state\":\"success\"}");
        assertThat(request.header("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(request.header("Authorization")).contains("Bearer secret-value-123");
    }

    @Test
    public void shouldRepeatAWriteOnlyForARedirectThatKeepsTheMethod() throws Exception {
        // Given a 307 (method and body kept) and a 302 (clients turn it into a GET)
        server.on("POST /api/moved", 307, Map.of("Location", "/api/statuses"), new byte[0])
                .onJson("POST /api/statuses", 201, "{}")
                .on("POST /api/found", 302, Map.of("Location", "/api/statuses"), new byte[0]);

        // When
        ApiResponse kept = open().postJson("/moved", "{}".getBytes(UTF_8));
        HttpProblem turned = catchThrowableOfType(HttpProblem.class, () -> open().postJson("/found",
                "{}".getBytes(UTF_8)));

        // Then the 307 is followed with the same body; the 302 is reported, not followed as a read
        assertThat(kept.status()).isEqualTo(201);
        assertThat(turned.getMessage()).contains("redirected the write").contains("HTTP 302");
        assertThat(server.requests()).extracting(LoopbackServer.Request::pathAndQuery)
                .containsExactly("/api/moved", "/api/statuses", "/api/found");
        assertThat(server.requests()).allMatch(request -> request.method().equals("POST"));
    }

    @Test
    public void shouldNotCarryAWriteToAnotherOrigin() {
        server.on("POST /api/statuses", 307, Map.of("Location", other.baseUrl() + "/steal"), new byte[0]);

        HttpProblem problem = catchThrowableOfType(HttpProblem.class, () -> open().postJson("/statuses",
                "{}".getBytes(UTF_8)));

        assertThat(problem.kind()).isEqualTo(HttpProblem.Kind.CROSS_ORIGIN_REDIRECT);
        assertThat(other.requests()).isEmpty();
    }
}
