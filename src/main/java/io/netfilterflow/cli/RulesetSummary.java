package io.netfilterflow.cli;

import io.netfilterflow.netfilter.bridge.EbtChain;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.bridge.EbtRule;
import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.bridge.EbtWatcher;
import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text {@code check} prints: tables, chain and rule counts, and which extensions are used how often.
 * Built with plain appends and loops: no format strings, lambdas or concatenations, each of which a short command
 * would link at first use (measured: most of a 30-line {@code check}'s own time went to linking such call sites).
 */
final class RulesetSummary {

    private RulesetSummary() {
    }

    static String of(String file, IptablesRuleset ruleset) {
        Map<String, int[]> matches = new HashMap<>();
        Map<String, int[]> targets = new HashMap<>();
        StringBuilder tables = new StringBuilder();
        for (IptTable table : ruleset.tables()) {
            table(tables, table.name().saveName(), table.chains().size(), table.ruleCount());
            for (IptChain chain : table.chains()) {
                for (IptRule rule : chain.rules()) {
                    List<XtMatch> used = rule.matches();
                    for (int i = 0; i < used.size(); i++) { // by index: no iterator made for each rule
                        count(matches, used.get(i).name());
                    }
                    if (rule.target() instanceof ChainJump jump) {
                        count(targets, jump.isGoto() ? "(goto chain)" : "(jump to chain)");
                    } else if (rule.target() != null) {
                        count(targets, rule.target().name());
                    } else {
                        count(targets, "(none)");
                    }
                }
            }
        }
        return summary(file, "iptables", ruleset.tables().size(), ruleset.chainCount(), ruleset.ruleCount(), tables,
                matches, targets);
    }

    static String of(String file, EbtablesRuleset ruleset) {
        Map<String, int[]> matches = new HashMap<>();
        Map<String, int[]> targets = new HashMap<>();
        StringBuilder tables = new StringBuilder();
        for (EbtTable table : ruleset.tables()) {
            table(tables, table.name().saveName(), table.chains().size(), table.ruleCount());
            for (EbtChain chain : table.chains()) {
                for (EbtRule rule : chain.rules()) {
                    for (EbtMatch match : rule.matches()) {
                        count(matches, match.name());
                    }
                    for (EbtWatcher watcher : rule.watchers()) {
                        count(matches, watcher.name().concat(" (watcher)"));
                    }
                    count(targets, rule.target().name());
                }
            }
        }
        return summary(file, "ebtables", ruleset.tables().size(), ruleset.chainCount(), ruleset.ruleCount(), tables,
                matches, targets);
    }

    private static String summary(String file, String kind, int tableCount, int chains, int rules,
                                  StringBuilder tables, Map<String, int[]> matches, Map<String, int[]> targets) {
        StringBuilder out = new StringBuilder(256).append(file).append(": ").append(kind).append(" ruleset, ");
        plural(out, tableCount, "table").append(", ");
        counts(out, chains, rules).append('\n').append(tables).append("  matches: ");
        list(out, matches).append("\n  targets: ");
        return list(out, targets).append('\n').toString();
    }

    /** {@code "  filter    3 chains, 5 rules"}: the name left-aligned in nine columns. */
    private static void table(StringBuilder out, String name, int chains, int rules) {
        out.append("  ").append(name);
        for (int pad = name.length(); pad < 9; pad++) {
            out.append(' ');
        }
        counts(out.append(' '), chains, rules).append('\n');
    }

    private static StringBuilder counts(StringBuilder out, int chains, int rules) {
        return plural(plural(out, chains, "chain").append(", "), rules, "rule");
    }

    private static StringBuilder plural(StringBuilder out, int n, String word) {
        out.append(n).append(' ').append(word);
        return n == 1 ? out : out.append('s');
    }

    /** One more use of the name: a counter of its own, as a dump's rules would box a number each. */
    private static void count(Map<String, int[]> counts, String name) {
        int[] count = counts.get(name);
        if (count == null) {
            counts.put(name, new int[] {1});
        } else {
            count[0]++;
        }
    }

    private static StringBuilder list(StringBuilder out, Map<String, int[]> counts) {
        if (counts.isEmpty()) {
            return out.append("none");
        }
        String separator = "";
        for (Map.Entry<String, int[]> entry : new TreeMap<>(counts).entrySet()) {
            out.append(separator).append(entry.getKey()).append(' ').append(entry.getValue()[0]);
            separator = ", ";
        }
        return out;
    }
}
