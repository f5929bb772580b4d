package io.netfilterflow.netfilter.list;

import io.netfilterflow.netfilter.bridge.EbtChain;
import io.netfilterflow.netfilter.bridge.EbtRule;
import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.bridge.save.EbtablesSavePrinter;
import io.netfilterflow.netfilter.core.Counters;

/**
 * One table as {@code ebtables -t TABLE -L --Lc} prints it (ebtables-nft 1.8.9): each rule in its
 * ebtables-save words, then its packet and byte counts. That version names every user chain's policy
 * RETURN whatever it is (its save output and the kernel's chain end in the real one), and so does this.
 */
public final class EbtablesListing {

    private EbtablesListing() {
    }

    public static String list(EbtTable table, Counted counted) {
        StringBuilder out = new StringBuilder("Bridge table: ").append(table.name().saveName()).append('\n');
        for (EbtChain chain : table.chains()) {
            out.append("\nBridge chain: ").append(chain.name()).append(", entries: ").append(chain.rules().size())
                    .append(", policy: ").append(chain.builtin() ? chain.policy().name() : "RETURN").append('\n');
            for (EbtRule rule : chain.rules()) {
                Counters counters = counted.of(chain.name(), rule.source().number());
                out.append(EbtablesSavePrinter.options(rule)).append(" , pcnt = ").append(counters.packets())
                        .append(" -- bcnt = ").append(counters.bytes()).append('\n');
            }
        }
        return out.toString();
    }
}
