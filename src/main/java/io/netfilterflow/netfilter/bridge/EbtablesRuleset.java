package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.netfilter.save.UnsupportedUse;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** Every use of an extension that is kept but not modelled, in the order of the input's lines. */
    public List<UnsupportedUse> unsupported() {
        List<UnsupportedUse> found = new ArrayList<>();
        for (EbtTable table : tables) {
            for (EbtChain chain : table.chains()) {
                for (EbtRule rule : chain.rules()) {
                    rule.unsupported().forEach(u -> found.add(new UnsupportedUse(u, rule.source())));
                }
            }
        }
        found.sort(Comparator.comparingInt(use -> use.line().number()));
        return found;
    }

    public int ruleCount() {
        return tables.stream().mapToInt(EbtTable::ruleCount).sum();
    }

    public int chainCount() {
        return tables.stream().mapToInt(table -> table.chains().size()).sum();
    }
}
