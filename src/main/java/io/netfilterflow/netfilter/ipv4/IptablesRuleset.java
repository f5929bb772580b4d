package io.netfilterflow.netfilter.ipv4;

import io.netfilterflow.netfilter.save.UnsupportedUse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Everything one {@code iptables-save} printed: its tables, in the order they appeared. */
public record IptablesRuleset(List<IptTable> tables) {

    public static final IptablesRuleset EMPTY = new IptablesRuleset(List.of());

    public IptablesRuleset {
        tables = List.copyOf(tables);
    }

    /** The table, or null when the ruleset does not have it. */
    public IptTable table(IptTableName name) {
        for (IptTable table : tables) {
            if (table.name() == name) {
                return table;
            }
        }
        return null;
    }

    /** Every use of an extension that is kept but not modelled, in the order of the input's lines. */
    public List<UnsupportedUse> unsupported() {
        List<UnsupportedUse> found = new ArrayList<>();
        for (IptTable table : tables) {
            for (IptChain chain : table.chains()) {
                for (IptRule rule : chain.rules()) {
                    rule.unsupported().forEach(u -> found.add(new UnsupportedUse(u, rule.source())));
                }
            }
        }
        found.sort(Comparator.comparingInt(use -> use.line().number()));
        return found;
    }

    public int ruleCount() {
        return tables.stream().mapToInt(IptTable::ruleCount).sum();
    }

    public int chainCount() {
        return tables.stream().mapToInt(table -> table.chains().size()).sum();
    }
}
