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

    /** Where the walk through a table's chains is: the chain, its rules, the next rule, and the jumps to return from. */
    private final class Walk {
        private final NftTable table;
        private final Deque<Frame> stack = new ArrayDeque<>();
        String chain;
        List<NftCompiledRule> rules;
        int index;

        Walk(NftTable table, String base) {
            this.table = table;
            at(base, 0);
        }

        /** {@code jump} (coming back after this rule) or {@code goto}. */
        void enter(String target, boolean jump) {
            if (jump) {
                stack.push(new Frame(chain, index + 1));
            }
            at(target, 0);
        }

        /** Back to the rule after the last jump; false at the base chain, whose policy decides. */
        boolean back() {
            if (stack.isEmpty()) {
                return false;
            }
            Frame frame = stack.pop();
            at(frame.chain(), frame.next());
            return true;
        }

        private void at(String name, int next) {
            chain = name;
            rules = sim.host.nftables().rules(table, name);
            index = next;
        }
    }


    Verdict run(NftTable table, NftChain base, NfHook hook, Skb skb, String in, String out, String bridgeIn,
                String bridgeOut) {
        String family = table.family().nftName();
        int priority = base.base().priority();
        sim.trace.step(skb, StepKind.CHAIN, stage(family, hook, priority, table, base.name(), base.name()), null, in, out, null,
                Reason.of(ReasonCode.NFT_CHAIN, family, table.name(), base.name(), priority));
        boolean bridge = family.equals("bridge");
        Walk walk = new Walk(table, base.name());
        while (true) {
            if (walk.index >= walk.rules.size()) {
                if (!walk.back()) {
                    return policy(table, base, hook, skb, in, out);
                }
                continue;
            }
            String chain = walk.chain;
            NftCompiledRule rule = walk.rules.get(walk.index);
            Stage stage = stage(family, hook, priority, table, chain, base.name());
            if (sim.work.evaluate()) {
                throw sim.work.overEvaluations(stage, INPUT, rule.source().line());
            }
            NftParams par = new NftParams(sim, skb, hook, in, out, bridgeIn, bridgeOut, bridge);
            NftRuleEvaluation.Outcome outcome = NftRuleEvaluation.evaluate(rule, par);
            if (outcome == null) {
                walk.index++;
                continue;
            }
            RuleRef ref = new RuleRef(INPUT, rule.source().line(), rule.source().text().strip());
            sim.trace.count(family, table.name(), chain, ref, skb.packet);
            NftVerdict verdict = outcome.verdict();
            sim.trace.step(skb, StepKind.RULE, stage, outcome.word(), in, out, ref, outcome.why(), par.notes());
            if (verdict == null || verdict.kind() == NftVerdict.Kind.CONTINUE) {
                walk.index++;
                continue;
            }
            switch (verdict.kind()) {
                case ACCEPT, DROP -> {
                    skb.decided = new Decision(stage, ref, outcome.reject(), in, out);
                    return verdict.kind() == NftVerdict.Kind.ACCEPT ? Verdict.ACCEPT : Verdict.DROP;
                }
                case JUMP, GOTO -> walk.enter(verdict.chain(), verdict.kind() == NftVerdict.Kind.JUMP);
                case RETURN -> {
                    if (!walk.back()) {
                        return policy(table, base, hook, skb, in, out);
                    }
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
