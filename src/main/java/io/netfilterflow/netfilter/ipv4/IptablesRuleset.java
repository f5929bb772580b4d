package io.netfilterflow.netfilter.ipv4;

import io.netfilterflow.netfilter.save.Unsupported;
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
                    for (Unsupported use : rule.unsupported()) {
                        found.add(new UnsupportedUse(use, rule.source()));
                    }
                }
            }
        }
        if (found.size() > 1) {
            found.sort(Comparator.comparingInt(use -> use.line().number()));
        }
        return found;
    }

    // counted in loops, as the tables' own counts: what check prints links no stream at its start
    public int ruleCount() {
        int rules = 0;
        for (IptTable table : tables) {
            rules += table.ruleCount();
        }
        return rules;
    }

    public int chainCount() {
        int chains = 0;
        for (IptTable table : tables) {
            chains += table.chains().size();
        }
        return chains;
    }
}
