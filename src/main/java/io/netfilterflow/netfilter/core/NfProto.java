package io.netfilterflow.netfilter.core;

/** The protocol families whose hooks the simulator runs ({@code NFPROTO_IPV4}, {@code NFPROTO_BRIDGE}). */
public enum NfProto {
    IPV4("ip"), BRIDGE("bridge");

    private final String family;

    NfProto(String family) {
        this.family = family;
    }

    /** As {@code nft} names the family: {@code ip}, {@code bridge}. */
    public String family() {
        return family;
    }
}
