package io.netfilterflow.netfilter.nft;

import java.util.List;
import java.util.Objects;

/**
 * A table ({@code nft_table}): family, name, its {@code -a} handle (null when none), its own statements as
 * written ({@code comment "..."}, {@code flags ...}), its chains and its named sets and maps, in printed order.
 */
public record NftTable(NftFamily family, String name, int line, Long handle, List<String> statements,
        List<NftChain> chains, List<NftSet> sets) {

    public NftTable {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(name, "name");
        statements = List.copyOf(statements);
        chains = List.copyOf(chains);
        sets = List.copyOf(sets);
    }

    public NftTable(NftFamily family, String name, int line, List<NftChain> chains, List<NftSet> sets) {
        this(family, name, line, null, List.of(), chains, sets);
    }

    public int ruleCount() {
        return chains.stream().mapToInt(chain -> chain.rules().size()).sum();
    }
}
