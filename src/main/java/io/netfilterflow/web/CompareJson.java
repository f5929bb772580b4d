package io.netfilterflow.web;

import io.netfilterflow.trace.Step;
import io.netfilterflow.verify.Comparison;
import io.netfilterflow.verify.KernelTraceText;
import io.netfilterflow.verify.SideBySide;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison as {@code POST /api/compare} answers it: each side's lines, whether each has its twin on the other
 * side, the simulated hop each stands at (its {@code seq} and diagram box, so the page can light the kernel's
 * path), the aligned rows and the first row where the two part (null when identical).
 */
record CompareJson(String format, boolean identical, Integer firstDivergence, int inCommon, List<Line> simulated,
                   List<Line> kernel, List<Row> rows, Skipped skipped, List<String> leftOut) {

    /**
     * One line. {@code seq}, {@code flow} and {@code node} name the simulated hop it is or stands beside;
     * {@code source} is a kernel line's line number in the text sent.
     */
    record Line(String line, boolean matches, Integer seq, Integer flow, String node, Integer source) {
    }

    /** A row of the side by side: an index into each side (null for none) and its mark ({@code = | < >}). */
    record Row(Integer simulated, String mark, Integer kernel) {
    }

    /** Lines of the text that are not trace lines: how many, and the first by number. */
    record Skipped(int count, List<Integer> lines) {
    }

    static CompareJson of(Comparison comparison) {
        List<Line> simulated = new ArrayList<>();
        for (int i = 0; i < comparison.simulated().size(); i++) {
            Step step = comparison.steps().get(i);
            simulated.add(new Line(comparison.simulated().get(i), comparison.simulatedMatches(i), step.seq(),
                    step.flow(), step.node(), null));
        }
        List<Line> kernel = new ArrayList<>();
        for (int j = 0; j < comparison.kernel().size(); j++) {
            Step step = comparison.stepNear(j);
            kernel.add(new Line(comparison.kernel().get(j), comparison.kernelMatches(j),
                    step == null ? null : step.seq(), step == null ? null : step.flow(),
                    step == null ? null : step.node(), comparison.kernelSources().get(j)));
        }
        List<Row> rows = comparison.rows().stream().map(CompareJson::row).toList();
        int first = comparison.firstDivergence();
        KernelTraceText.Read read = comparison.read();
        return new CompareJson(read.format().label(), comparison.identical(), first < 0 ? null : first,
                comparison.inCommon(), simulated, kernel, rows, new Skipped(read.skipped(), read.skippedLines()),
                comparison.leftOut().stream().sorted().toList());
    }

    private static Row row(SideBySide.Pair pair) {
        return new Row(pair.left() < 0 ? null : pair.left(), String.valueOf(pair.mark()),
                pair.right() < 0 ? null : pair.right());
    }
}
