package io.jenkins.plugins.gitproviders.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.rules.ExternalResource;

/**
 * A real HTTP server on 127.0.0.1 that serves recorded host responses, for client tests. Each route maps a method
 * and path (query ignored unless the route names one) to a status, headers and body; every request received is
 * recorded with its headers so tests can prove what was (not) sent. Use as a JUnit {@code @Rule}.
 */
public final class LoopbackServer extends ExternalResource {
    private final Map<String, Response> routes = new LinkedHashMap<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private Response fallback;

    /** One recorded request. */
    public record Request(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
        /** Returns the first value of a header, ignoring the case of its name. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst();
        }
    }

    /** One canned response; a negative delay means "never answer" (the handler blocks until the server stops). */
    public record Response(int status, Map<String, String> headers, byte[] body, long delayMillis) {}

    /** Starts the server outside a JUnit rule (a test's child process); {@link #stop()} ends it. */
    public LoopbackServer start() throws IOException {
        before();
        return this;
    }

    /** Stops a server started with {@link #start()}. */
    public void stop() {
        after();
    }

    @Override
    protected void before() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "loopback-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    @Override
    protected void after() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Returns {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves a status, headers and body for {@code METHOD /path} or {@code METHOD /path?query}. */
    public LoopbackServer on(String methodAndPath, int status, Map<String, String> headers, byte[] body) {
        routes.put(methodAndPath, new Response(status, headers, body, 0));
        return this;
    }

    /** Serves a JSON text with the given status. */
    public LoopbackServer onJson(String methodAndPath, int status, String json) {
        return on(methodAndPath, status, Map.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Serves a recorded fixture: {@code <fixture>.json} as body and, when present, {@code <fixture>.headers} as
     * status line ({@code HTTP/1.1 200 OK} or {@code Status: 200}) and {@code Name: value} header lines.
     */
    public LoopbackServer onFixture(String methodAndPath, Path jsonFile) throws IOException {
        byte[] body = Files.readAllBytes(jsonFile);
        Path headerFile = jsonFile.resolveSibling(jsonFile.getFileName().toString().replaceFirst("\\.json$", ".headers"));
        int status = 200;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (Files.exists(headerFile)) {
            for (String line : Files.readAllLines(headerFile, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.startsWith("HTTP/")) {
                    status = Integer.parseInt(trimmed.split("\\s+")[1]);
                    continue;
                }
                int colon = trimmed.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = trimmed.substring(0, colon).trim();
                String value = trimmed.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Status")) {
                    status = Integer.parseInt(value.split("\\s+")[0]);
                } else if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Transfer-Encoding")
                        && !name.equalsIgnoreCase("Content-Encoding") && !name.equalsIgnoreCase("Connection")) {
                    headers.put(name, value);
                }
            }
        }
        routes.put(methodAndPath, new Response(status, headers, body, 0));
        return this;
    }

    /** Serves a status, headers and body for every request no route matches (instead of a 404). */
    public LoopbackServer otherwise(int status, Map<String, String> headers, byte[] body) {
        fallback = new Response(status, headers, body, 0);
        return this;
    }

    /** Accepts the connection but never answers {@code METHOD /path}, to prove time budgets hold. */
    public LoopbackServer never(String methodAndPath) {
        routes.put(methodAndPath, new Response(200, Map.of(), new byte[0], -1));
        return this;
    }

    /** Returns every request received so far, in order. */
    public List<Request> requests() {
        return Collections.unmodifiableList(new ArrayList<>(received));
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] requestBody;
        try (InputStream in = exchange.getRequestBody()) {
            requestBody = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String method = exchange.getRequestMethod();
        received.add(new Request(method, query == null ? path : path + "?" + query,
                Map.copyOf(exchange.getRequestHeaders()), requestBody));
        Response response = query == null ? null : routes.get(method + " " + path + "?" + query);
        if (response == null) {
            response = routes.get(method + " " + path);
        }
        if (response == null) {
            response = fallback;
        }
        if (response == null) {
            response = new Response(404, Map.of("Content-Type", "application/json"),
                    ("{\"message\":\"Not Found: no route for " + method + " " + path + "\"}")
                            .getBytes(StandardCharsets.UTF_8), 0);
        }
        if (response.delayMillis() < 0) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        exchange.getResponseBody().write(response.body());
        exchange.close();
    }
}
