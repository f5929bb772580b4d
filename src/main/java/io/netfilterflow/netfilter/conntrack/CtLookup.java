package io.netfilterflow.netfilter.conntrack;

import io.netfilterflow.trace.Reason;

/**
 * What {@code nf_conntrack_in} decided for a packet: its connection and ctinfo, or no connection
 * (the packet is INVALID), and why.
 */
public record CtLookup(Conntrack ct, CtInfo info, boolean created, Reason reason) {

    public static CtLookup invalid(Reason reason) {
        return new CtLookup(null, null, false, reason);
    }

    public boolean isInvalid() {
        return ct == null && info != CtInfo.UNTRACKED;
    }
}
