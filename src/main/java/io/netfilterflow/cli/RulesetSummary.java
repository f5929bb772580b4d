package io.netfilterflow.cli;

import io.netfilterflow.netfilter.bridge.EbtChain;
import io.netfilterflow.netfilter.bridge.EbtRule;
import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The text {@code check} prints: tables, chain and rule counts, and which extensions are used how often. */
final class RulesetSummary {

    private RulesetSummary() {
    }

    static String of(String file, IptablesRuleset ruleset) {
        Map<String, int[]> matches = new HashMap<>();
        Map<String, int[]> targets = new HashMap<>();
        StringBuilder tables = new StringBuilder();
        for (IptTable table : ruleset.tables()) {
            tables.append(String.format("  %-9s %s%n", table.name().saveName(),
                    counts(-1, table.chains().size(), table.ruleCount())));
            for (IptChain chain : table.chains()) {
                for (IptRule rule : chain.rules()) {
                    for (XtMatch match : rule.matches()) {
                        count(matches, match.name());
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
        return file + ": iptables ruleset, " + counts(ruleset.tables().size(), ruleset.chainCount(), ruleset.ruleCount())
                + "\n" + tables
                + "  matches: " + list(matches) + "\n  targets: " + list(targets) + "\n";
    }

    static String of(String file, EbtablesRuleset ruleset) {
        Map<String, int[]> matches = new HashMap<>();
        Map<String, int[]> targets = new HashMap<>();
        StringBuilder tables = new StringBuilder();
        for (EbtTable table : ruleset.tables()) {
            tables.append(String.format("  %-9s %s%n", table.name().saveName(),
                    counts(-1, table.chains().size(), table.ruleCount())));
            for (EbtChain chain : table.chains()) {
                for (EbtRule rule : chain.rules()) {
                    rule.matches().forEach(match -> count(matches, match.name()));
                    rule.watchers().forEach(watcher -> count(matches, watcher.name() + " (watcher)"));
                    count(targets, rule.target().name());
                }
            }
        }
        return file + ": ebtables ruleset, " + counts(ruleset.tables().size(), ruleset.chainCount(), ruleset.ruleCount())
                + "\n" + tables
                + "  matches: " + list(matches) + "\n  targets: " + list(targets) + "\n";
    }

    private static String counts(int tables, int chains, int rules) {
        return (tables >= 0 ? plural(tables, "table") + ", " : "") + plural(chains, "chain") + ", " + plural(rules, "rule");
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
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

    private static String list(Map<String, int[]> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return new TreeMap<>(counts).entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0])
                .collect(Collectors.joining(", "));
    }

}
