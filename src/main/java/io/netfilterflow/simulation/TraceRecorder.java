package io.netfilterflow.simulation;

import io.netfilterflow.diagram.NodeIds;
import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.netfilter.xtables.match.CtState;
import io.netfilterflow.packet.IcmpTypes;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import io.netfilterflow.trace.FlowResult;
import io.netfilterflow.trace.PacketView;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.RuleCounter;
import io.netfilterflow.trace.RuleRef;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.StepKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Collects the steps, outcomes and counters of one simulation, in order. */
final class TraceRecorder {
    private final List<Step> steps = new ArrayList<>();
    private final List<FlowResult> flows = new ArrayList<>();
    /** Per rule (or policy): packets and bytes, in the order rules first matched. */
    private final Map<String, Counter> counters = new LinkedHashMap<>();
    private final Consumer<Step> listener;
    private final WorkMeter work;
    /** The packet last shown and its header text, shared by the steps that see the same packet. */
    private Packet viewed;
    private PacketView headers;

    TraceRecorder(Consumer<Step> listener, WorkMeter work) {
        this.listener = listener;
        this.work = work;
    }

    void step(Skb skb, StepKind kind, Stage stage, String verdict, String in, String out, RuleRef rule, Reason reason) {
        step(skb, kind, stage, verdict, in, out, rule, reason, List.of());
    }

    /** Records a step with the box it lights ({@link NodeIds}, the one mapping) and hands it on. */
    void step(Skb skb, StepKind kind, Stage stage, String verdict, String in, String out, RuleRef rule, Reason reason,
              List<Reason> notes) {
        Step step = new Step(steps.size() + 1, skb.flow, kind, stage, NodeIds.of(kind, stage), verdict,
                view(skb, in, out), rule, reason, notes);
        work.step(step); // over budget: the run ends here, before the step is kept or sent
        steps.add(step);
        listener.accept(step);
    }

    private static final class Counter {
        final RuleCounter rule;
        long packets;
        long bytes;

        Counter(RuleCounter rule) {
            this.rule = rule;
        }
    }

    void count(String family, String table, String chain, RuleRef rule, Packet packet) {
        int line = rule == null ? 0 : rule.line();
        Counter counter = counters.computeIfAbsent(family + " " + table + " " + chain + " " + line,
                key -> new Counter(new RuleCounter(family, table, chain, line, rule == null ? "policy" : rule.text(), 0, 0)));
        counter.packets++;
        counter.bytes += packet.length();
    }

    void result(FlowResult result) {
        flows.add(result);
    }

    boolean hasResult(int flow) {
        return flows.stream().anyMatch(f -> f.flow() == flow);
    }

    List<Step> steps() {
        return steps;
    }

    List<FlowResult> flows() {
        List<FlowResult> sorted = new ArrayList<>(flows);
        sorted.sort(java.util.Comparator.comparingInt(FlowResult::flow));
        return sorted;
    }

    List<RuleCounter> counters() {
        return counters.values().stream().map(c -> new RuleCounter(c.rule.family(), c.rule.table(), c.rule.chain(),
                c.rule.line(), c.rule.text(), c.packets, c.bytes)).toList();
    }

    /**
     * The packet as a step shows it. Consecutive steps mostly see the same packet (it is immutable and
     * only replaced when changed), so its header text is rendered once and shared.
     */
    private PacketView view(Skb skb, String in, String out) {
        Packet p = skb.packet;
        if (p != viewed) {
            viewed = p;
            headers = new PacketView(p.ethSrc() == null ? null : p.ethSrc().toString(),
                    p.ethDst() == null ? null : p.ethDst().toString(), p.src().toString(), p.dst().toString(),
                    p.proto().toString(), p.hasPorts() ? p.sport() : null, p.hasPorts() ? p.dport() : null,
                    p.isTcp() ? TcpFlag.format(p.tcpFlags()) : null, p.isIcmp() ? IcmpTypes.name(p.icmpType()) : null,
                    p.isIcmp() ? p.icmpCode() : null, p.length(), p.ttl(), null, null, null, null, null, null, null,
                    p.embedded() == null ? null : p.embedded().summary());
        }
        PacketView h = headers;
        return new PacketView(h.ethSrc(), h.ethDst(), h.src(), h.dst(), h.proto(), h.sport(), h.dport(), h.tcpFlags(),
                h.icmpType(), h.icmpCode(), h.length(), h.ttl(), "0x" + Long.toHexString(skb.mark), ctState(skb),
                skb.ct == null ? null : skb.ct.id(), in, out, skb.physIn, skb.physOut, h.embedded());
    }

    private static String ctState(Skb skb) {
        if (!skb.ctDone) {
            return null;
        }
        CtInfo info = skb.ctInfo;
        String state = CtState.of(info).name();
        return info != null && info.isReply() ? state + " (reply)" : state;
    }

}
