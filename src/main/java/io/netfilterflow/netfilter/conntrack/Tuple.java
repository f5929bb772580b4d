package io.netfilterflow.netfilter.conntrack;

import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.packet.IcmpTypes;
import io.netfilterflow.packet.Packet;

/**
 * One direction of a connection ({@code struct nf_conntrack_tuple}). For TCP and UDP the ports; for
 * ICMP {@code srcPort} holds the id and {@code dstPort} the type, as the kernel keeps them.
 */
public record Tuple(IpProtocol proto, Ipv4Address src, int srcPort, Ipv4Address dst, int dstPort) {

    /** The tuple of a packet ({@code nf_ct_get_tuple}). */
    public static Tuple of(Packet packet) {
        if (packet.isIcmp()) {
            return new Tuple(packet.proto(), packet.src(), packet.icmpId(), packet.dst(), packet.icmpType());
        }
        return new Tuple(packet.proto(), packet.src(), packet.hasPorts() ? packet.sport() : 0, packet.dst(),
                packet.hasPorts() ? packet.dport() : 0);
    }

    /** The other direction ({@code nf_ct_invert_tuple}); an ICMP query becomes its answer. */
    public Tuple invert() {
        if (proto.equals(IpProtocol.ICMP)) {
            return new Tuple(proto, dst, srcPort, src, IcmpTypes.replyTo(dstPort));
        }
        return new Tuple(proto, dst, dstPort, src, srcPort);
    }

    public Tuple withSource(Ipv4Address address, int port) {
        return new Tuple(proto, address, port, dst, dstPort);
    }

    public Tuple withDestination(Ipv4Address address, int port) {
        return new Tuple(proto, src, srcPort, address, port);
    }

    public boolean hasPorts() {
        return proto.equals(IpProtocol.TCP) || proto.equals(IpProtocol.UDP) || proto.equals(IpProtocol.SCTP);
    }

    /** As {@code conntrack -L} prints it. */
    @Override
    public String toString() {
        if (proto.equals(IpProtocol.ICMP)) {
            return "src=" + src + " dst=" + dst + " type=" + dstPort + " id=" + srcPort;
        }
        if (hasPorts()) {
            return "src=" + src + " dst=" + dst + " sport=" + srcPort + " dport=" + dstPort;
        }
        return "src=" + src + " dst=" + dst;
    }
}
