package io.jenkins.plugins.gitproviders.core.status;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds what a host answered to a status request that did not succeed, as {@link StatusDiagnosis} reads it.
 *
 * @param status    the HTTP status
 * @param message   the host's error message, one line and shortened, or empty
 * @param errorCode the host's machine-readable error name, when it sends one (Bitbucket Data Center
 *                  {@code exceptionName}, GitLab {@code error}, Azure DevOps {@code typeKey}), or empty
 * @param headers   the response headers
 * @param retryAt   when the host's rate limit allows the next request, if it said so
 */
public record HostAnswer(int status, String message, String errorCode, Map<String, List<String>> headers,
                         @CheckForNull Instant retryAt) {
    public HostAnswer {
        message = StatusTexts.cut(StatusTexts.oneLine(Objects.requireNonNullElse(message, "")), 300);
        errorCode = StatusTexts.cut(StatusTexts.oneLine(Objects.requireNonNullElse(errorCode, "")), 100);
        headers = Map.copyOf(headers);
    }

    /** Returns the first value of a header, ignoring the case of its name. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst();
    }
}
