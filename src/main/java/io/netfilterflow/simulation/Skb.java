package io.netfilterflow.simulation;

import io.netfilterflow.netfilter.conntrack.Conntrack;
import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.netfilter.core.PktType;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.routing.Route;

/**
 * The socket buffer of one packet on its way ({@code struct sk_buff}): the packet and the metadata
 * the kernel keeps beside it. It changes as the packet moves; steps record snapshots of it.
 */
final class Skb {

    Packet packet;
    long mark;
    Conntrack ct;
    /** null with {@code ct == null} is an INVALID packet; UNTRACKED has no connection either. */
    CtInfo ctInfo;
    /** Set once conntrack has looked at the packet (or attached a connection to it). */
    boolean ctDone;
    PktType pktType = PktType.HOST;
    /** {@code skb_dst}: the routing decision, once made. */
    Route route;
    /** {@code struct nf_bridge_info}: set when br_netfilter handed the frame to iptables. */
    boolean nfBridge;
    String physIn;
    String physOut;
    /** Whether iptables PREROUTING already ran from the bridge hook ({@code ip_sabotage_in} stops a second). */
    boolean brnfPrerouted;
    /** {@code BR_INPUT_SKB_CB(skb)->br_netfilter_broute}: the broute table said "route it, do not bridge it". */
    boolean brouted;
    /** The local socket's owner for packets a process sends; null for the kernel's own packets. */
    Long uid;
    Long gid;
    final int flow;
    /** Whether the receiver should answer this packet (the scenario's {@code reply}). */
    boolean answer;
    /** A copy the bridge floods to one port ({@code skb_clone} in {@code br_flood}): its end is not the packet's. */
    boolean floodCopy;
    /** The last verdict a chain gave the packet ({@link Decision}), set by the traversal that gave it. */
    Decision decided;

    Skb(Packet packet, int flow) {
        this.packet = packet;
        this.flow = flow;
    }

    /** {@code skb_clone}: the same packet and metadata (connection, br_netfilter state), for one flooded port. */
    Skb floodCopy() {
        Skb copy = new Skb(packet, flow);
        copy.mark = mark;
        copy.ct = ct;
        copy.ctInfo = ctInfo;
        copy.ctDone = ctDone;
        copy.pktType = pktType;
        copy.route = route;
        copy.nfBridge = nfBridge;
        copy.physIn = physIn;
        copy.physOut = physOut;
        copy.brnfPrerouted = brnfPrerouted;
        copy.uid = uid;
        copy.gid = gid;
        copy.answer = false;
        copy.floodCopy = true;
        return copy;
    }
}
