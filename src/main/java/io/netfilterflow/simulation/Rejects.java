package io.netfilterflow.simulation;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;

/**
 * The answers the kernel itself sends: REJECT's ({@code nf_send_reset}, {@code nf_send_unreach}) and
 * the stack's for closed ports ({@code tcp_v4_send_reset}, {@code icmp_send}). The answer leaves as a
 * locally generated packet through OUTPUT; a REJECT's answer carries the rejected packet's connection
 * ({@code nf_ct_attach}). A reset for a frame that br_netfilter passed up from a bridge port is the
 * exception: {@code nf_send_reset} writes the Ethernet header itself and sends it straight out of that
 * port with {@code dev_queue_xmit}, so no hook sees it.
 */
final class Rejects {

    /** {@code icmp_send} quotes at most this much of the offending packet (576 minus its own headers). */
    private static final int MAX_QUOTE = 548;

    private final SimContext sim;

    Rejects(SimContext sim) {
        this.sim = sim;
    }

    /** {@code reject_tg}: sends the answer, if the kernel sends one for this packet, and says what happened. */
    Reason reject(boolean tcpReset, int icmpType, int icmpCode, Skb skb) {
        Packet original = skb.packet;
        Packet answer = tcpReset ? reset(original) : unreachable(original, icmpType, icmpCode);
        if (answer == null) {
            return Reason.of(ReasonCode.REJECT_NO_ANSWER, whyNoAnswer(original));
        }
        CtInfo attached = skb.ct == null ? null
                : skb.ctInfo != null && skb.ctInfo.isReply() ? CtInfo.RELATED : CtInfo.RELATED_REPLY;
        String port = tcpReset ? skb.physIn : null;
        if (port != null) {
            // nf_bridge_get_physindev: the source MAC is the one the sender addressed, as if the receiver answered
            answer = answer.withEthernet(original.ethDst(), original.ethSrc());
        }
        sim.answer(Reason.of(ReasonCode.LABEL_REJECT_ANSWER, answer.summary()), skb.flow, answer, skb.ct, attached, port);
        return port == null ? Reason.of(ReasonCode.REJECT_ANSWERS, answer.summary())
                : Reason.of(ReasonCode.REJECT_ANSWERS_FROM_PORT, answer.summary(), port);
    }

    /** {@code nf_send_reset}: RST back to the sender; no reset for a reset. */
    static Packet reset(Packet original) {
        if (!original.isTcp() || original.hasTcpFlags(TcpFlag.RST)) {
            return null;
        }
        int flags = original.hasTcpFlags(TcpFlag.ACK) ? TcpFlag.RST : TcpFlag.RST | TcpFlag.ACK;
        return Packet.tcp(original.dst(), original.dport(), original.src(), original.sport(), flags, 40);
    }

    /** {@code icmp_send}: never about an ICMP error, a broadcast or a multicast. */
    Packet unreachable(Packet original, int type, int code) {
        if (original.isIcmpError() || original.dst().isMulticast() || original.dst().isLimitedBroadcast()) {
            return null;
        }
        Ipv4Address source = sim.host.fib().isLocal(original.dst()) ? original.dst() : sim.host.sourceFor(original.src());
        if (source == null) {
            return null;
        }
        return icmpError(source, original, type, code);
    }

    /** An ICMP error from {@code source} quoting as much of {@code original} as {@code icmp_send} does. */
    static Packet icmpError(Ipv4Address source, Packet original, int type, int code) {
        return Packet.icmp(source, original.src(), type, code, -1, original.withEthernet(null, null),
                28 + Math.min(original.length(), MAX_QUOTE));
    }

    private static Reason whyNoAnswer(Packet original) {
        if (original.isIcmpError()) {
            return Reason.of(ReasonCode.NEVER_ANSWER_ICMP_ERROR);
        }
        if (original.isTcp()) {
            return Reason.of(ReasonCode.NEVER_ANSWER_RST);
        }
        return Reason.of(ReasonCode.RESET_ONLY_TCP);
    }
}
