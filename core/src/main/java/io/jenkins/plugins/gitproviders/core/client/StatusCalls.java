package io.jenkins.plugins.gitproviders.core.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.gitproviders.core.client.http.ApiResponse;
import io.jenkins.plugins.gitproviders.core.client.http.Authorization;
import io.jenkins.plugins.gitproviders.core.client.http.HttpGateway;
import io.jenkins.plugins.gitproviders.core.client.http.HttpProblem;
import io.jenkins.plugins.gitproviders.core.client.http.RateLimit;
import io.jenkins.plugins.gitproviders.core.client.http.Session;
import io.jenkins.plugins.gitproviders.core.client.library.Budget;
import io.jenkins.plugins.gitproviders.core.client.library.Network;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.status.HostAnswer;
import io.jenkins.plugins.gitproviders.core.status.StatusDiagnosis;
import io.jenkins.plugins.gitproviders.core.status.StatusException;
import io.jenkins.plugins.gitproviders.core.status.StatusFailure;
import io.jenkins.plugins.gitproviders.core.status.StatusTarget;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Shares the steps of the status reporters that send through a
 * {@link io.jenkins.plugins.gitproviders.core.client.http.Session}: JSON bodies, whether an answer is a success, what a
 * refusal says, and failures without the secret.
 */
public final class StatusCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The headers a diagnosis reads; others are not kept. */
    private static final List<String> READ_HEADERS = List.of("X-OAuth-Scopes", "X-Accepted-GitHub-Permissions",
            "X-RateLimit-Remaining", "RateLimit-Remaining", "Retry-After");

    private StatusCalls() {}

    /** Starts an empty JSON object. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Serializes a JSON body. */
    public static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings always serializes", e);
        }
    }

    /**
     * Tells whether the host took the status: a 2xx answer, except 203, which Azure DevOps sends with a sign-in page
     * instead of refusing the token.
     */
    public static boolean accepted(ApiResponse response) {
        return response.isSuccess() && response.status() != 203;
    }

    /** Reads a refusal: status, message, machine-readable error name, the headers a diagnosis needs, rate limit. */
    public static HostAnswer answer(ApiResponse response, Clock clock) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : READ_HEADERS) {
            response.header(name).ifPresent(value -> headers.put(name, List.of(value)));
        }
        JsonNode body = response.json().orElse(null);
        String code = "";
        if (body != null && body.isObject()) {
            JsonNode first = body.path("errors").path(0);
            code = first.path("exceptionName").isTextual() ? first.get("exceptionName").asText()
                    : body.path("typeKey").isTextual() ? body.get("typeKey").asText()
                    : body.path("error").isTextual() ? body.get("error").asText() : "";
        }
        return new HostAnswer(response.status(), response.errorMessage().orElse(""), code, headers,
                RateLimit.of(response, clock).map(RateLimit::reset).orElse(null));
    }

    /**
     * Posts one status as JSON to the provider's API, in one request: done when the host took it, otherwise the
     * diagnosis, with the credential blanked out of every text.
     */
    public static void post(HttpGateway gateway, ProviderSpec provider, StatusTarget target, Authorization authorization,
            String path, ObjectNode body) throws StatusException {
        try {
            Session session = gateway.open(provider.effectiveApiUrl().orElse(""), authorization);
            ApiResponse response = session.postJson(path, bytes(body));
            if (!accepted(response)) {
                throw refused(provider, target, response, gateway.clock(), authorization);
            }
        } catch (HttpProblem problem) {
            throw unanswered(provider, target, problem, authorization);
        }
    }

    /** Diagnoses a refusal, with the credential blanked out of every text. */
    public static StatusException refused(ProviderSpec provider, StatusTarget target, ApiResponse response,
            Clock clock, Authorization authorization) {
        return scrubbed(StatusDiagnosis.diagnose(provider, target, answer(response, clock)), authorization);
    }

    /** Describes a request that got no usable answer, from the network layer's problem. */
    public static StatusException unanswered(ProviderSpec provider, StatusTarget target, HttpProblem problem,
            Authorization authorization) {
        if (problem.kind() == HttpProblem.Kind.RATE_LIMITED) {
            StatusFailure failure = new StatusFailure(StatusFailure.Kind.RATE_LIMITED, 429, problem.getMessage(),
                    "It is retried after the limit resets; if this happens often, give Jenkins a token of its own.",
                    problem.rateLimit().map(RateLimit::reset).orElse(null));
            return scrubbed(failure, authorization);
        }
        StatusFailure.Kind kind = switch (problem.kind()) {
            case TIMEOUT, BUDGET_SPENT -> StatusFailure.Kind.TIMEOUT;
            case DNS, CONNECTION_REFUSED, NETWORK -> StatusFailure.Kind.UNREACHABLE;
            case INVALID_URL -> StatusFailure.Kind.INVALID_REQUEST;
            default -> StatusFailure.Kind.MISCONFIGURED;
        };
        return scrubbed(StatusDiagnosis.noAnswer(provider, target, kind, problem.getMessage(), problem.fix()),
                authorization);
    }

    /**
     * Returns the repository's path segments when there are as many as the host's paths have, or refuses the target
     * before anything is sent.
     */
    public static List<String> segments(ProviderSpec provider, StatusTarget target, int count) throws StatusException {
        if (target.repository().size() != count) {
            throw new StatusException(new StatusFailure(StatusFailure.Kind.INVALID_REQUEST, 0, "Build status not"
                    + " reported: '" + target.repositoryPath() + "' is not a " + provider.type().displayName()
                    + " repository path (" + count + " segments expected).", "Name the repository as the checkout"
                    + " step does.", null));
        }
        return target.repository();
    }

    /**
     * Describes a library call that got no answer from the host: a TLS failure is a misconfiguration, a spent budget
     * or timeout a timeout, anything else an unreachable host.
     */
    public static StatusFailure unreachable(ProviderSpec provider, StatusTarget target, Throwable failure,
            String hostName, HttpSettings settings) {
        String[] described = Network.describeFailure(failure, hostName, provider.effectiveApiUrl().orElse(""),
                settings, "");
        StatusFailure.Kind kind = Network.cause(failure, SSLException.class) != null
                ? StatusFailure.Kind.MISCONFIGURED
                : Network.cause(failure, Budget.BudgetExceededException.class) != null
                        || Network.cause(failure, HttpTimeoutException.class) != null
                        || Network.cause(failure, SocketTimeoutException.class) != null
                        ? StatusFailure.Kind.TIMEOUT : StatusFailure.Kind.UNREACHABLE;
        return StatusDiagnosis.noAnswer(provider, target, kind, described[0], described[1]);
    }

    /** Blanks the secret out of a failure's texts (library clients, which know the secret but no Authorization). */
    public static StatusException redacted(StatusFailure failure, String secret) {
        return new StatusException(new StatusFailure(failure.kind(), failure.httpStatus(),
                Network.redact(failure.message(), secret), Network.redact(failure.fix(), secret), failure.retryAt()));
    }

    /** Blanks every form of the credential out of a failure's texts. */
    public static StatusException scrubbed(StatusFailure failure, Authorization authorization) {
        return new StatusException(new StatusFailure(failure.kind(), failure.httpStatus(),
                authorization.scrub(failure.message()), authorization.scrub(failure.fix()), failure.retryAt()));
    }
}
