package io.netfilterflow.simulation;

import io.netfilterflow.net.EtherType;
import io.netfilterflow.net.InterfaceName;
import io.netfilterflow.netfilter.bridge.EbtChain;
import io.netfilterflow.netfilter.bridge.EbtChainJump;
import io.netfilterflow.netfilter.bridge.EbtEntry;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.bridge.EbtRule;
import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.bridge.EbtVerdict;
import io.netfilterflow.netfilter.bridge.EbtWatcher;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.xtables.XtEvaluationException;
import io.netfilterflow.problem.Problem;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.RuleRef;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.StepKind;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@code ebt_do_table}: one ebtables table's base chain for a hook. A frame's verdict is ACCEPT or
 * DROP; in the broute table DROP means "route it" (the caller reads it so).
 */
final class EbtTraversal {

    private final SimContext sim;

    EbtTraversal(SimContext sim) {
        this.sim = sim;
    }

    private record Frame(EbtChain chain, int next) {
    }

    /** Returns ACCEPT or DROP as ebtables means them in this table. */
    EbtVerdict run(EbtTable table, String chainName, NfHook hook, int priority, Skb skb, String in, String out,
                   String bridgeIn, String bridgeOut) {
        EbtChain base = table.chain(chainName);
        String tableName = table.name().saveName();
        Stage baseStage = new Stage("bridge", chainName, priority, tableName, chainName);
        sim.trace.step(skb, StepKind.CHAIN, baseStage, null, in, out, null,
                Reason.of(ReasonCode.EBT_CHAIN, tableName, chainName, priority));
        Deque<Frame> stack = new ArrayDeque<>();
        EbtChain chain = base;
        int index = 0;
        while (true) {
            if (index >= chain.rules().size()) {
                if (stack.isEmpty() || chain.policy() != EbtVerdict.RETURN) {
                    return policy(chain, stack.isEmpty(), tableName, chainName, priority, skb, in, out);
                }
                Frame back = stack.pop();
                chain = back.chain();
                index = back.next();
                continue;
            }
            EbtRule rule = chain.rules().get(index);
            if (sim.work.evaluate()) {
                throw sim.work.overEvaluations(new Stage("bridge", chainName, priority, tableName, chain.name()),
                        "ebtables", rule.source().number());
            }
            FrameParams par = new FrameParams(sim, skb, hook, "BROUTING".equals(chainName), in, out, bridgeIn,
                    bridgeOut);
            if (!matches(rule, par)) {
                index++;
                continue;
            }
            RuleRef ref = new RuleRef("ebtables", rule.source().number(), rule.source().text().trim());
            sim.trace.count("bridge", tableName, chain.name(), ref, skb.packet);
            for (EbtWatcher watcher : rule.watchers()) {
                par.note(Reason.of(ReasonCode.EBT_WATCHER, watcher.name()));
            }
            Stage stage = new Stage("bridge", chainName, priority, tableName, chain.name());
            if (rule.target() instanceof EbtChainJump jump) {
                step(skb, stage, "jump " + jump.chain(), in, out, ref, par, Reason.of(ReasonCode.JUMP, jump.chain()));
                stack.push(new Frame(chain, index + 1));
                chain = table.chain(jump.chain());
                index = 0;
                continue;
            }
            EbtVerdict verdict = rule.target().target(par);
            switch (verdict) {
                case CONTINUE -> {
                    step(skb, stage, "continue", in, out, ref, par, Reason.of(ReasonCode.EBT_CONTINUE));
                    index++;
                }
                case RETURN -> {
                    step(skb, stage, "return", in, out, ref, par, Reason.of(ReasonCode.RETURN));
                    if (stack.isEmpty()) {
                        return policy(base, true, tableName, chainName, priority, skb, in, out);
                    }
                    Frame back = stack.pop();
                    chain = back.chain();
                    index = back.next();
                }
                default -> {
                    boolean accept = verdict == EbtVerdict.ACCEPT;
                    step(skb, stage, accept ? "accept" : "drop", in, out, ref, par,
                            Reason.of(accept ? ReasonCode.EBT_ACCEPT : dropMeaning(table)));
                    skb.decided = new Decision(stage, ref, false, in, out);
                    return verdict;
                }
            }
        }
    }

    private static ReasonCode dropMeaning(EbtTable table) {
        return table.name() == io.netfilterflow.netfilter.bridge.EbtTableName.BROUTE
                ? ReasonCode.EBT_BROUTE_DROP : ReasonCode.EBT_DROP;
    }

    private EbtVerdict policy(EbtChain chain, boolean base, String table, String hookChain, int priority, Skb skb,
                              String in, String out) {
        boolean accept = chain.policy() != EbtVerdict.DROP;
        sim.trace.count("bridge", table, chain.name(), null, skb.packet);
        Stage stage = new Stage("bridge", hookChain, priority, table, chain.name());
        skb.decided = new Decision(stage, null, false, in, out);
        sim.trace.step(skb, StepKind.POLICY, stage,
                base ? (accept ? "policy accept" : "policy drop") : (accept ? "accept" : "drop"), in, out, null,
                Reason.of(accept ? ReasonCode.POLICY_ACCEPT : ReasonCode.POLICY_DROP));
        return accept ? EbtVerdict.ACCEPT : EbtVerdict.DROP;
    }

    private void step(Skb skb, Stage stage, String verdict, String in, String out, RuleRef ref, ActionParams par,
                      Reason why) {
        sim.trace.step(skb, StepKind.RULE, stage, verdict, in, out, ref, why, par.notes());
    }

    private static boolean matches(EbtRule rule, ActionParams par) {
        EbtEntry e = rule.entry();
        var frame = par.frame();
        if (!test(e.protocol(), p -> p.matches(EtherType.IPV4.number()))
                || !test(e.source(), m -> frame.ethSrc() != null && m.matches(frame.ethSrc()))
                || !test(e.destination(), m -> frame.ethDst() != null && m.matches(frame.ethDst()))
                || !device(e.in(), par.in()) || !device(e.out(), par.out())
                || !device(e.logicalIn(), par.logicalIn()) || !device(e.logicalOut(), par.logicalOut())) {
            return false;
        }
        for (EbtMatch match : rule.matches()) {
            try {
                if (!match.match(par)) {
                    return false;
                }
            } catch (XtEvaluationException ex) {
                throw new SimulationException("ebtables", rule.source().number(), Problem.of(ex));
            }
        }
        return true;
    }

    private static <T> boolean test(Negatable<T> condition, java.util.function.Predicate<T> holds) {
        return condition == null || condition.test(holds.test(condition.value()));
    }

    private static boolean device(Negatable<InterfaceName> condition, String device) {
        return condition == null || condition.test(condition.value().matches(device));
    }
}
