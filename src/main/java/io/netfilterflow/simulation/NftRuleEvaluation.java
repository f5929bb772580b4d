package io.netfilterflow.simulation;

import io.netfilterflow.netfilter.core.Verdict;
import io.netfilterflow.netfilter.nft.NftVerdict;
import io.netfilterflow.netfilter.nft.expr.NftCompiledRule;
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

/**
 * One rule of a native chain as {@code nft_do_chain} runs it: its expressions in order, each loading, comparing,
 * looking up or acting, until one breaks the rule ({@code NFT_BREAK}) or a verdict ends it.
 */
final class NftRuleEvaluation {

    private NftRuleEvaluation() {
    }

    /** What a rule's expressions came to: the verdict (null: the rule broke or went on) and why. */
    record Outcome(NftVerdict verdict, String word, Reason why, boolean reject) {
    }

    /** The rule's expressions in order; null when one breaks the rule ({@code NFT_BREAK}). */
    static Outcome evaluate(NftCompiledRule rule, NftParams par) {
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
                throw new SimulationException(NftTraversal.INPUT, rule.source().line(),
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
                    throw new SimulationException(NftTraversal.INPUT, rule.source().line(), Problem.of(e));
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

    private static String hex(long value) {
        return String.format("0x%08x", value);
    }
}
