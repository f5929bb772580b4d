package io.netfilterflow.cli;

import io.netfilterflow.netfilter.nft.NftChain;
import io.netfilterflow.netfilter.nft.NftRule;
import io.netfilterflow.netfilter.nft.NftRuleset;
import io.netfilterflow.netfilter.nft.NftSet;
import io.netfilterflow.netfilter.nft.NftTable;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The text {@code check} prints for {@code nft list ruleset} output: each table with its chains (hook,
 * priority as a number and policy for base chains), rule counts, its sets and maps, and the verdicts used.
 */
final class NftRulesetSummary {

    private NftRulesetSummary() {
    }

    static String of(String file, NftRuleset ruleset) {
        StringBuilder text = new StringBuilder();
        Map<String, Integer> verdicts = new TreeMap<>();
        long maps = ruleset.tables().stream().flatMap(table -> table.sets().stream()).filter(NftSet::map).count();
        long sets = ruleset.tables().stream().mapToInt(table -> table.sets().size()).sum() - maps;
        text.append(file).append(": nftables ruleset, ").append(plural(ruleset.tables().size(), "table")).append(", ")
                .append(plural(ruleset.chainCount(), "chain")).append(", ").append(plural(ruleset.ruleCount(), "rule"))
                .append(", ").append(plural((int) sets, "set")).append(", ").append(plural((int) maps, "map")).append('\n');
        for (NftTable table : ruleset.tables()) {
            text.append("  table ").append(table.family()).append(' ').append(table.name()).append(": ")
                    .append(plural(table.chains().size(), "chain")).append(", ")
                    .append(plural(table.ruleCount(), "rule")).append('\n');
            for (NftChain chain : table.chains()) {
                text.append("    chain ").append(chain.name()).append(": ");
                if (chain.isBase()) {
                    text.append(String.format(Locale.ROOT, "type %s hook %s priority %d policy %s, ",
                            chain.base().type(), chain.base().hook(), chain.base().priority(), chain.base().policy()));
                }
                text.append(plural(chain.rules().size(), "rule")).append('\n');
                for (NftRule rule : chain.rules()) {
                    verdicts.merge(rule.verdict() == null ? "(none)"
                            : rule.verdict().kind().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
                }
            }
            for (NftSet set : table.sets()) {
                text.append("    ").append(set.map() ? "map " : "set ").append(set.name()).append(": ").append(set.type())
                        .append(set.flags().isEmpty() ? "" : ", flags " + String.join(",", set.flags()))
                        .append(", ").append(plural(set.elements().size(), "element")).append('\n');
            }
        }
        text.append("  verdicts: ").append(verdicts.isEmpty() ? "none" : verdicts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append('\n');
        return text.toString();
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
