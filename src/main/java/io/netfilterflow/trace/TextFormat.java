package io.netfilterflow.trace;

import java.util.List;
import java.util.Map;

/**
 * A trace for people, like Cisco ASA's packet-tracer: per packet, numbered phases with the stage,
 * the result, the deciding rule and why; then the packet's final verdict. The words are the reader's
 * language ({@link TraceMessages}); the kernel's names stay as the kernel spells them.
 */
public final class TextFormat {

    private TextFormat() {
    }

    public static String format(Trace trace) {
        return format(trace, TraceMessages.ENGLISH);
    }

    public static String format(Trace trace, TraceMessages words) {
        Labels labels = new Labels(words);
        StringBuilder out = new StringBuilder();
        out.append(words.text("title", Map.of("title", trace.title(), "backend", trace.backend()))).append('\n');
        for (FlowResult flow : trace.flows()) {
            out.append('\n').append(words.text("packet", Map.of("flow", flow.flow(), "label",
                    words.render(flow.label()), "from", flow.from())));
            if (flow.cause() != null) {
                out.append(words.text("answering", Map.of("cause", flow.cause())));
            }
            out.append('\n');
            List<Step> steps = trace.steps().stream().filter(s -> s.flow() == flow.flow()).toList();
            int phase = 0;
            for (Step step : steps) {
                if (step.kind() == StepKind.CHAIN) {
                    continue;
                }
                out.append("  ").append(words.text("phase", Map.of("number", ++phase, "title", title(step))))
                        .append('\n');
                if (step.verdict() != null) {
                    out.append(labels.result).append(step.verdict()).append('\n');
                }
                if (step.rule() != null) {
                    out.append(labels.rule).append(words.text("rule-ref", Map.of("input", step.rule().input(),
                            "line", step.rule().line(), "text", step.rule().text()))).append('\n');
                }
                out.append(labels.packet).append(step.packet().summary()).append(devices(step.packet())).append('\n');
                out.append(labels.why).append(words.render(step.reason(), step.notes())).append('\n');
            }
            out.append("  ").append(words.text("verdict", Map.of())).append(": ").append(flow.disposition())
                    .append(" — ").append(words.render(flow.reason())).append('\n');
        }
        return out.toString();
    }

    /** A phase's field names, each padded so that the values line up. */
    private static final class Labels {
        final String result;
        final String rule;
        final String packet;
        final String why;

        Labels(TraceMessages words) {
            List<String> names = List.of(words.text("result", Map.of()), words.text("rule", Map.of()),
                    words.text("packet-line", Map.of()), words.text("why", Map.of()));
            int width = names.stream().mapToInt(String::length).max().orElse(0) + 2;
            List<String> padded = names.stream().map(name -> "    " + (name + ":" + " ".repeat(width)).substring(0, width))
                    .toList();
            result = padded.get(0);
            rule = padded.get(1);
            packet = padded.get(2);
            why = padded.get(3);
        }
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
