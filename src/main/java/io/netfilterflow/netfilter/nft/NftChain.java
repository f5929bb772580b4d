package io.netfilterflow.netfilter.nft;

import java.util.List;
import java.util.Objects;

/**
 * A chain of a table ({@code nft_chain}): base when {@code base} is set, a regular chain otherwise; its
 * {@code -a} handle and its {@code comment} (each null when none).
 */
public record NftChain(String name, int line, Long handle, String comment, NftBaseChain base, List<NftRule> rules) {

    public NftChain {
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
    }

    public NftChain(String name, int line, Long handle, NftBaseChain base, List<NftRule> rules) {
        this(name, line, handle, null, base, rules);
    }

    public boolean isBase() {
        return base != null;
    }
}
