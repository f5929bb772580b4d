package io.netfilterflow.netfilter.ipv4.save;

import io.netfilterflow.netfilter.ipv4.ChainGraph;
import io.netfilterflow.netfilter.ipv4.HookRestrictions;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import io.netfilterflow.netfilter.xtables.target.StandardTarget;
import io.netfilterflow.problem.Problem;
import java.util.List;
import java.util.Set;

/**
 * The checks the kernel makes when a table is loaded ({@code xt_check_match}, {@code xt_check_target}):
 * each extension is used only in its table and from hooks it allows, reached through however many jumps
 * ({@link ChainGraph} refuses jumps to no chain or to a base chain, and loops).
 */
final class TableChecks {

    private TableChecks() {
    }

    static void checkHooks(IptTable table, ChainGraph graph) {
        for (int i = 0; i < table.chains().size(); i++) {
            IptChain chain = table.chains().get(i);
            Set<String> bases = null;
            for (IptRule rule : chain.rules()) {
                if (!restricted(rule)) {
                    continue;
                }
                bases = bases != null ? bases : graph.basesOf(i);
                if (rule.target() != null) {
                    check(table.name(), rule, true, rule.target().name(), restriction(rule.target()), bases);
                }
                for (XtMatch match : rule.matches()) {
                    check(table.name(), rule, false, match.name(), HookRestrictions.forMatch(match.name()), bases);
                }
            }
        }
    }

    private static boolean restricted(IptRule rule) {
        if (restriction(rule.target()) != null) {
            return true;
        }
        List<XtMatch> matches = rule.matches();
        for (int i = 0; i < matches.size(); i++) { // by index: asked of every rule, no iterator made
            if (HookRestrictions.forMatch(matches.get(i).name()) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * A target's restriction; none for a jump or a verdict, which are the kernel's standard target and have none, so
     * a chain's name is not looked up as a target's.
     */
    private static HookRestrictions.Restriction restriction(XtTarget target) {
        if (target == null || target instanceof ChainJump || target instanceof StandardTarget) {
            return null;
        }
        return HookRestrictions.forTarget(target.name());
    }

    private static void check(IptTableName name, IptRule rule, boolean isTarget, String extension,
                              HookRestrictions.Restriction restriction, Set<String> bases) {
        if (restriction == null) {
            return;
        }
        if (!restriction.tables().isEmpty() && !restriction.tables().contains(name)) {
            Problem tables = either(restriction.tables().stream().map(IptTableName::saveName).sorted().toList());
            throw new RulesSyntaxException(rule.source(), isTarget
                    ? Problem.of("rules.target-only-in-tables", extension, tables, name.saveName())
                    : Problem.of("rules.match-only-in-tables", extension, tables, name.saveName()));
        }
        for (String base : bases) {
            if (!restriction.hooks().isEmpty() && !restriction.hooks().contains(base)) {
                String hooks = String.join("/", sortedHooks(restriction.hooks()));
                throw new RulesSyntaxException(rule.source(), isTarget
                        ? Problem.of("rules.target-only-from-hooks", extension, base, hooks)
                        : Problem.of("rules.match-only-from-hooks", extension, base, hooks));
            }
        }
    }

    /** {@code nat}, {@code mangle or raw}, {@code a or b or c}: names joined with the reader's "or". */
    private static Problem either(List<String> names) {
        Problem last = Problem.of("text", names.get(names.size() - 1));
        for (int i = names.size() - 2; i >= 0; i--) {
            last = Problem.of("rules.either", names.get(i), last);
        }
        return last;
    }

    private static List<String> sortedHooks(Set<String> hooks) {
        List<String> order = List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING");
        return order.stream().filter(hooks::contains).toList();
    }
}
