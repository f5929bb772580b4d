package io.netfilterflow.netfilter.core;

import io.netfilterflow.problem.InvalidValue;

/** Which kernel API the rules were loaded through: nf_tables (iptables-nft) or x_tables (iptables-legacy). */
public enum Backend {
    NFT, LEGACY;

    public static Backend parse(String text) {
        return switch (text) {
            case "nft" -> NFT;
            case "legacy" -> LEGACY;
            default -> throw new InvalidValue("rules.not-a-backend", text);
        };
    }

    public String label() {
        return this == NFT ? "nft" : "legacy";
    }
}
