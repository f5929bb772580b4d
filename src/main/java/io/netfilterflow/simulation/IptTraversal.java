package io.netfilterflow.simulation;

import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.Verdict;
import io.netfilterflow.netfilter.ipv4.IpHeaderMatch;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.xtables.TargetVerdict;
import io.netfilterflow.netfilter.xtables.XtEvaluationException;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import io.netfilterflow.netfilter.xtables.target.RejectTarget;
import io.netfilterflow.netfilter.xtables.target.StandardTarget;
import io.netfilterflow.problem.Problem;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.RuleRef;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.StepKind;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * {@code ipt_do_table}: walks one table's base chain for a hook, first match wins, with jumps,
 * gotos, RETURN and the policy; the rule that decides is recorded with its line.
 */
final class IptTraversal {

    private final SimContext sim;

    IptTraversal(SimContext sim) {
        this.sim = sim;
    }

    private record Frame(IptChain chain, int next) {
    }

    Verdict run(IptTable table, NfHook hook, int priority, Skb skb, String in, String out) {
        IptChain base = table.chain(hook.chain());
        if (base == null) {
            // legacy registers every built-in chain of a loaded table: an undeclared one is empty, ACCEPT
            base = new IptChain(hook.chain(), StandardTarget.ACCEPT, null, java.util.List.of(), null);
        }
        String tableName = table.name().saveName();
        sim.trace.step(skb, StepKind.CHAIN, stage(hook, priority, tableName, base.name()), null, in, out, null,
                Reason.of(ReasonCode.IPT_CHAIN, tableName, base.name(), priority));
        Deque<Frame> stack = new ArrayDeque<>();
        IptChain chain = base;
        int index = 0;
        while (true) {
            if (index >= chain.rules().size()) {
                if (stack.isEmpty()) {
                    return policy(base, tableName, hook, priority, skb, in, out);
                }
                Frame back = stack.pop();
                chain = back.chain();
                index = back.next();
                continue;
            }
            IptRule rule = chain.rules().get(index);
            if (sim.work.evaluate()) {
                throw sim.work.overEvaluations(stage(hook, priority, tableName, chain.name()), "iptables",
                        rule.source().number());
            }
            ActionParams par = new ActionParams(sim, skb, hook, in, out, null, null);
            if (!matches(rule, par)) {
                index++;
                continue;
            }
            RuleRef ref = new RuleRef("iptables", rule.source().number(), rule.source().text().trim());
            sim.trace.count("ip", tableName, chain.name(), ref, skb.packet);
            Stage stage = stage(hook, priority, tableName, chain.name());
            if (rule.target() instanceof ChainJump jump) {
                IptChain target = table.chain(jump.chain());
                step(skb, stage, (jump.isGoto() ? "goto " : "jump ") + jump.chain(), in, out, ref, par,
                        Reason.of(jump.isGoto() ? ReasonCode.GOTO : ReasonCode.JUMP, jump.chain()));
                if (!jump.isGoto()) {
                    stack.push(new Frame(chain, index + 1));
                }
                chain = target;
                index = 0;
                continue;
            }
            if (rule.target() == StandardTarget.RETURN) {
                step(skb, stage, "return", in, out, ref, par,
                        Reason.of(stack.isEmpty() ? ReasonCode.RETURN_FROM_BASE : ReasonCode.RETURN));
                if (stack.isEmpty()) {
                    return policy(base, tableName, hook, priority, skb, in, out);
                }
                Frame back = stack.pop();
                chain = back.chain();
                index = back.next();
                continue;
            }
            TargetVerdict outcome = target(rule, par);
            step(skb, stage, outcome.word(), in, out, ref, par, outcome.why());
            if (outcome.verdict() != null) {
                skb.decided = new Decision(stage, ref, rule.target() instanceof RejectTarget, in, out);
                return outcome.verdict();
            }
            index++;
        }
    }

    /** {@code t->u.kernel.target->target(skb, &acpar)}; a rule without a target only counts. */
    private static TargetVerdict target(IptRule rule, ActionParams par) {
        if (rule.target() == null) {
            return TargetVerdict.goOn(Reason.of(ReasonCode.NO_TARGET));
        }
        try {
            return rule.target().target(par);
        } catch (XtEvaluationException e) {
            throw new SimulationException("iptables", rule.source().number(), Problem.of(e));
        }
    }

    private Verdict policy(IptChain base, String tableName, NfHook hook, int priority, Skb skb, String in, String out) {
        boolean accept = base.policy() != StandardTarget.DROP;
        sim.trace.count("ip", tableName, base.name(), null, skb.packet);
        Stage stage = stage(hook, priority, tableName, base.name());
        skb.decided = new Decision(stage, null, false, in, out);
        sim.trace.step(skb, StepKind.POLICY, stage,
                accept ? "policy accept" : "policy drop", in, out, null,
                Reason.of(accept ? ReasonCode.POLICY_ACCEPT : ReasonCode.POLICY_DROP));
        return accept ? Verdict.ACCEPT : Verdict.DROP;
    }

    private void step(Skb skb, Stage stage, String verdict, String in, String out, RuleRef ref, ActionParams par,
                      Reason why) {
        sim.trace.step(skb, StepKind.RULE, stage, verdict, in, out, ref, why, par.notes());
    }

    static Stage stage(NfHook hook, int priority, String table, String chain) {
        return new Stage("ip", hook.chain(), priority, table, chain);
    }

    private static boolean matches(IptRule rule, ActionParams par) {
        if (!header(rule.header(), par)) {
            return false;
        }
        for (XtMatch match : rule.matches()) {
            boolean hit;
            try {
                hit = match.match(par);
            } catch (XtEvaluationException e) {
                throw new SimulationException("iptables", rule.source().number(), Problem.of(e));
            }
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    /** {@code ip_packet_match}. */
    private static boolean header(IpHeaderMatch h, ActionParams par) {
        var p = par.packet();
        return prefix(h.source(), p.src()) && prefix(h.destination(), p.dst())
                && (h.inInterface() == null || h.inInterface().test(h.inInterface().value().matches(par.in())))
                && (h.outInterface() == null || h.outInterface().test(h.outInterface().value().matches(par.out())))
                && (h.protocol() == null || h.protocol().test(h.protocol().value().isAll()
                        || h.protocol().value().equals(p.proto())))
                && (h.fragment() == null || !h.fragment());
    }

    private static boolean prefix(Negatable<Ipv4Prefix> test, io.netfilterflow.net.Ipv4Address address) {
        return test == null || test.test(test.value().contains(address));
    }
}
