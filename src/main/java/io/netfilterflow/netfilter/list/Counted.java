package io.netfilterflow.netfilter.list;

import io.netfilterflow.netfilter.bridge.EbtChain;
import io.netfilterflow.netfilter.bridge.EbtRule;
import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import java.util.HashMap;
import java.util.Map;

/** The packets and bytes of a rule (its line in the save text) or, for line 0, a chain's policy. */
@FunctionalInterface
public interface Counted {

    /** Never null: what was not counted is zero. */
    Counters of(String chain, int line);

    /** Both counts added, as the kernel's counters grow from the saved ones. */
    default Counted plus(Counted more) {
        return (chain, line) -> {
            Counters a = of(chain, line);
            Counters b = more.of(chain, line);
            return new Counters(a.packets() + b.packets(), a.bytes() + b.bytes());
        };
    }

    /** The counters the iptables-save text gives ({@code :CHAIN POLICY [p:b]}, {@code [p:b] -A}). */
    static Counted saved(IptTable table) {
        Map<String, Counters> counters = new HashMap<>();
        for (IptChain chain : table.chains()) {
            put(counters, chain.name(), 0, chain.counters());
            for (IptRule rule : chain.rules()) {
                put(counters, chain.name(), rule.source().number(), rule.counters());
            }
        }
        return of(counters);
    }

    /** The counters the ebtables-save text gives ({@code [p:b] -A} or {@code -c p b}). */
    static Counted saved(EbtTable table) {
        Map<String, Counters> counters = new HashMap<>();
        for (EbtChain chain : table.chains()) {
            for (EbtRule rule : chain.rules()) {
                put(counters, chain.name(), rule.source().number(), rule.counters());
            }
        }
        return of(counters);
    }

    /** Counters keyed {@code "CHAIN LINE"}. */
    static Counted of(Map<String, Counters> counters) {
        return (chain, line) -> counters.getOrDefault(chain + " " + line, Counters.ZERO);
    }

    private static void put(Map<String, Counters> counters, String chain, int line, Counters value) {
        if (value != null) {
            counters.put(chain + " " + line, value);
        }
    }
}
