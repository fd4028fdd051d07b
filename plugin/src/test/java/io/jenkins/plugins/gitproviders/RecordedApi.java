package io.jenkins.plugins.gitproviders;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.rules.ExternalResource;

/**
 * A host API on 127.0.0.1 that answers recorded responses: each route, {@code METHOD /path} (the query is ignored),
 * answers a status, headers and body; any other request answers 404. The plugin's own stub rather than core's test
 * server, because the plugin's test sources must compile against core's main classes only. Core's test resources
 * are read as resources (from its tests jar), which needs none of its test classes.
 */
public final class RecordedApi extends ExternalResource {
    /** The headers of a JSON answer without recorded headers. */
    public static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    /** Headers a recording may name but which the server sets itself from the body it sends. */
    private static final Set<String> TRANSPORT_HEADERS =
            Set.of("content-length", "transfer-encoding", "content-encoding", "connection");

    private final Map<String, Answer> routes = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    private static final class Answer {
        final int status;
        final Map<String, String> headers;
        final byte[] body;

        Answer(int status, Map<String, String> headers, byte[] body) {
            this.status = status;
            this.headers = headers;
            this.body = body.clone();
        }
    }

    @Override
    protected void before() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Clients keep connections open and may ask in parallel: one thread per exchange, not the server's one.
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

    /** Returns {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code METHOD /path} with the status, headers and body. */
    public RecordedApi on(String route, int status, Map<String, String> headers, byte[] body) {
        routes.put(route, new Answer(status, Map.copyOf(headers), body));
        return this;
    }

    /**
     * Answers {@code METHOD /path} with a recording in the shared fixtures: {@code <name>.json} as body, and the
     * status ({@code Status: 200 OK} or {@code HTTP/1.1 200 OK}) and headers recorded beside it in
     * {@code <name>.headers}, when there is one (otherwise 200 JSON).
     */
    public RecordedApi onFixture(String route, String fixture) throws IOException {
        Path json = Path.of(System.getProperty("fixtures.dir", "../../shared/fixtures"), fixture);
        Path recorded = json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", ".headers"));
        int status = 200;
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(JSON);
        if (Files.exists(recorded)) {
            for (String line : Files.readAllLines(recorded, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (line.startsWith("HTTP/")) {
                    status = Integer.parseInt(line.split("\\s+")[1]);
                } else if (colon > 0) {
                    String name = line.substring(0, colon).trim();
                    String value = line.substring(colon + 1).trim();
                    if (name.equalsIgnoreCase("Status")) {
                        status = Integer.parseInt(value.split("\\s+")[0]);
                    } else if (!TRANSPORT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                        headers.put(name, value);
                    }
                }
            }
        }
        return on(route, status, headers, Files.readAllBytes(json));
    }

    /** Reads one of core's hand-written API shapes, {@code core/client/<host>/<file>}, from its tests jar. */
    public static byte[] coreTestResource(String hostAndFile) throws IOException {
        String name = "/io/jenkins/plugins/gitproviders/core/client/" + hostAndFile;
        try (InputStream in = RecordedApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("No test resource " + name + " (core's tests jar)");
            }
            return in.readAllBytes();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // Read the whole request, so that the client can send its next one on the same connection.
            exchange.getRequestBody().readAllBytes();
            String route =
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
            Answer answer = routes.get(route);
            if (answer == null) {
                answer = new Answer(
                        404,
                        JSON,
                        ("{\"message\":\"Not Found: no route for " + route + "\"}").getBytes(StandardCharsets.UTF_8));
            }
            answer.headers.forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(answer.status, answer.body.length == 0 ? -1 : answer.body.length);
            exchange.getResponseBody().write(answer.body);
        }
    }
}
