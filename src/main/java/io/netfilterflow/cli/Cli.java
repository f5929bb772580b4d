package io.netfilterflow.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The sub-commands of {@code java -jar netfilter-flow.jar COMMAND ...}; none starts Spring. */
public final class Cli {

    /** A sub-command: runs with its arguments and returns the process exit code. */
    interface Command {
        int run(List<String> args, PrintStream out, PrintStream err);
    }

    public static final int OK = 0;
    public static final int USAGE = 64;
    public static final int INVALID_INPUT = 2;

    /** The command of this name, or null; made only when asked for, so a run loads no other command's classes. */
    private static Command command(String name) {
        return switch (name) {
            case "check" -> new CheckCommand(false);
            case "print" -> new CheckCommand(true);
            case "bench" -> new BenchCommand();
            case "trace" -> new TraceCommand();
            case "verify" -> new VerifyCommand();
            case "compare" -> new CompareCommand();
            case "load" -> new LoadCommand();
            case "live-bench" -> new LiveBenchCommand();
            case "import" -> new ImportCommand();
            case "help" -> (args, out, err) -> usage(out, OK);
            default -> null;
        };
    }

    private Cli() {
    }

    /** A command, a mistyped one, or help: anything but a Spring option ({@code --server.port=...}). */
    public static boolean isCommand(String word) {
        return !word.startsWith("--") || word.equals("--help");
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        if (argv[0].equals("--help") || argv[0].equals("-h")) {
            return usage(out, OK);
        }
        Command command = command(argv[0]);
        if (command == null) {
            err.println("netfilter-flow: unknown command '" + argv[0] + "'");
            return usage(err, USAGE);
        }
        try {
            return command.run(Arrays.asList(argv).subList(1, argv.length), out, err);
        } catch (RuntimeException e) {
            // never a stack trace for the user; this is a bug of ours, said plainly
            err.println("netfilter-flow: internal error: " + e);
            return 70;
        } catch (StackOverflowError | OutOfMemoryError e) {
            err.println("netfilter-flow: internal error: " + e);
            return 70;
        }
    }

    static int usage(PrintStream out, int code) {
        out.println("""
                usage: java -jar netfilter-flow.jar [COMMAND ARGS...]
                  (no command)                     start the web app on http://localhost:8080/
                  check RULES_FILE [--ebtables]    read an iptables-save (or ebtables-save) dump and summarize it
                  check RULES_FILE --nft           read 'nft [-j] list ruleset' output (found without --nft too), summarize it
                  print RULES_FILE [--ebtables]    print it back in canonical iptables-save (ebtables-save) form
                  print RULES_FILE --nft           print nft output back as 'nft list ruleset' prints it
                  trace SCENARIO.json [--format text|json|conformance] [--lang en|ko|zh-Hans|zh-Hant]
                                                   simulate the scenario's packets, hop by hop
                  verify SCENARIO.json [--record FILE]
                                                   replay it on this machine's kernel (Linux, root) and
                                                   diff the kernel's trace with the simulator's
                  import SNAPSHOT.json             turn a host snapshot (capture.sh) into a scenario on
                                                   stdout; what it could not carry over on stderr
                  compare SCENARIO.json TRACEFILE  diff a trace recorded on a real host ('nft monitor trace'
                                                   output, or kernel log TRACE lines) with the simulation
                  bench [--rulesets DIR]           measure parser and simulator speed
                  bench --whole-process [--rounds N]
                                                   time check and trace as whole processes, beside
                                                   iptables-nft-restore --test on the same dumps
                  load [--url URL] [--streams N] [--scenario FILE]
                                                   open N hop streams at once against a running server
                                                   and print p50/p95 time to first hop and errors
                  load --stalled N | --dropped N [--pid PID] [--url URL]
                                                   N clients that never read a large stream, or leave
                                                   after its first hop: a normal stream beside them and
                                                   the server's heap (jcmd PID) before and after
                  live-bench [--students N] [--steps N] [--db-url URL --db-user U --db-password P]
                                                   two servers on one PostgreSQL, a presenter and N
                                                   students: p50/p95 step delay, then SIGKILL of one
                  help                             this text""");
        return code;
    }
}
