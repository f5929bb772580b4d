package io.netfilterflow.netfilter.core;

/** Which kernel API the rules were loaded through: nf_tables (iptables-nft) or x_tables (iptables-legacy). */
public enum Backend {
    NFT, LEGACY;

    public static Backend parse(String text) {
        return switch (text) {
            case "nft" -> NFT;
            case "legacy" -> LEGACY;
            default -> throw new IllegalArgumentException("'" + text + "' is not a backend (nft or legacy)");
        };
    }

    public String label() {
        return this == NFT ? "nft" : "legacy";
    }
}
