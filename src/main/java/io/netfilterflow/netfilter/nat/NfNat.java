package io.netfilterflow.netfilter.nat;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.netfilter.conntrack.Conntrack;
import io.netfilterflow.netfilter.conntrack.Conntrack.Status;
import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.netfilter.conntrack.Tuple;
import io.netfilterflow.packet.Packet;

/**
 * The NAT core ({@code nf_nat_core.c}): a binding is made once per connection and end
 * ({@code nf_nat_setup_info}), then every packet of the connection is rewritten from the
 * connection's tuples ({@code nf_nat_packet}) without looking at any rule.
 */
public final class NfNat {

    private NfNat() {
    }

    /** {@code nf_nat_initialized}: whether this end already has its binding. */
    public static boolean initialized(Conntrack ct, NatManip manip) {
        return ct.has(manip == NatManip.SRC ? Status.SRC_NAT_DONE : Status.DST_NAT_DONE);
    }

    /** {@code nf_nat_setup_info}: the connection's packets will carry this address and port (-1 keeps the port). */
    public static void setup(Conntrack ct, NatManip manip, Ipv4Address address, int port) {
        Tuple current = ct.reply().invert();
        Tuple wanted = manip == NatManip.SRC
                ? current.withSource(address, port < 0 || !current.hasPorts() ? current.srcPort() : port)
                : current.withDestination(address, port < 0 || !current.hasPorts() ? current.dstPort() : port);
        if (!wanted.equals(current)) {
            ct.setReply(wanted.invert());
            ct.set(manip == NatManip.SRC ? Status.SRC_NAT : Status.DST_NAT);
        }
        ct.set(manip == NatManip.SRC ? Status.SRC_NAT_DONE : Status.DST_NAT_DONE);
    }

    /** {@code nf_nat_alloc_null_binding}: no rule mapped this end; it stays as it is. */
    public static void nullBinding(Conntrack ct, NatManip manip) {
        ct.set(manip == NatManip.SRC ? Status.SRC_NAT_DONE : Status.DST_NAT_DONE);
    }

    /** {@code nf_nat_packet}: rewrites the packet as its connection's binding says, or returns it unchanged. */
    public static Packet packet(Conntrack ct, CtInfo info, NatManip manip, Packet packet) {
        boolean reply = info.isReply();
        if (!ct.has(statusBit(manip, reply))) {
            return packet;
        }
        Tuple target = ct.tuple(!reply).invert();
        return manip == NatManip.SRC ? packet.withSource(target.src(), target.srcPort())
                : packet.withDestination(target.dst(), target.dstPort());
    }

    /** {@code nf_nat_icmp_reply_translation}: an ICMP error is rewritten outside and inside. */
    public static Packet icmpReply(Conntrack ct, CtInfo info, NatManip manip, Packet packet) {
        boolean reply = info.isReply();
        if (!ct.has(statusBit(manip, reply)) || packet.embedded() == null) {
            return packet;
        }
        Tuple other = ct.tuple(!reply);
        Packet inner = packet.embedded();
        inner = manip == NatManip.SRC ? inner.withDestination(other.dst(), other.dstPort())
                : inner.withSource(other.src(), other.srcPort());
        Tuple target = other.invert();
        Packet outer = manip == NatManip.SRC ? packet.withSource(target.src(), -1)
                : packet.withDestination(target.dst(), -1);
        return outer.withEmbedded(inner);
    }

    private static Status statusBit(NatManip manip, boolean reply) {
        boolean src = manip == NatManip.SRC;
        return src != reply ? Status.SRC_NAT : Status.DST_NAT;
    }
}
