package io.netfilterflow.cli;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.trace.Trace;
import io.netfilterflow.verify.Comparison;
import io.netfilterflow.verify.KernelTraceText;
import io.netfilterflow.verify.SideBySide;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code compare SCENARIO.json TRACEFILE}: simulates the scenario and sets a kernel trace someone recorded beside
 * it ({@code nft monitor trace} output, or the kernel log's TRACE lines, told apart by their lines), as
 * {@code verify} does with the trace it records itself. Exit 0 identical, 1 different, 2 bad input.
 */
final class CompareCommand implements Cli.Command {

    /** Lines of text read from TRACEFILE, at most; a day of a busy kernel log is fewer. */
    static final int MAX_LINES = 2_000_000;
    /** Simulated lines times kernel lines: the alignment's table (4 bytes each). */
    static final long MAX_PAIRS = 64_000_000;

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 2 || args.stream().anyMatch(arg -> arg.startsWith("--"))) {
            err.println("compare: which scenario and which trace file? compare SCENARIO.json TRACEFILE");
            return Cli.usage(err, Cli.USAGE);
        }
        String file = args.get(0);
        String traceFile = args.get(1);
        ScenarioFiles.Run run = ScenarioFiles.run(file, err);
        String text = run == null ? null : ScenarioFiles.read(traceFile, err);
        if (text == null) {
            return Cli.INVALID_INPUT;
        }
        Scenario scenario = run.scenario();
        Trace trace = run.trace();
        Comparison comparison;
        try {
            comparison = Comparison.of(trace, KernelTraceText.read(text, scenario.host().iptables(), MAX_LINES),
                    MAX_PAIRS);
        } catch (KernelTraceText.Refused e) {
            err.println(traceFile + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage());
            return Cli.INVALID_INPUT;
        }
        print(comparison, traceFile, out);
        return comparison.identical() ? Cli.OK : VerifyCommand.DIFFERENT;
    }

    private static void print(Comparison comparison, String traceFile, PrintStream out) {
        KernelTraceText.Read read = comparison.read();
        out.print(comparison.diff());
        if (read.skipped() > 0) {
            out.println(traceFile + ": " + read.skipped() + " lines that are not trace lines skipped (lines "
                    + String.join(", ", read.skippedLines().stream().map(String::valueOf).toList())
                    + (read.skipped() > read.skippedLines().size() ? ", ..." : "") + ")");
        }
        comparison.leftOut().stream().sorted().forEach(table -> out.println(traceFile + ": left out " + table
                + ", the table that turns tracing on (meta nftrace set 1)"));
        int first = comparison.firstDivergence();
        if (first < 0) {
            out.println("identical: " + comparison.kernel().size() + " lines, the kernel (" + read.format().label()
                    + ") and the simulator agree");
            return;
        }
        SideBySide.Pair row = comparison.rows().get(first);
        out.println("first difference, row " + (first + 1) + ":");
        out.println("  simulator: " + (row.left() < 0 ? "(no line)" : comparison.simulated().get(row.left())));
        out.println("  kernel:    " + (row.right() < 0 ? "(no line)" : comparison.kernel().get(row.right())
                + "  (" + traceFile + ":" + comparison.kernelSources().get(row.right()) + ")"));
        out.println("different: " + comparison.simulated().size() + " simulated lines, " + comparison.kernel().size()
                + " from the kernel (" + read.format().label() + "), " + comparison.inCommon() + " in common");
    }
}
