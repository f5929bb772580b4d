package io.netfilterflow.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conformance format of ../shared/kernel-truth: one line per chain decision,
 * {@code <family> <table> <chain> <verdict> | <packet> | <rule>}; compared up to the second {@code |}.
 * Lines come in the order the kernel reports them. For the nft backend that is not always the order
 * things happen: {@code nft_do_chain} traces a rule's verdict after its target returned, and a REJECT's
 * target sends its answer before returning ({@code nf_send_reset} and {@code icmp_send} run the answer
 * through the output hooks up to the device's queue), so the rule comes after that part of its answer.
 * Legacy TRACE logs a rule when it matches, before its target runs.
 */
public final class ConformanceFormat {

    private ConformanceFormat() {
    }

    public static String format(Trace trace) {
        StringBuilder out = new StringBuilder();
        for (Step step : reportOrder(trace)) {
            if (step.isConformanceLine()) {
                out.append(line(step)).append('\n');
            }
        }
        return out.toString();
    }

    /** The steps that have a line, in the order of {@link #format}: line {@code i} is step {@code i}'s. */
    public static List<Step> steps(Trace trace) {
        return reportOrder(trace).stream().filter(Step::isConformanceLine).toList();
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

    /** The steps in the kernel's reporting order for the trace's backend. */
    static List<Step> reportOrder(Trace trace) {
        if (!"nft".equals(trace.backend())) {
            return trace.steps();
        }
        Map<Integer, List<Step>> after = new HashMap<>();
        Set<Integer> deferred = new HashSet<>();
        for (FlowResult flow : trace.flows()) {
            Integer cause = flow.causeStep();
            int end = cause != null && inProcessContext(trace, flow.cause(), cause)
                    ? lastStep(trace.steps(), flow.flow()) : synchronousEnd(trace.steps(), flow.flow());
            if (cause != null && cause >= 1 && cause < end) {
                after.computeIfAbsent(end, k -> new ArrayList<>()).add(trace.steps().get(cause - 1));
                deferred.add(cause);
            }
        }
        List<Step> order = new ArrayList<>(trace.steps().size());
        for (Step step : trace.steps()) {
            if (!deferred.contains(step.seq())) {
                emit(step, after, order);
            }
        }
        return order;
    }

    private static void emit(Step step, Map<Integer, List<Step>> after, List<Step> order) {
        order.add(step);
        for (Step late : after.getOrDefault(step.seq(), List.of())) {
            emit(late, after, order);
        }
    }

    /**
     * Whether the rejected packet was still in its sending process's call (a scenario packet of the host, not yet
     * handed to a device): the answer then loops back through lo, and the {@code local_bh_enable} at the end of
     * its {@code dev_queue_xmit} runs the backlog at once, so all of the answer comes before the rule.
     */
    private static boolean inProcessContext(Trace trace, Integer rejected, int causeStep) {
        FlowResult original = trace.flows().stream().filter(f -> rejected != null && f.flow() == rejected)
                .findFirst().orElse(null);
        return original != null && original.cause() == null && "host".equals(original.from())
                && trace.steps().stream().noneMatch(step -> step.flow() == rejected && step.seq() < causeStep
                        && step.kind() == StepKind.TRANSMITTED);
    }

    private static int lastStep(List<Step> steps, int flow) {
        return steps.stream().filter(step -> step.flow() == flow).mapToInt(Step::seq).max().orElse(0);
    }

    /** The last step an answer takes inside its sender's call: its hand-over to a device, or where it ended. */
    private static int synchronousEnd(List<Step> steps, int flow) {
        int last = 0;
        for (Step step : steps) {
            if (step.flow() == flow) {
                last = step.seq();
                if (step.kind() == StepKind.TRANSMITTED) {
                    break;
                }
            }
        }
        return last;
    }
}
