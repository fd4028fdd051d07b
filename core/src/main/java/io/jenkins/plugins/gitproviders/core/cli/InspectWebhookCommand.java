package io.jenkins.plugins.gitproviders.core.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Placeholder until the InspectWebhook command is implemented on its branch. */
final class InspectWebhookCommand implements Command {
    @Override
    public String usage() {
        return "InspectWebhook";
    }

    @Override
    public int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        err.println("not implemented yet");
        return 2;
    }
}
