package io.netfilterflow.verify;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.trace.ConformanceFormat;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.Trace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A simulation set beside a kernel trace someone recorded: the two in the conformance format, aligned as
 * {@code verify} aligns them ({@link SideBySide}), each kernel line with the simulated step it is (where it
 * matches, or is the same chain with another verdict) and the first row where they part. Lines of a table that
 * only turns tracing on ({@code meta nftrace set 1}) and that the scenario does not have are left out.
 */
public record Comparison(Trace trace, List<Step> steps, List<String> simulated, KernelTraceText.Read read, List<String> kernel,
                         List<Integer> kernelSources, List<SideBySide.Pair> rows, Set<String> leftOut) {

    public Comparison {
        steps = List.copyOf(steps);
        simulated = List.copyOf(simulated);
        kernel = List.copyOf(kernel);
        kernelSources = List.copyOf(kernelSources);
        rows = List.copyOf(rows);
        leftOut = Set.copyOf(leftOut);
    }

    /**
     * Aligns the trace's lines with the run's; {@code maxCells} bounds the alignment's table (simulated lines
     * times kernel lines).
     *
     * @throws KernelTraceText.Refused the table would be larger
     */
    public static Comparison of(Trace trace, KernelTraceText.Read read, long maxCells) {
        List<Step> steps = ConformanceFormat.steps(trace);
        List<String> simulated = steps.stream().map(ConformanceFormat::line).toList();
        Set<String> simulatedTables = new HashSet<>();
        simulated.forEach(line -> simulatedTables.add(table(line)));
        List<String> kernel = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        Set<String> leftOut = new HashSet<>();
        for (int i = 0; i < read.lines().size(); i++) {
            String table = table(read.lines().get(i));
            if (read.tracingTables().contains(table) && !simulatedTables.contains(table)) {
                leftOut.add(table);
            } else {
                kernel.add(read.lines().get(i));
                sources.add(read.sourceLines().get(i));
            }
        }
        if ((long) simulated.size() * kernel.size() > maxCells) {
            throw new KernelTraceText.Refused(0, Problem.of("api.trace.too-many-pairs", simulated.size(),
                    kernel.size(), maxCells));
        }
        List<SideBySide.Pair> rows = SideBySide.align(comparable(simulated), comparable(kernel));
        return new Comparison(trace, steps, simulated, read, kernel, sources, rows, leftOut);
    }

    public boolean identical() {
        return rows.stream().allMatch(SideBySide.Pair::same);
    }

    /** The first row where the two part, or -1. */
    public int firstDivergence() {
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).same()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The simulated step a kernel line stands beside: its row's partner, else the nearest step before it on the
     * same chain (a chain the kernel went through and the simulation did not decide in); null when none is.
     */
    public Step stepNear(int kernelIndex) {
        int row = 0;
        while (row < rows.size() && rows.get(row).right() != kernelIndex) {
            row++;
        }
        if (row == rows.size()) {
            return null;
        }
        if (rows.get(row).left() >= 0) {
            return steps.get(rows.get(row).left());
        }
        int seq = 0;
        for (int r = row - 1; r >= 0 && seq == 0; r--) {
            seq = rows.get(r).left() >= 0 ? steps.get(rows.get(r).left()).seq() : 0;
        }
        String chain = SideBySide.chain(kernel.get(kernelIndex));
        Step near = null;
        for (Step step : trace.steps()) {
            if (step.stage() != null && step.stage().table() != null && step.stage().chainName().equals(chain)
                    && (near == null || Math.abs(step.seq() - seq) < Math.abs(near.seq() - seq))) {
                near = step;
            }
        }
        return near;
    }

    /** Whether the simulated line at this index has the same line in the kernel's trace. */
    public boolean simulatedMatches(int index) {
        return rows.stream().anyMatch(row -> row.left() == index && row.same());
    }

    /** Whether the kernel line at this index has the same line in the simulation. */
    public boolean kernelMatches(int index) {
        return rows.stream().anyMatch(row -> row.right() == index && row.same());
    }

    /** The diff as {@code verify} prints it. */
    public String diff() {
        return SideBySide.render(comparable(simulated), comparable(kernel));
    }

    public int inCommon() {
        return (int) rows.stream().filter(SideBySide.Pair::same).count();
    }

    static List<String> comparable(List<String> lines) {
        return lines.stream().map(ConformanceFormat::comparable).toList();
    }

    /** {@code ip filter}: the family and table a line is about. */
    private static String table(String line) {
        String[] words = line.split(" ", 3);
        return words.length < 2 ? line : words[0] + " " + words[1];
    }
}
