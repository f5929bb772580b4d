package io.netfilterflow.netfilter.conntrack;

/**
 * What {@code nf_conntrack_in} decided for a packet: its connection and ctinfo, or no connection
 * (the packet is INVALID), and a sentence saying why.
 */
public record CtLookup(Conntrack ct, CtInfo info, boolean created, String reason) {

    public static CtLookup invalid(String reason) {
        return new CtLookup(null, null, false, reason);
    }

    public boolean isInvalid() {
        return ct == null && info != CtInfo.UNTRACKED;
    }
}
