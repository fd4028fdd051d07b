package io.jenkins.plugins.gitproviders.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.gitproviders.core.client.ApiCredential;
import io.jenkins.plugins.gitproviders.core.client.Check;
import io.jenkins.plugins.gitproviders.core.client.Diagnosis;
import io.jenkins.plugins.gitproviders.core.client.HostClient;
import io.jenkins.plugins.gitproviders.core.client.HostClients;
import io.jenkins.plugins.gitproviders.core.client.HttpSettings;
import io.jenkins.plugins.gitproviders.core.model.ProviderSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code diagnose --provider FILE.json [--token-env NAME] [--username-env NAME] [--json]}: reads the token
 * from an environment variable (never from an argument, where it would end up in shell history and process lists),
 * diagnoses the provider and prints one line per check, or JSON; exits 1 when a check failed, 2 on usage errors.
 */
final class DiagnoseCommand implements Command {
    static final String DEFAULT_TOKEN_ENV = "GIT_PROVIDERS_TOKEN";

    private final HttpSettings settings;
    private final Clock clock;

    DiagnoseCommand() {
        this(HttpSettings.DEFAULT, Clock.systemUTC());
    }

    DiagnoseCommand(HttpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String usage() {
        return "diagnose --provider FILE.json [--token-env NAME] [--username-env NAME] [--json]"
                + "   (token from $" + DEFAULT_TOKEN_ENV + " by default)";
    }

    @Override
    public int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        String providerFile = null;
        String tokenEnv = DEFAULT_TOKEN_ENV;
        String usernameEnv = null;
        boolean json = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--provider", "--token-env", "--username-env" -> {
                    if (i + 1 >= args.size()) {
                        return usage(err, arg + " needs a value.");
                    }
                    String value = args.get(++i);
                    if (arg.equals("--provider")) {
                        providerFile = value;
                    } else if (arg.equals("--token-env")) {
                        tokenEnv = value;
                    } else {
                        usernameEnv = value;
                    }
                }
                case "--json" -> json = true;
                default -> {
                    if (arg.equals("--token") || arg.startsWith("--token=") || arg.equals("--password")) {
                        // Never echo the value: it may be the token itself.
                        return usage(err, "Tokens are never taken from arguments; put the token into an environment"
                                + " variable and name it with --token-env (default " + DEFAULT_TOKEN_ENV + ").");
                    }
                    return usage(err, "Unknown option '" + (arg.startsWith("-") ? arg : "(a value)") + "'.");
                }
            }
        }
        if (providerFile == null) {
            return usage(err, "--provider FILE.json is required.");
        }
        String token = env.get(tokenEnv);
        if (token == null || token.isEmpty()) {
            return usage(err, "The environment variable " + tokenEnv + " holding the token is not set.");
        }
        String username = null;
        if (usernameEnv != null) {
            username = env.get(usernameEnv);
            if (username == null || username.isEmpty()) {
                return usage(err, "The environment variable " + usernameEnv + " holding the username is not set.");
            }
        }
        ProviderSpec provider;
        try {
            provider = ProviderFile.read(Path.of(providerFile));
        } catch (IOException | RuntimeException e) {
            err.println("Cannot read the provider file: " + e.getMessage());
            return 2;
        }
        HostClient client;
        try {
            client = HostClients.create(provider.type(), settings, clock);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        ApiCredential credential = username == null ? ApiCredential.token(token.toCharArray())
                : ApiCredential.usernamePassword(username, token.toCharArray());
        Diagnosis diagnosis = client.diagnose(provider, credential);
        if (json) {
            out.println(toJson(diagnosis));
        } else {
            printText(diagnosis, out);
        }
        return diagnosis.failed() ? 1 : 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("Usage: diagnose --provider FILE.json [--token-env NAME] [--username-env NAME] [--json]");
        return 2;
    }

    private static void printText(Diagnosis diagnosis, PrintStream out) {
        out.println("Diagnosis of provider '" + diagnosis.providerName() + "': " + diagnosis.overall());
        for (Check check : diagnosis.checks()) {
            out.println(String.format("%-7s %s: %s", check.status(), check.id().title(), check.message()));
            check.fixValue().ifPresent(fix -> out.println("        fix: " + fix));
        }
    }

    private static String toJson(Diagnosis diagnosis) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("provider", diagnosis.providerName());
        root.put("overall", diagnosis.overall().name());
        root.put("tokenOwner", diagnosis.tokenOwner());
        root.put("tokenExpiry", diagnosis.expiry().map(Object::toString).orElse(null));
        root.put("finishedAt", diagnosis.finishedAt().toString());
        ArrayNode checks = root.putArray("checks");
        for (Check check : diagnosis.checks()) {
            ObjectNode node = checks.addObject();
            node.put("id", check.id().name());
            node.put("title", check.id().title());
            node.put("status", check.status().name());
            node.put("message", check.message());
            node.put("fix", check.fix());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the diagnosis as JSON", e);
        }
    }
}
