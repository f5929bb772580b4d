package io.netfilterflow.trace;

/**
 * The conformance format of ../shared/kernel-truth: one line per chain decision,
 * {@code <family> <table> <chain> <verdict> | <packet> | <rule>}; compared up to the second {@code |}.
 */
public final class ConformanceFormat {

    private ConformanceFormat() {
    }

    public static String format(Trace trace) {
        StringBuilder out = new StringBuilder();
        for (Step step : trace.steps()) {
            if (step.isConformanceLine()) {
                out.append(line(step)).append('\n');
            }
        }
        return out.toString();
    }

    public static String line(Step step) {
        Stage stage = step.stage();
        String line = stage.family() + " " + stage.table() + " " + stage.chain() + " " + step.verdict() + " | "
                + step.packet().conformance();
        return step.rule() == null ? line : line + " | " + step.rule().text();
    }

    /** A line up to its second {@code |}, the part that is compared. */
    public static String comparable(String line) {
        int first = line.indexOf(" | ");
        int second = first < 0 ? -1 : line.indexOf(" | ", first + 3);
        return (second < 0 ? line : line.substring(0, second)).trim();
    }
}
