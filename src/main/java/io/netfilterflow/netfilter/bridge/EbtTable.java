package io.netfilterflow.netfilter.bridge;

import java.util.List;

/** One ebtables table: base chains in hook order, then user chains by name, as ebtables-save lists them. */
public record EbtTable(EbtTableName name, List<EbtChain> chains) {

    public EbtTable {
        chains = List.copyOf(chains);
    }

    public EbtChain chain(String chainName) {
        for (EbtChain chain : chains) {
            if (chain.name().equals(chainName)) {
                return chain;
            }
        }
        return null;
    }

    public int ruleCount() {
        return chains.stream().mapToInt(chain -> chain.rules().size()).sum();
    }
}
