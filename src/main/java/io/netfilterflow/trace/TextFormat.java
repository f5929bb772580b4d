package io.netfilterflow.trace;

import java.util.List;

/**
 * A trace for people, like Cisco ASA's packet-tracer: per packet, numbered phases with the stage,
 * the result, the deciding rule and why; then the packet's final verdict.
 */
public final class TextFormat {

    private TextFormat() {
    }

    public static String format(Trace trace) {
        StringBuilder out = new StringBuilder();
        out.append(trace.title()).append(" (backend ").append(trace.backend()).append(")\n");
        for (FlowResult flow : trace.flows()) {
            out.append('\n').append("Packet ").append(flow.flow()).append(": ").append(flow.label())
                    .append(", from ").append(flow.from());
            if (flow.cause() != null) {
                out.append(", answering packet ").append(flow.cause());
            }
            out.append('\n');
            List<Step> steps = trace.steps().stream().filter(s -> s.flow() == flow.flow()).toList();
            int phase = 0;
            for (Step step : steps) {
                if (step.kind() == StepKind.CHAIN) {
                    continue;
                }
                out.append(String.format("  Phase %d: %s%n", ++phase, title(step)));
                if (step.verdict() != null) {
                    out.append("    Result: ").append(step.verdict()).append('\n');
                }
                if (step.rule() != null) {
                    out.append("    Rule:   ").append(step.rule().input()).append(" line ").append(step.rule().line())
                            .append(": ").append(step.rule().text()).append('\n');
                }
                out.append("    Packet: ").append(step.packet().summary()).append(devices(step.packet())).append('\n');
                out.append("    Why:    ").append(step.why()).append('\n');
            }
            out.append("  Verdict: ").append(flow.disposition()).append(" — ").append(flow.sentence()).append('\n');
        }
        return out.toString();
    }

    private static String title(Step step) {
        Stage stage = step.stage();
        String kind = step.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (stage == null) {
            return kind;
        }
        if (stage.table() != null && stage.chain() != null) {
            return kind + " " + stage.family() + " " + stage.table() + " " + stage.chain()
                    + (stage.priority() == null ? "" : " (hook " + stage.hook() + ", priority " + stage.priority() + ")");
        }
        if (stage.table() != null) {
            return kind + " " + stage.family() + " " + stage.hook() + " (" + stage.table() + ")";
        }
        return kind + (stage.hook() == null ? "" : " " + stage.hook());
    }

    private static String devices(PacketView packet) {
        StringBuilder out = new StringBuilder();
        if (packet.in() != null) {
            out.append(" in=").append(packet.in());
        }
        if (packet.out() != null) {
            out.append(" out=").append(packet.out());
        }
        if (packet.ctState() != null) {
            out.append(" ct=").append(packet.ctState());
        }
        if (!"0x0".equals(packet.mark())) {
            out.append(" mark=").append(packet.mark());
        }
        return out.length() == 0 ? "" : " [" + out.substring(1) + "]";
    }
}
