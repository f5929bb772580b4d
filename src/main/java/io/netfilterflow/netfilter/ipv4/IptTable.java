package io.netfilterflow.netfilter.ipv4;

import java.util.List;

/** One iptables table with its chains: base chains in hook order, then user chains by name. */
public final class IptTable {

    private final IptTableName name;
    private final List<IptChain> chains;
    private final ChainIndex positions;

    public IptTable(IptTableName name, List<IptChain> chains) {
        this.name = name;
        this.chains = List.copyOf(chains);
        this.positions = new ChainIndex(this.chains);
    }

    public IptTableName name() {
        return name;
    }

    public List<IptChain> chains() {
        return chains;
    }

    /** The chain, or null when this table does not declare it. */
    public IptChain chain(String chainName) {
        int position = positions.of(chainName);
        return position < 0 ? null : chains.get(position);
    }

    /** The chain's position in {@link #chains()}, or -1 when this table does not declare it. */
    public int indexOf(String chainName) {
        return positions.of(chainName);
    }

    public int ruleCount() {
        int rules = 0;
        for (IptChain chain : chains) {
            rules += chain.rules().size();
        }
        return rules;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IptTable table && table.name == name && table.chains.equals(chains);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + chains.hashCode();
    }
}
