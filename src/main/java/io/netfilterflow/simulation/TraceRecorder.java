package io.netfilterflow.simulation;

import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.netfilter.xtables.match.CtState;
import io.netfilterflow.packet.IcmpTypes;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import io.netfilterflow.trace.FlowResult;
import io.netfilterflow.trace.PacketView;
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
    private final Map<String, long[]> counters = new LinkedHashMap<>();
    private final Map<String, RuleCounter> counterKeys = new LinkedHashMap<>();
    private final Consumer<Step> listener;

    TraceRecorder(Consumer<Step> listener) {
        this.listener = listener;
    }

    void step(Skb skb, StepKind kind, Stage stage, String verdict, String in, String out, RuleRef rule, String why) {
        Step step = new Step(steps.size() + 1, skb.flow, kind, stage, verdict, view(skb, in, out), rule, why);
        steps.add(step);
        listener.accept(step);
    }

    void count(String family, String table, String chain, RuleRef rule, Packet packet) {
        String key = family + " " + table + " " + chain + " " + (rule == null ? 0 : rule.line());
        counters.computeIfAbsent(key, k -> {
            counterKeys.put(k, new RuleCounter(family, table, chain, rule == null ? 0 : rule.line(),
                    rule == null ? "policy" : rule.text(), 0, 0));
            return new long[2];
        });
        long[] count = counters.get(key);
        count[0]++;
        count[1] += packet.length();
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
        List<RuleCounter> out = new ArrayList<>();
        counterKeys.forEach((key, c) -> out.add(new RuleCounter(c.family(), c.table(), c.chain(), c.line(), c.text(),
                counters.get(key)[0], counters.get(key)[1])));
        return out;
    }

    static PacketView view(Skb skb, String in, String out) {
        Packet p = skb.packet;
        return new PacketView(p.ethSrc() == null ? null : p.ethSrc().toString(),
                p.ethDst() == null ? null : p.ethDst().toString(), p.src().toString(), p.dst().toString(),
                p.proto().toString(), p.hasPorts() ? p.sport() : null, p.hasPorts() ? p.dport() : null,
                p.isTcp() ? TcpFlag.format(p.tcpFlags()) : null, p.isIcmp() ? IcmpTypes.name(p.icmpType()) : null,
                p.isIcmp() ? p.icmpCode() : null, p.length(), p.ttl(), "0x" + Long.toHexString(skb.mark),
                ctState(skb), skb.ct == null ? null : skb.ct.id(), in, out, skb.physIn, skb.physOut,
                p.embedded() == null ? null : p.embedded().summary());
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
