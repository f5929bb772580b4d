package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.MacAddress;
import io.netfilterflow.netfilter.conntrack.Conntrack;
import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.AddrType;
import io.netfilterflow.netfilter.core.PktType;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.trace.Reason;

/**
 * What a match sees of a packet and the host ({@code struct xt_action_param} with the skb and
 * {@code struct nf_hook_state}), plus the scenario's state the stateful matches keep.
 */
public interface XtActionParam {

    Packet packet();

    NfHook hook();

    /** The input device's name, or null when the hook has none. */
    String in();

    String out();

    long mark();

    /** The connection, or null when the packet is INVALID or untracked. */
    Conntrack ct();

    /** The packet's ctinfo; null when INVALID. */
    CtInfo ctInfo();

    /** {@code inet_addr_type_dev_table}: the route type of an address, optionally on one device. */
    AddrType addressType(Ipv4Address address, String device);

    /** Whether the ipset of this name holds the address. */
    boolean inSet(String set, Ipv4Address address);

    /** br_netfilter's bridge port the frame came in on, or null. */
    String physIn();

    String physOut();

    /** Whether br_netfilter handed this packet to iptables from a bridge hook. */
    boolean bridged();

    MacAddress sourceMac();

    PktType pktType();

    /** The sending socket's owner, or null for packets without a local socket. */
    Long uid();

    Long gid();

    /** {@code fib_lookup} of the source from the input interface, as rpfilter does it. */
    boolean reversePathValid(boolean loose, boolean acceptLocal);

    /** State a rule keeps across the scenario's packets (limit buckets, nth counters, recent lists). */
    <T> T state(RuleState<T> key);

    /** A deterministic draw in [0, 1) for {@code statistic --mode random}. */
    double random();

    /** Adds what a match or target saw to the current rule's step. */
    void note(Reason note);
}
