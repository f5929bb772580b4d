package io.netfilterflow.netfilter.ipv4;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One iptables table with its chains: base chains in hook order, then user chains by name. */
public final class IptTable {

    private final IptTableName name;
    private final List<IptChain> chains;
    private final Map<String, Integer> positions;

    public IptTable(IptTableName name, List<IptChain> chains) {
        this.name = name;
        this.chains = List.copyOf(chains);
        this.positions = new HashMap<>(this.chains.size() * 4 / 3 + 1);
        for (int i = 0; i < this.chains.size(); i++) {
            if (positions.put(this.chains.get(i).name(), i) != null) {
                throw new IllegalArgumentException("chain " + this.chains.get(i).name() + " twice");
            }
        }
    }

    public IptTableName name() {
        return name;
    }

    public List<IptChain> chains() {
        return chains;
    }

    /** The chain, or null when this table does not declare it. */
    public IptChain chain(String chainName) {
        Integer position = positions.get(chainName);
        return position == null ? null : chains.get(position);
    }

    /** The chain's position in {@link #chains()}, or -1 when this table does not declare it. */
    public int indexOf(String chainName) {
        Integer position = positions.get(chainName);
        return position == null ? -1 : position;
    }

    public int ruleCount() {
        return chains.stream().mapToInt(chain -> chain.rules().size()).sum();
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
