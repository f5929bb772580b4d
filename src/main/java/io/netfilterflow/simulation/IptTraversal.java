package io.netfilterflow.simulation;

import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.Verdict;
import io.netfilterflow.netfilter.ipv4.IpHeaderMatch;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.xtables.XtEvaluationException;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import io.netfilterflow.netfilter.xtables.target.RejectTarget;
import io.netfilterflow.netfilter.xtables.target.StandardTarget;
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
    private final IptTargets targets;

    IptTraversal(SimContext sim) {
        this.sim = sim;
        this.targets = new IptTargets(sim);
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
                "iptables " + tableName + " " + base.name() + " looks at the packet (priority " + priority + ")");
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
                        (jump.isGoto() ? "goes to " : "jumps to ") + "chain " + jump.chain());
                if (!jump.isGoto()) {
                    stack.push(new Frame(chain, index + 1));
                }
                chain = target;
                index = 0;
                continue;
            }
            if (rule.target() == StandardTarget.RETURN) {
                step(skb, stage, "return", in, out, ref, par, stack.isEmpty()
                        ? "RETURN in a base chain: the chain's policy decides" : "returns to the calling chain");
                if (stack.isEmpty()) {
                    return policy(base, tableName, hook, priority, skb, in, out);
                }
                Frame back = stack.pop();
                chain = back.chain();
                index = back.next();
                continue;
            }
            IptTargets.Outcome outcome;
            try {
                outcome = targets.apply(rule.target(), table.name(), hook, skb, in, out, par);
            } catch (XtEvaluationException e) {
                throw new SimulationException("iptables", rule.source().number(), e.getMessage());
            }
            step(skb, stage, outcome.line(), in, out, ref, par, outcome.why());
            if (outcome.verdict() != null) {
                skb.decided = new Decision(stage, ref, rule.target() instanceof RejectTarget, in, out);
                return outcome.verdict();
            }
            index++;
        }
    }

    private Verdict policy(IptChain base, String tableName, NfHook hook, int priority, Skb skb, String in, String out) {
        boolean accept = base.policy() != StandardTarget.DROP;
        sim.trace.count("ip", tableName, base.name(), null, skb.packet);
        Stage stage = stage(hook, priority, tableName, base.name());
        skb.decided = new Decision(stage, null, false, in, out);
        sim.trace.step(skb, StepKind.POLICY, stage,
                accept ? "policy accept" : "policy drop", in, out, null,
                "no rule decided; the chain's policy is " + (accept ? "ACCEPT" : "DROP"));
        return accept ? Verdict.ACCEPT : Verdict.DROP;
    }

    private void step(Skb skb, Stage stage, String verdict, String in, String out, RuleRef ref, ActionParams par,
                      String why) {
        sim.trace.step(skb, StepKind.RULE, stage, verdict, in, out, ref, par.explain(why));
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
                throw new SimulationException("iptables", rule.source().number(), e.getMessage());
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
