package io.netfilterflow.verify;

import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.nft.NftChain;
import io.netfilterflow.netfilter.nft.NftTable;
import io.netfilterflow.netfilter.nft.expr.NftCompiledRule;
import io.netfilterflow.netfilter.nft.expr.NftExpr;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.target.MasqueradeTarget;
import io.netfilterflow.netfilter.xtables.target.SnatTarget;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.trace.FlowResult;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Source NAT that picks the port at random ({@code masquerade fully-random}, {@code random}, and iptables'
 * {@code --random-fully}, {@code --random}): with {@code NF_NAT_RANGE_PROTO_RANDOM_ALL}, {@code get_unique_tuple}
 * does not keep the original port and {@code nf_nat_l4proto_unique_tuple} draws one. A replay cannot know the
 * kernel's draw, so an answer sent to the port the simulation kept would miss the kernel's connection.
 */
final class RandomPorts {

    private RandomPorts() {
    }

    /** One reason per connection bound by such a rule whose answer the simulation sends; empty when none. */
    static List<String> in(Scenario scenario, Trace trace) {
        Map<String, String> drawing = new HashMap<>();
        for (NftTable table : scenario.host().nftables().ruleset().tables()) {
            for (NftChain chain : table.chains()) {
                for (NftCompiledRule rule : scenario.host().nftables().rules(table, chain.name())) {
                    if (rule.exprs().stream().anyMatch(e -> e instanceof NftExpr.Action a && draws(a.target()))) {
                        drawing.put("nftables:" + rule.source().line(), "nftables line " + rule.source().line());
                    }
                }
            }
        }
        for (IptTable table : scenario.host().iptables().tables()) {
            for (IptChain chain : table.chains()) {
                for (IptRule rule : chain.rules()) {
                    if (draws(rule.target())) {
                        drawing.put("iptables:" + rule.source().number(), "iptables line " + rule.source().number());
                    }
                }
            }
        }
        Map<Integer, String> bound = new HashMap<>();
        for (Step step : trace.steps()) {
            if (step.rule() != null) {
                String where = drawing.get(step.rule().input() + ":" + step.rule().line());
                if (where != null) {
                    bound.putIfAbsent(step.flow(), where);
                }
            }
        }
        List<String> reasons = new ArrayList<>();
        for (FlowResult flow : trace.flows()) {
            if (flow.cause() != null && bound.containsKey(flow.cause())) {
                reasons.add(bound.get(flow.cause()) + " picks the source port at random (random, fully-random); the"
                        + " kernel's draw cannot be replayed, so the answer to packet " + flow.cause()
                        + " would miss its connection (send it with reply: false)");
            }
        }
        return reasons.stream().distinct().toList();
    }

    private static boolean draws(XtTarget target) {
        return target instanceof MasqueradeTarget m && (m.random() || m.randomFully())
                || target instanceof SnatTarget s && (s.random() || s.randomFully());
    }
}
