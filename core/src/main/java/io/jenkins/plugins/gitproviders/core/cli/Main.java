package io.jenkins.plugins.gitproviders.core.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dispatches {@code java -jar git-providers-core-<version>.jar <command> ...} to its command.
 */
public final class Main {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main() {
        commands.put("diagnose", new DiagnoseCommand());
        commands.put("inspect-webhook", new InspectWebhookCommand());
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Main().run(Arrays.asList(args), System.getenv(), out, err));
    }

    int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.isEmpty() || "help".equals(args.get(0)) || "--help".equals(args.get(0))) {
            printUsage(args.isEmpty() ? err : out);
            return args.isEmpty() ? 2 : 0;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println("Unknown command '" + args.get(0) + "'.");
            printUsage(err);
            return 2;
        }
        return command.run(args.subList(1, args.size()), env, out, err);
    }

    private void printUsage(PrintStream stream) {
        stream.println("Usage: java -jar git-providers-core.jar <command> [options]");
        stream.println("Commands:");
        commands.values().forEach(command -> stream.println("  " + command.usage()));
    }
}
