package io.jenkins.plugins.gitproviders.core.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.gitproviders.core.client.StatusWords;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds one answer of a host: status, headers, the (capped) body and the path it answered, with helpers to read
 * JSON and the error message hosts put into their error envelopes.
 */
public final class ApiResponse {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final URI uri;
    @CheckForNull
    private JsonNode json;
    private boolean parsed;

    public ApiResponse(int status, Map<String, List<String>> headers, byte[] body, URI uri) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body.clone();
        this.uri = uri;
    }

    public int status() {
        return status;
    }

    /** Tells whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Returns the address that answered (without credentials, which never go into URLs). */
    public URI uri() {
        return uri;
    }

    /** Returns the first value of a header, ignoring the case of its name. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst();
    }

    /** Returns the body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Returns the body parsed as JSON, or empty when it is empty or not JSON. */
    public synchronized Optional<JsonNode> json() {
        if (!parsed) {
            parsed = true;
            try {
                json = body.length == 0 ? null : MAPPER.readTree(body);
            } catch (IOException e) {
                json = null;
            }
        }
        return Optional.ofNullable(json);
    }

    /**
     * Returns the body as JSON, or fails with a message saying what came instead: a sign-in page or a web page
     * usually means the server URL points at the web interface or a proxy, not the API.
     */
    public JsonNode requireJson(String productName) throws HttpProblem {
        Optional<JsonNode> node = json();
        if (node.isPresent() && (node.get().isObject() || node.get().isArray())) {
            return node.get();
        }
        // Neither the body nor its content type is shown: a diagnosis must not read out another service.
        throw new HttpProblem(HttpProblem.Kind.UNEXPECTED_ANSWER,
                uri.getHost() + " answered " + uri.getPath() + " with " + StatusWords.answer(status)
                        + " that is not JSON: this is not a " + productName + " API, or a sign-in page or proxy"
                        + " answered instead.",
                "Check the server URL (it must be the " + productName + " address, not a web page or proxy"
                        + " login) and that the token is accepted.");
    }

    /**
     * Returns the error message of the hosts' usual envelopes ({@code {"message"}}, {@code {"error":{"message"}}},
     * {@code {"errors":[{"message"}]}}, {@code {"error":"..."}}), shortened; empty when there is none. Use it only to
     * recognise a known answer and never show it: a diagnosis must not read out what another service answers.
     */
    public Optional<String> errorMessage() {
        JsonNode node = json().orElse(null);
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        String message = null;
        if (node.path("message").isTextual()) {
            message = node.get("message").asText();
        } else if (node.path("error").path("message").isTextual()) {
            message = node.get("error").get("message").asText();
        } else if (node.path("errors").isArray() && node.get("errors").size() > 0) {
            JsonNode first = node.get("errors").get(0);
            message = first.path("message").isTextual() ? first.get("message").asText() : first.asText();
        } else if (node.path("error").isTextual()) {
            message = node.get("error").asText();
        }
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return Optional.of(oneLine.length() > MAX_MESSAGE ? oneLine.substring(0, MAX_MESSAGE) + "…" : oneLine);
    }

    @Override
    public String toString() {
        return "ApiResponse[" + status + " " + uri.getPath() + "]";
    }
}
