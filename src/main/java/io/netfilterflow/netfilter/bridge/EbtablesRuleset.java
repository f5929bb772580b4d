package io.netfilterflow.netfilter.bridge;

import java.util.List;

/** Everything one {@code ebtables-save} printed, tables in order of appearance. */
public record EbtablesRuleset(List<EbtTable> tables) {

    public static final EbtablesRuleset EMPTY = new EbtablesRuleset(List.of());

    public EbtablesRuleset {
        tables = List.copyOf(tables);
    }

    public EbtTable table(EbtTableName name) {
        for (EbtTable table : tables) {
            if (table.name() == name) {
                return table;
            }
        }
        return null;
    }

    public int ruleCount() {
        return tables.stream().mapToInt(EbtTable::ruleCount).sum();
    }

    public int chainCount() {
        return tables.stream().mapToInt(table -> table.chains().size()).sum();
    }
}
