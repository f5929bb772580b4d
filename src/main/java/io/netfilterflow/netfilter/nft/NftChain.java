package io.netfilterflow.netfilter.nft;

import java.util.List;
import java.util.Objects;

/** A chain of a table ({@code nft_chain}): base when {@code base} is set, a regular chain otherwise. */
public record NftChain(String name, int line, Long handle, NftBaseChain base, List<NftRule> rules) {

    public NftChain {
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
    }

    public boolean isBase() {
        return base != null;
    }
}
