package io.netfilterflow.netfilter.nft;

/** A base chain's type, as {@code nft} writes it ({@code nft_chain_type}: filter, nat, route). */
public enum NftChainType {
    FILTER, NAT, ROUTE;

    /** The type {@code nft} writes, or null if the word names none. */
    public static NftChainType of(String word) {
        return switch (word) {
            case "filter" -> FILTER;
            case "nat" -> NAT;
            case "route" -> ROUTE;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
