package io.jenkins.plugins.gitproviders.core.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Runs one sub-command of the command-line tool.
 */
interface Command {
    /** Returns the one-line usage shown by {@code help}. */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @param env  the process environment (tokens are read from it, never from arguments)
     * @return the process exit code: 0 success, 1 a check failed or the outcome was negative, 2 usage error
     */
    int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err);
}
