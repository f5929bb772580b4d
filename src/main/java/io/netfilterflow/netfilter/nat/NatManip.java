package io.netfilterflow.netfilter.nat;

import io.netfilterflow.netfilter.core.NfHook;

/** Which end of a connection a NAT hook rewrites ({@code enum nf_nat_manip_type}). */
public enum NatManip {
    SRC, DST;

    /** {@code HOOK2MANIP}: PREROUTING and OUTPUT rewrite destinations, INPUT and POSTROUTING sources. */
    public static NatManip of(NfHook hook) {
        return hook == NfHook.POST_ROUTING || hook == NfHook.LOCAL_IN ? SRC : DST;
    }
}
