package io.netfilterflow.netfilter.conntrack;

import io.netfilterflow.packet.IcmpTypes;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import java.util.HashMap;
import java.util.Map;

/**
 * The connection tracking table of the host's namespace ({@code nf_conntrack_hash}): finds a
 * packet's connection or starts a new one ({@code nf_conntrack_in}), and inserts it when the first
 * packet survives to the last hook ({@code __nf_conntrack_confirm}). Shared by all packets of a scenario.
 */
public final class ConntrackTable {

    private final Map<Tuple, Conntrack> hash = new HashMap<>();
    private final boolean tcpLoose;
    private int nextId = 1;

    public ConntrackTable(boolean tcpLoose) {
        this.tcpLoose = tcpLoose;
    }

    /** {@code nf_conntrack_in} for a packet that carries no connection yet. */
    public CtLookup in(Packet packet) {
        if (packet.isIcmpError()) {
            return related(packet);
        }
        if (packet.isIcmp() && !IcmpTypes.isQuery(packet.icmpType()) && IcmpTypes.replyTo(packet.icmpType()) < 0) {
            return CtLookup.invalid(Reason.of(ReasonCode.CT_UNTRACKABLE_ICMP, IcmpTypes.name(packet.icmpType())));
        }
        Tuple tuple = Tuple.of(packet);
        Conntrack ct = hash.get(tuple);
        if (ct != null && packet.isTcp() && !ct.reply().equals(tuple) && ct.tcpState().isClosed()
                && packet.tcpFlags() == TcpFlag.SYN) {
            remove(ct);
            ct = null;
        }
        if (ct == null) {
            return create(packet, tuple);
        }
        boolean reply = ct.reply().equals(tuple) && !ct.original().equals(tuple);
        Reason invalid = TcpTracking.update(ct, packet, reply);
        if (invalid != null) {
            return CtLookup.invalid(invalid);
        }
        CtInfo info;
        if (reply) {
            info = CtInfo.ESTABLISHED_REPLY;
            ct.set(Conntrack.Status.SEEN_REPLY);
        } else {
            info = ct.has(Conntrack.Status.SEEN_REPLY) ? CtInfo.ESTABLISHED : CtInfo.NEW;
        }
        return new CtLookup(ct, info, false, Reason.of(ReasonCode.CT_FOUND, ct.id(),
                Reason.of(reply ? ReasonCode.DIRECTION_REPLY : ReasonCode.DIRECTION_ORIGINAL)));
    }

    private CtLookup create(Packet packet, Tuple tuple) {
        if (packet.isIcmp() && !IcmpTypes.isQuery(packet.icmpType())) {
            return CtLookup.invalid(Reason.of(ReasonCode.CT_UNANSWERED_ICMP, IcmpTypes.name(packet.icmpType())));
        }
        Conntrack ct = new Conntrack(nextId, tuple);
        Reason invalid = TcpTracking.start(ct, packet, tcpLoose);
        if (invalid != null) {
            return CtLookup.invalid(invalid);
        }
        nextId++;
        return new CtLookup(ct, CtInfo.NEW, true, Reason.of(ReasonCode.CT_NEW, ct.id()));
    }

    /** {@code nf_conntrack_inet_error}: an ICMP error belongs to the connection of the packet it carries. */
    private CtLookup related(Packet packet) {
        if (packet.embedded() == null) {
            return CtLookup.invalid(Reason.of(ReasonCode.CT_ICMP_NO_HEADER));
        }
        Tuple inner = Tuple.of(packet.embedded()).invert();
        Conntrack ct = hash.get(inner);
        if (ct == null) {
            return CtLookup.invalid(Reason.of(ReasonCode.CT_ICMP_UNTRACKED));
        }
        boolean reply = ct.reply().equals(inner);
        return new CtLookup(ct, reply ? CtInfo.RELATED_REPLY : CtInfo.RELATED, false,
                Reason.of(ReasonCode.CT_RELATED, ct.id()));
    }

    /** {@code __nf_conntrack_confirm}: the connection enters the table; later packets find it. */
    public boolean confirm(Conntrack ct) {
        if (ct.has(Conntrack.Status.CONFIRMED)) {
            return false;
        }
        ct.set(Conntrack.Status.CONFIRMED);
        hash.put(ct.original(), ct);
        hash.put(ct.reply(), ct);
        return true;
    }

    private void remove(Conntrack ct) {
        hash.remove(ct.original());
        hash.remove(ct.reply());
    }
}
