package io.jenkins.plugins.gitproviders.core.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.routing.DeliveryDeduplicator;
import io.jenkins.plugins.gitproviders.core.routing.JobIndex;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEvent;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEventJson;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookHandler;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays a saved webhook delivery through Jenkins' own {@link WebhookHandler}, with the one provider of the provider
 * file and no jobs, and prints the answer Jenkins would give (the same status and body), the reason Jenkins records,
 * and every event of the delivery. Secrets come from environment variables or files only, never from arguments,
 * which other users of the machine can read in the process list; they are never printed.
 */
final class InspectWebhookCommand implements Command {
    /** The environment variable read for the secret when no {@code --secret-env} or {@code --secret-file} is given. */
    static final String DEFAULT_SECRET_ENV = "GIT_PROVIDERS_WEBHOOK_SECRET";

    private static final long MAX_HEADERS = 256 * 1024;
    private static final long MAX_SECRET_FILE = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String usage() {
        return "inspect-webhook --provider FILE.json --headers FILE --body FILE [--secret-env NAME]"
                + " [--secret-file PATH]   replay a saved webhook delivery as Jenkins answers it (secret from $"
                + DEFAULT_SECRET_ENV + " by default; exit 0 accepted, 1 refused or malformed)";
    }

    @Override
    public int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Usage: " + usage());
            return 2;
        }
        ProviderSpec provider;
        HeadersFile headers;
        long bodySize;
        try {
            provider = ProviderFile.read(options.provider);
            if (Files.size(options.headers) > MAX_HEADERS) {
                throw new IOException(options.headers + ": a headers file is at most 256 KiB");
            }
            headers = HeadersFile.parse(Files.readString(options.headers, StandardCharsets.UTF_8));
            bodySize = Files.size(options.body);
        } catch (IOException e) {
            err.println(e.getMessage());
            return 2;
        }
        headers.skipped().forEach(note -> err.println(options.headers + ": " + note));
        ProviderSpec replayed = withSecretIds(provider, options.secrets.size());
        WebhookHandler handler = new WebhookHandler(List.of(replayed), spec -> options.secrets, new JobIndex(),
                new DeliveryDeduplicator(), Clock.systemUTC());
        // The body file's size is the length the host declared: Jenkins decides on it before reading, as here.
        Map<String, List<String>> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        requestHeaders.putAll(headers.headers());
        requestHeaders.put("Content-Length", List.of(Long.toString(bodySize)));
        WebhookResponse response;
        try (InputStream body = Files.newInputStream(options.body)) {
            response = handler.handle("POST", requestHeaders, Map.of(), body, null);
        } catch (IOException e) {
            err.println(options.body + ": cannot read the body (" + e.getMessage() + ")");
            return 2;
        }
        out.println(WebhookEventJson.write(report(provider, options.secrets.isEmpty(), response), true));
        return response.successful() ? 0 : 1;
    }

    /**
     * Names the secrets given on the command line as the provider's webhook secrets: Jenkins refuses every delivery
     * for a provider without one, and the provider file holds credential IDs at most, never the secrets.
     */
    private static ProviderSpec withSecretIds(ProviderSpec provider, int secrets) {
        if (secrets == 0 || !provider.webhookSecretCredentialsIds().isEmpty()) {
            return provider;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= secrets; i++) {
            ids.add("command-line secret " + i);
        }
        return provider.toBuilder().webhookSecretCredentialsIds(ids).build();
    }

    private static ObjectNode report(ProviderSpec provider, boolean noSecret, WebhookResponse response) {
        ObjectNode report = MAPPER.createObjectNode();
        report.put("outcome", response.successful() ? "accepted" : response.status() == 400 ? "malformed"
                : "refused");
        report.put("status", response.status());
        report.put("message", response.message());
        String detail = response.detail();
        if (noSecret && !response.verified()) {
            detail = response.fullMessage() + "; no secret was given: pass it with --secret-env NAME or"
                    + " --secret-file PATH";
        }
        if (detail != null) {
            report.put("detail", detail);
        }
        report.put("provider", provider.name());
        report.put("providerType", provider.type().id());
        try {
            report.set("answer", MAPPER.readTree(response.json()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The handler's answer is always JSON", e);
        }
        ArrayNode events = report.putArray("events");
        for (WebhookEvent event : response.events()) {
            events.add(WebhookEventJson.toNode(event));
        }
        return report;
    }

    /** The command's arguments, checked. */
    private static final class Options {
        Path provider;
        Path headers;
        Path body;
        final List<byte[]> secrets = new ArrayList<>();

        static Options parse(List<String> args, Map<String, String> env) {
            Options options = new Options();
            boolean secretNamed = false;
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                if (option.equals("--secret") || option.startsWith("--secret=")) {
                    // Never echo the value: it is the secret itself.
                    throw new IllegalArgumentException("--secret is not accepted: secrets are never taken from"
                            + " arguments, which other users see in the process list; put the secret into an"
                            + " environment variable (--secret-env NAME, default " + DEFAULT_SECRET_ENV + ") or a file"
                            + " (--secret-file PATH)");
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("Option " + option + " needs a value");
                }
                String value = args.get(++i);
                switch (option) {
                    case "--provider" -> options.provider = Paths.get(value);
                    case "--headers" -> options.headers = Paths.get(value);
                    case "--body" -> options.body = Paths.get(value);
                    case "--secret-env" -> {
                        options.secrets.add(fromEnvironment(env, value));
                        secretNamed = true;
                    }
                    case "--secret-file" -> {
                        options.secrets.add(fromFile(Paths.get(value)));
                        secretNamed = true;
                    }
                    default -> throw new IllegalArgumentException("Unknown option "
                            + (option.startsWith("-") ? option : "(a value)"));
                }
            }
            if (options.provider == null || options.headers == null || options.body == null) {
                throw new IllegalArgumentException("--provider, --headers and --body are required");
            }
            String fallback = env.get(DEFAULT_SECRET_ENV);
            if (!secretNamed && fallback != null && !fallback.isEmpty()) {
                options.secrets.add(fallback.getBytes(StandardCharsets.UTF_8));
            }
            return options;
        }

        private static byte[] fromEnvironment(Map<String, String> env, String name) {
            String secret = env.get(name);
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("Environment variable " + name + " is not set or empty");
            }
            return secret.getBytes(StandardCharsets.UTF_8);
        }

        /** Reads a secret file, dropping one line ending at its end as editors add one. */
        private static byte[] fromFile(Path file) {
            try {
                if (Files.size(file) > MAX_SECRET_FILE) {
                    throw new IllegalArgumentException(file + ": a secret file is at most 64 KiB");
                }
                String secret = Files.readString(file, StandardCharsets.UTF_8);
                if (secret.endsWith("\n")) {
                    secret = secret.substring(0, secret.length() - (secret.endsWith("\r\n") ? 2 : 1));
                }
                if (secret.isEmpty()) {
                    throw new IllegalArgumentException(file + ": the secret file is empty");
                }
                return secret.getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": cannot read the secret file (" + e.getMessage() + ")",
                        e);
            }
        }
    }
}
