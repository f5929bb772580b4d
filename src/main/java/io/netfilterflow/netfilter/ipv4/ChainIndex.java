package io.netfilterflow.netfilter.ipv4;

import java.util.List;

/**
 * Each chain's position in its table, by name: open addressing over two arrays, 8 bytes a chain, where a map
 * of boxed positions took 48 (a kube-proxy table has 120k chains).
 */
final class ChainIndex {

    private final String[] names;
    private final int[] positions;
    private final int mask;

    ChainIndex(List<IptChain> chains) {
        int size = Integer.highestOneBit(Math.max(4, chains.size() * 2 - 1)) << 1;
        names = new String[size];
        positions = new int[size];
        mask = size - 1;
        for (int i = 0; i < chains.size(); i++) {
            String name = chains.get(i).name();
            int slot = slot(name);
            while (names[slot] != null) {
                if (names[slot].equals(name)) {
                    throw new IllegalArgumentException("chain " + name + " twice");
                }
                slot = (slot + 1) & mask;
            }
            names[slot] = name;
            positions[slot] = i;
        }
    }

    /** The position of the chain of this name, or -1. */
    int of(String name) {
        for (int slot = slot(name); names[slot] != null; slot = (slot + 1) & mask) {
            if (names[slot].equals(name)) {
                return positions[slot];
            }
        }
        return -1;
    }

    private int slot(String name) {
        int hash = name.hashCode();
        return (hash ^ (hash >>> 16)) & mask;
    }
}
