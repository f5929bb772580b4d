package io.netfilterflow.netfilter.nft;

import java.util.List;
import java.util.Objects;

/** A table ({@code nft_table}): family, name, its chains and its named sets and maps, in printed order. */
public record NftTable(NftFamily family, String name, int line, List<NftChain> chains, List<NftSet> sets) {

    public NftTable {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(name, "name");
        chains = List.copyOf(chains);
        sets = List.copyOf(sets);
    }

    public int ruleCount() {
        return chains.stream().mapToInt(chain -> chain.rules().size()).sum();
    }
}
