package io.netfilterflow.simulation;

import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.Verdict;
import io.netfilterflow.netfilter.nft.NftChain;
import io.netfilterflow.netfilter.nft.NftPolicy;
import io.netfilterflow.netfilter.nft.NftTable;
import io.netfilterflow.netfilter.nft.NftVerdict;
import io.netfilterflow.netfilter.nft.expr.NftCompiledRule;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.RuleRef;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.StepKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@code nft_do_chain}: runs a native base chain. Each rule's expressions run in order until one breaks; a
 * verdict ends the rule. {@code accept} ends this base chain only (the hook's next registration still runs),
 * {@code drop} ends the packet; {@code jump} and {@code goto} enter a regular chain, whose end returns.
 */
final class NftTraversal {

    /** The input the trace names for native rules: {@code host.nftables}. */
    static final String INPUT = "nftables";

    private final SimContext sim;

    NftTraversal(SimContext sim) {
        this.sim = sim;
    }

    private record Frame(String chain, int next) {
    }


    Verdict run(NftTable table, NftChain base, NfHook hook, Skb skb, String in, String out, String bridgeIn,
                String bridgeOut) {
        String family = table.family().nftName();
        int priority = base.base().priority();
        sim.trace.step(skb, StepKind.CHAIN, stage(family, hook, priority, table, base.name(), base.name()), null, in, out, null,
                Reason.of(ReasonCode.NFT_CHAIN, family, table.name(), base.name(), priority));
        boolean bridge = family.equals("bridge");
        Deque<Frame> stack = new ArrayDeque<>();
        String chain = base.name();
        List<NftCompiledRule> rules = sim.host.nftables().rules(table, chain);
        int index = 0;
        while (true) {
            if (index >= rules.size()) {
                if (stack.isEmpty()) {
                    return policy(table, base, hook, skb, in, out);
                }
                Frame back = stack.pop();
                chain = back.chain();
                rules = sim.host.nftables().rules(table, chain);
                index = back.next();
                continue;
            }
            NftCompiledRule rule = rules.get(index);
            Stage stage = stage(family, hook, priority, table, chain, base.name());
            if (sim.work.evaluate()) {
                throw sim.work.overEvaluations(stage, INPUT, rule.source().line());
            }
            NftParams par = new NftParams(sim, skb, hook, in, out, bridgeIn, bridgeOut, bridge);
            NftRuleEvaluation.Outcome outcome = NftRuleEvaluation.evaluate(rule, par);
            if (outcome == null) {
                index++;
                continue;
            }
            RuleRef ref = new RuleRef(INPUT, rule.source().line(), rule.source().text().strip());
            sim.trace.count(family, table.name(), chain, ref, skb.packet);
            NftVerdict verdict = outcome.verdict();
            sim.trace.step(skb, StepKind.RULE, stage, outcome.word(), in, out, ref, outcome.why(), par.notes());
            if (verdict == null || verdict.kind() == NftVerdict.Kind.CONTINUE) {
                index++;
                continue;
            }
            switch (verdict.kind()) {
                case ACCEPT, DROP -> {
                    skb.decided = new Decision(stage, ref, outcome.reject(), in, out);
                    return verdict.kind() == NftVerdict.Kind.ACCEPT ? Verdict.ACCEPT : Verdict.DROP;
                }
                case JUMP, GOTO -> {
                    if (verdict.kind() == NftVerdict.Kind.JUMP) {
                        stack.push(new Frame(chain, index + 1));
                    }
                    chain = verdict.chain();
                    rules = sim.host.nftables().rules(table, chain);
                    index = 0;
                }
                case RETURN -> {
                    if (stack.isEmpty()) {
                        return policy(table, base, hook, skb, in, out);
                    }
                    Frame back = stack.pop();
                    chain = back.chain();
                    rules = sim.host.nftables().rules(table, chain);
                    index = back.next();
                }
                default -> throw new IllegalStateException("queue is refused when the rules are read");
            }
        }
    }

    private Verdict policy(NftTable table, NftChain base, NfHook hook, Skb skb, String in, String out) {
        String family = table.family().nftName();
        boolean accept = base.base().policy() == NftPolicy.ACCEPT;
        sim.trace.count(family, table.name(), base.name(), null, skb.packet);
        Stage stage = stage(family, hook, base.base().priority(), table, base.name(), base.name());
        skb.decided = new Decision(stage, null, false, in, out);
        sim.trace.step(skb, StepKind.POLICY, stage, accept ? "policy accept" : "policy drop", in, out, null,
                Reason.of(accept ? ReasonCode.POLICY_ACCEPT : ReasonCode.POLICY_DROP));
        return accept ? Verdict.ACCEPT : Verdict.DROP;
    }

    static Stage stage(String family, NfHook hook, int priority, NftTable table, String chain, String base) {
        return new Stage(family, hook.chain(), priority, table.name(), chain, base);
    }

}
