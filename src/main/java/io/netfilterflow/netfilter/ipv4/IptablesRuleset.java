package io.netfilterflow.netfilter.ipv4;

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

    public int ruleCount() {
        return tables.stream().mapToInt(IptTable::ruleCount).sum();
    }

    public int chainCount() {
        return tables.stream().mapToInt(table -> table.chains().size()).sum();
    }
}
