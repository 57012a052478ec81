package org.calibrate.tools;

import org.calibrate.anonymise.boundary.AnonymiseCommand;
import org.calibrate.stats.boundary.StatsCommand;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/** Main class of calibrate-tools.jar: {@code Tools <command> ...} runs one of the framework-free cores as a batch command. */
public final class Tools {

    /** The shape every command has, so that commands can be tested without a process. */
    @FunctionalInterface
    interface Command {
        int run(String[] args, InputStream in, PrintStream out, PrintStream err);
    }

    /** One line per command. */
    static final Map<String, Command> COMMANDS = new TreeMap<>(Map.of(
            "anonymise", AnonymiseCommand::run,
            "stats", StatsCommand::run));

    private Tools() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
            if (args.length > 0 && !args[0].equals("--help")) err.println("unknown command: " + args[0]);
            err.println("usage: java -jar calibrate-tools.jar <command> [options]");
            err.println("commands: " + String.join(", ", COMMANDS.keySet()) + " (each prints its own usage with --help)");
            return 2;
        }
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        return COMMANDS.get(args[0]).run(rest, in, out, err);
    }
}
