package io.jenkins.plugins.gitproviders.steps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.rules.ExternalResource;

/**
 * Serves the bare repositories under a folder over Git's smart HTTP protocol on the loopback interface, as a Git
 * host does: the real {@code git http-backend} answers each request (run as a CGI program), behind HTTP Basic
 * authentication with one user name and password. Records every request's path and the user name it
 * authenticated with, so that tests can prove how the client authenticated.
 *
 * <p>The same origin serves Gitea's commit status API, {@code POST /api/v1/repos/{owner}/{repo}/statuses/{sha}},
 * as Gitea documents it: authenticated by {@code Authorization: token <password>} (or Basic), answering
 * {@code 201 Created} with the status, or the answer a test sets ({@link #answerStatuses}). Each status request is
 * recorded with its body, in the order received.
 */
public final class GitHttpServer extends ExternalResource {
    private static final String STATUS_API = "/api/v1/";
    private final Supplier<File> root;
    private final String username;
    private final String password;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authenticatedUsers = new CopyOnWriteArrayList<>();
    private final List<StatusRequest> statusRequests = new CopyOnWriteArrayList<>();
    private volatile int statusAnswer = 201;
    private volatile String statusAnswerBody = "";
    private HttpServer server;
    private ExecutorService executor;

    /** Serves the folder the supplier names when asked (a {@code TemporaryFolder} exists only once it started). */
    public GitHttpServer(Supplier<File> root, String username, String password) {
        this.root = root;
        this.username = username;
        this.password = password;
    }

    @Override
    protected void before() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    protected void after() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Returns the server's address without a trailing slash: {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    /** Returns the status API requests received, in order. */
    public List<StatusRequest> statusRequests() {
        return List.copyOf(statusRequests);
    }

    /** Makes the status API answer every later request with this status and JSON body (Gitea's error form). */
    public void answerStatuses(int status, String body) {
        this.statusAnswer = status;
        this.statusAnswerBody = body;
    }

    /**
     * One request to the status API.
     *
     * @param method        the HTTP method
     * @param path          the raw path ({@code /api/v1/repos/infra/payments/statuses/<sha>})
     * @param authenticated whether it carried the token
     * @param body          the request body
     */
    public record StatusRequest(String method, String path, boolean authenticated, String body) {}

    /** Returns the request lines received ({@code GET /acme/payments.git/info/refs?service=...}), in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Returns the user names of the requests that authenticated correctly. */
    public List<String> authenticatedUsers() {
        return List.copyOf(authenticatedUsers);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getRawPath().startsWith(STATUS_API)) {
            handleStatus(exchange);
            return;
        }
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
            String user = authenticatedUser(exchange.getRequestHeaders().getFirst("Authorization"));
            if (user == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            authenticatedUsers.add(user);
            runBackend(exchange, user, query);
        }
    }

    private void handleStatus(HttpExchange exchange) throws IOException {
        try (exchange) {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            boolean authenticated = ("token " + password).equals(header) || authenticatedUser(header) != null;
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            statusRequests.add(new StatusRequest(
                    exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), authenticated, body));
            int status = authenticated ? statusAnswer : 401;
            String answer =
                    !authenticated ? "{\"message\":\"token is required\"}" : status == 201 ? body : statusAnswerBody;
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private String authenticatedUser(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String decoded =
                new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0
                || !decoded.substring(0, colon).equals(username)
                || !decoded.substring(colon + 1).equals(password)) {
            return null;
        }
        return username;
    }

    private void runBackend(HttpExchange exchange, String user, String query) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("git", "http-backend");
        Map<String, String> env = builder.environment();
        env.put("GIT_PROJECT_ROOT", root.get().getAbsolutePath());
        env.put("GIT_HTTP_EXPORT_ALL", "1");
        env.put("REQUEST_METHOD", exchange.getRequestMethod());
        env.put("PATH_INFO", exchange.getRequestURI().getPath());
        env.put("QUERY_STRING", query == null ? "" : query);
        env.put("REMOTE_USER", user);
        env.put("REMOTE_ADDR", "127.0.0.1");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            env.put("CONTENT_TYPE", contentType);
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null) {
            env.put("HTTP_CONTENT_ENCODING", encoding);
        }
        String protocol = exchange.getRequestHeaders().getFirst("Git-Protocol");
        if (protocol != null) {
            env.put("GIT_PROTOCOL", protocol);
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        env.put("CONTENT_LENGTH", Integer.toString(body.length));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(body);
        }
        byte[] output;
        try (InputStream out = process.getInputStream()) {
            output = out.readAllBytes();
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        respond(exchange, output);
    }

    /** Copies a CGI answer (headers, a blank line, the body) into the HTTP response. */
    private static void respond(HttpExchange exchange, byte[] output) throws IOException {
        int status = 200;
        int position = 0;
        List<String[]> headers = new ArrayList<>();
        while (position < output.length) {
            int end = position;
            while (end < output.length && output[end] != '\n') {
                end++;
            }
            String line = new String(output, position, end - position, StandardCharsets.ISO_8859_1).strip();
            position = end + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.toLowerCase(Locale.ROOT).equals("status")) {
                status = Integer.parseInt(value.substring(0, 3));
            } else {
                headers.add(new String[] {name, value});
            }
        }
        for (String[] header : headers) {
            exchange.getResponseHeaders().add(header[0], header[1]);
        }
        int length = Math.max(0, output.length - position);
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length > 0) {
            ByteArrayOutputStream bodyOut = new ByteArrayOutputStream(length);
            bodyOut.write(output, position, length);
            try (OutputStream response = exchange.getResponseBody()) {
                bodyOut.writeTo(response);
            }
        }
    }
}
