package io.netfilterflow.simulation;

import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.Verdict;
import io.netfilterflow.netfilter.nft.NftChain;
import io.netfilterflow.netfilter.nft.NftPolicy;
import io.netfilterflow.netfilter.nft.NftTable;
import io.netfilterflow.netfilter.nft.NftVerdict;
import io.netfilterflow.netfilter.nft.expr.NftCompiledRule;
import io.netfilterflow.netfilter.nft.expr.NftElements;
import io.netfilterflow.netfilter.nft.expr.NftExpr;
import io.netfilterflow.netfilter.xtables.RateLimit;
import io.netfilterflow.netfilter.xtables.RuleState;
import io.netfilterflow.netfilter.xtables.TargetVerdict;
import io.netfilterflow.netfilter.xtables.XtEvaluationException;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.target.RejectTarget;
import io.netfilterflow.problem.Problem;
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

    /** What a rule's expressions came to: the verdict (null: the rule broke or went on) and why. */
    private record Outcome(NftVerdict verdict, String word, Reason why, boolean reject) {
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
            Outcome outcome = evaluate(rule, par);
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

    /** The rule's expressions in order; null when one breaks the rule ({@code NFT_BREAK}). */
    private Outcome evaluate(NftCompiledRule rule, NftParams par) {
        Reason why = null;
        for (NftExpr expr : rule.exprs()) {
            if (expr instanceof NftExpr.Cmp cmp) {
                if (!cmp.op().test(cmp.left().load(par), cmp.value(), cmp.high())) {
                    return null;
                }
            } else if (expr instanceof NftExpr.Lookup lookup) {
                boolean found = lookup.elements().lookup(lookup.key().load(par)) != null;
                if (found == lookup.invert()) {
                    return null;
                }
            } else if (expr instanceof NftExpr.VerdictMap map) {
                Object found = map.elements().lookup(map.key().load(par));
                if (found == null) {
                    return null;
                }
                NftVerdict verdict = (NftVerdict) found;
                par.note(Reason.of(ReasonCode.NFT_MAP_VERDICT, map.map() == null ? "{ ... }" : "@" + map.map(),
                        verdict.toString()));
                return outcome(verdict);
            } else if (expr instanceof NftExpr.Immediate immediate) {
                return outcome(immediate.verdict());
            } else if (expr instanceof NftExpr.SetMark mark) {
                Object value = mark.value().load(par);
                if (!(value instanceof Long number)) {
                    return null;
                }
                long before = mark.ct() ? (par.ct() == null ? 0 : par.ct().mark()) : par.mark();
                if (mark.ct()) {
                    par.setCtMark(number & 0xffff_ffffL);
                } else {
                    par.setMark(number & 0xffff_ffffL);
                }
                why = Reason.of(mark.ct() ? ReasonCode.NFT_CT_MARK_SET : ReasonCode.MARK, hex(before),
                        hex(number & 0xffff_ffffL));
            } else if (expr instanceof NftExpr.Limit limit) {
                RateLimit.Bucket bucket = par.state(RuleState.of(limit, RateLimit.Bucket.class, RateLimit.Bucket::new));
                boolean within = bucket.take(limit.rate());
                par.note(bucket.describe(limit.rate()));
                if (within == limit.over()) {
                    return null;
                }
            } else if (expr instanceof NftExpr.Quota quota) {
                NftExpr.Quota.Consumed consumed = par.state(RuleState.of(quota, NftExpr.Quota.Consumed.class, () -> {
                    NftExpr.Quota.Consumed start = new NftExpr.Quota.Consumed();
                    start.bytes = quota.used();
                    return start;
                }));
                consumed.bytes += par.packet().length();
                if ((consumed.bytes >= quota.bytes()) != quota.over()) {
                    return null;
                }
            } else if (expr instanceof NftExpr.Unmodelled unmodelled) {
                throw new SimulationException(INPUT, rule.source().line(),
                        Problem.of("rules.nft-not-modelled", unmodelled.construct()));
            } else if (expr instanceof NftExpr.Action || expr instanceof NftExpr.NatMap) {
                XtTarget target = expr instanceof NftExpr.Action action ? action.target()
                        : ((NftExpr.NatMap) expr).target(((NftExpr.NatMap) expr).elements()
                                .lookup(((NftExpr.NatMap) expr).key().load(par)));
                if (target == null) {
                    return null;
                }
                TargetVerdict result;
                try {
                    result = target.target(par);
                } catch (XtEvaluationException e) {
                    throw new SimulationException(INPUT, rule.source().line(), Problem.of(e));
                }
                if (result.verdict() != null) {
                    boolean accept = result.verdict() == Verdict.ACCEPT;
                    return new Outcome(new NftVerdict(accept ? NftVerdict.Kind.ACCEPT : NftVerdict.Kind.DROP, null),
                            accept ? "accept" : "drop", result.why(), target instanceof RejectTarget);
                }
                why = result.why();
            }
        }
        return new Outcome(null, "continue", why == null ? Reason.of(ReasonCode.NO_TARGET) : why, false);
    }

    private static Outcome outcome(NftVerdict verdict) {
        return switch (verdict.kind()) {
            case ACCEPT -> new Outcome(verdict, "accept", Reason.of(ReasonCode.ACCEPT), false);
            case DROP -> new Outcome(verdict, "drop", Reason.of(ReasonCode.DROP), false);
            case CONTINUE -> new Outcome(verdict, "continue", Reason.of(ReasonCode.NO_TARGET), false);
            case RETURN -> new Outcome(verdict, "return", Reason.of(ReasonCode.RETURN), false);
            case JUMP -> new Outcome(verdict, "jump " + verdict.chain(), Reason.of(ReasonCode.JUMP, verdict.chain()),
                    false);
            case GOTO -> new Outcome(verdict, "goto " + verdict.chain(), Reason.of(ReasonCode.GOTO, verdict.chain()),
                    false);
            case QUEUE -> throw new IllegalStateException("queue is refused when the rules are read");
        };
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

    private static String hex(long value) {
        return String.format("0x%08x", value);
    }
}
