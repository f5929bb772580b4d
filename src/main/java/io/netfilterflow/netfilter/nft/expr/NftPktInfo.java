package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.netfilter.bridge.EbtActionParam;
import io.netfilterflow.netfilter.xtables.XtTargetParam;

/**
 * What nft's expressions see and change ({@code struct nft_pktinfo}): the packet and hook state iptables
 * sees, the bridge's view of the frame, and the family of the chain that runs.
 */
public interface NftPktInfo extends XtTargetParam, EbtActionParam {

    /** Whether the chain belongs to the bridge family (its devices are bridge ports). */
    boolean bridgeFamily();

    /** {@code ct mark set}: the connection's mark; nothing without a connection. */
    void setCtMark(long mark);

    /**
     * {@code nft_fib4_eval} for {@code fib saddr}: the device the route back to the source leaves by; the input
     * device for a loopback packet; null when there is none (no unicast route, or a local source).
     */
    String routeBackDevice();
}
