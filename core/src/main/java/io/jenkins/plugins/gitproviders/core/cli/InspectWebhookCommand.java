package io.jenkins.plugins.gitproviders.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import io.jenkins.plugins.gitproviders.core.webhook.BodyReader;
import io.jenkins.plugins.gitproviders.core.webhook.BodyTooLargeException;
import io.jenkins.plugins.gitproviders.core.webhook.EventKind;
import io.jenkins.plugins.gitproviders.core.webhook.HostDetector;
import io.jenkins.plugins.gitproviders.core.webhook.ParseResult;
import io.jenkins.plugins.gitproviders.core.webhook.SignatureVerifier;
import io.jenkins.plugins.gitproviders.core.webhook.Verification;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookDelivery;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookEventJson;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookFormat;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookParser;
import io.jenkins.plugins.gitproviders.core.webhook.WebhookParsers;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays a saved webhook delivery through the same detection, verification and parsing as Jenkins, and prints the
 * outcome with the normalised event as JSON. Fails closed like Jenkins: without a secret the delivery is refused.
 * Secrets are never printed.
 */
final class InspectWebhookCommand implements Command {
    private static final long MAX_HEADERS = 256 * 1024;
    private static final long MAX_SECRET_FILE = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String usage() {
        return "inspect-webhook --provider FILE.json --headers FILE --body FILE [--secret-env NAME]"
                + " [--secret-file FILE]"
                + "   replay a saved webhook delivery (exit 0 accepted, 1 refused or malformed)";
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
        try {
            provider = ProviderFile.read(options.provider);
            if (Files.size(options.headers) > MAX_HEADERS) {
                throw new IOException(options.headers + ": a headers file is at most 256 KiB");
            }
            headers = HeadersFile.parse(Files.readString(options.headers, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println(e.getMessage());
            return 2;
        }
        headers.skipped().forEach(note -> err.println(options.headers + ": " + note));
        ObjectNode report = MAPPER.createObjectNode();
        report.put("provider", provider.name());
        report.put("providerType", provider.type().id());
        byte[] body;
        try (InputStream in = Files.newInputStream(options.body)) {
            body = BodyReader.read(in, BodyReader.MAX_BODY);
        } catch (BodyTooLargeException e) {
            return finish(report.put("format", (String) null), 413, "refused", e.getMessage(), out);
        } catch (IOException e) {
            err.println(options.body + ": cannot read the body (" + e.getMessage() + ")");
            return 2;
        }
        WebhookDelivery delivery = new WebhookDelivery("POST", headers.headers(), Map.of(), body);
        return inspect(provider, options.secrets, delivery, report, out);
    }

    private static int inspect(
            ProviderSpec provider, List<byte[]> secrets, WebhookDelivery delivery, ObjectNode report,
            PrintStream out) {
        WebhookFormat expected = WebhookFormat.of(provider.type());
        Optional<WebhookFormat> detected = HostDetector.detect(delivery);
        report.put("format", detected.map(Enum::name).orElse(null));
        if (detected.isEmpty()) {
            return finish(report, 400, "refused", "No known host's headers were found (X-GitHub-Event,"
                    + " X-Gitlab-Event, X-Event-Key, X-Gitea-Event, or an Azure DevOps body); check the headers"
                    + " file", out);
        }
        if (detected.get() != expected) {
            return finish(report, 400, "refused", "The delivery comes from a " + detected.get() + " host, but"
                    + " provider '" + provider.name() + "' is of type " + provider.type().id()
                    + "; point the webhook at the right provider", out);
        }
        if (!provider.active()) {
            return finish(report, 409, "refused", "Provider '" + provider.name() + "' is inactive; Jenkins refuses"
                    + " its deliveries until it is activated", out);
        }
        Verification verification = SignatureVerifier.verify(expected, delivery, secrets);
        ObjectNode verified = report.putObject("verification");
        verified.put("outcome", verification.outcome().name());
        String message = verification.message();
        if (verification.outcome() == Verification.Outcome.NO_SECRET_CONFIGURED
                && !provider.webhookSecretCredentialsIds().isEmpty()) {
            message += " The provider names the secret credential(s) " + provider.webhookSecretCredentialsIds()
                    + "; pass their value with --secret-env NAME.";
        }
        verified.put("message", message);
        Optional<WebhookParser> parser = WebhookParsers.forFormat(expected);
        ParseResult parsed = parser.map(p -> p.parse(delivery)).orElse(null);
        if (parsed != null) {
            ObjectNode parse = report.putObject("parse");
            parse.put("outcome", parsed.outcome().name());
            parse.put("reason", parsed.reason());
            parsed.eventValue().ifPresent(event -> report.set("event", WebhookEventJson.toNode(event)));
        }
        if (!verification.accepted()) {
            return finish(report, 401, "refused", "Jenkins would refuse this delivery (401): " + message, out);
        }
        if (parsed == null) {
            return finish(report, 501, "refused", "This build has no parser for " + expected + " deliveries", out);
        }
        switch (parsed.outcome()) {
            case MALFORMED:
                return finish(report, 400, "malformed", parsed.reason(), out);
            case IGNORED:
                return finish(report, 202, "ignored", parsed.reason(), out);
            default:
                boolean ping = parsed.event().kind() == EventKind.PING;
                return finish(report, ping ? 200 : 202, "accepted", ping ? "Ping received: the webhook reaches"
                        + " Jenkins and its secret matches" : "Jenkins would accept this delivery and trigger the"
                        + " jobs that watch this repository and ref", out);
        }
    }

    private static int finish(ObjectNode report, int status, String outcome, String message, PrintStream out) {
        ObjectNode ordered = MAPPER.createObjectNode();
        ordered.put("outcome", outcome);
        ordered.put("status", status);
        ordered.put("message", message);
        ordered.setAll(report);
        out.println(WebhookEventJson.write(ordered, true));
        return status >= 200 && status < 300 ? 0 : 1;
    }

    /** The command's arguments, checked. */
    private static final class Options {
        Path provider;
        Path headers;
        Path body;
        final List<byte[]> secrets = new ArrayList<>();

        static Options parse(List<String> args, Map<String, String> env) {
            Options options = new Options();
            for (int i = 0; i < args.size(); i++) {
                String option = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("Option " + option + " needs a value");
                }
                String value = args.get(++i);
                switch (option) {
                    case "--provider":
                        options.provider = Paths.get(value);
                        break;
                    case "--headers":
                        options.headers = Paths.get(value);
                        break;
                    case "--body":
                        options.body = Paths.get(value);
                        break;
                    case "--secret":
                        // Arguments end up in the process list and the shell history; the value is not repeated.
                        throw new IllegalArgumentException("--secret is not accepted: a secret on the command line is"
                                + " visible to other users in the process list and stays in the shell history. Put"
                                + " it into an environment variable (--secret-env NAME) or a file (--secret-file"
                                + " FILE).");
                    case "--secret-file":
                        options.secrets.add(readSecretFile(Paths.get(value)));
                        break;
                    case "--secret-env":
                        String secret = env.get(value);
                        if (secret == null || secret.isEmpty()) {
                            throw new IllegalArgumentException("Environment variable " + value + " is not set or"
                                    + " empty");
                        }
                        options.secrets.add(secret.getBytes(StandardCharsets.UTF_8));
                        break;
                    default:
                        throw new IllegalArgumentException("Unknown option " + option);
                }
            }
            if (options.provider == null || options.headers == null || options.body == null) {
                throw new IllegalArgumentException("--provider, --headers and --body are required");
            }
            return options;
        }

        /** Reads a secret from a file, without the line break an editor or {@code echo} adds at its end. */
        private static byte[] readSecretFile(Path file) {
            try {
                if (Files.size(file) > MAX_SECRET_FILE) {
                    throw new IllegalArgumentException(file + ": a secret file is at most 64 KiB");
                }
                String secret = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\r?\\n$", "");
                if (secret.isEmpty()) {
                    throw new IllegalArgumentException(file + " is empty");
                }
                return secret.getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the secret file " + file + " ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
    }
}
