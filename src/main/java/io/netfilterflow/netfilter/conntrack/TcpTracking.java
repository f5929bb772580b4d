package io.netfilterflow.netfilter.conntrack;

import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;

/**
 * The TCP state machine of {@code nf_conntrack_proto_tcp.c} as far as flags decide it; window
 * tracking is not modelled. Returns a reason when the packet is INVALID, else null.
 */
final class TcpTracking {

    private TcpTracking() {
    }

    /** {@code tcp_new}: only a SYN, or with loose pickup a plain ACK, may start a connection. */
    static Reason start(Conntrack ct, Packet packet, boolean loose) {
        if (!packet.isTcp()) {
            return null;
        }
        int flags = packet.tcpFlags();
        if ((flags & (TcpFlag.SYN | TcpFlag.ACK | TcpFlag.RST | TcpFlag.FIN)) == TcpFlag.SYN) {
            ct.setTcpState(TcpState.SYN_SENT);
            return null;
        }
        if ((flags & (TcpFlag.SYN | TcpFlag.RST | TcpFlag.FIN)) == 0 && (flags & TcpFlag.ACK) != 0) {
            if (!loose) {
                return Reason.of(ReasonCode.TCP_ACK_NOT_LOOSE);
            }
            ct.setTcpState(TcpState.ESTABLISHED);
            return null;
        }
        return Reason.of(ReasonCode.TCP_CANNOT_START, TcpFlag.format(flags));
    }

    /** {@code tcp_packet}: moves the state on for a packet of a known connection. */
    static Reason update(Conntrack ct, Packet packet, boolean reply) {
        if (!packet.isTcp()) {
            return null;
        }
        int flags = packet.tcpFlags();
        TcpState state = ct.tcpState();
        if ((flags & TcpFlag.RST) != 0) {
            ct.setTcpState(TcpState.CLOSE);
            return null;
        }
        boolean syn = (flags & TcpFlag.SYN) != 0;
        boolean ack = (flags & TcpFlag.ACK) != 0;
        if (syn && ack) {
            if (!reply && state == TcpState.SYN_SENT) {
                return Reason.of(ReasonCode.TCP_SYN_ACK_WRONG_WAY);
            }
            if (state == TcpState.SYN_SENT) {
                ct.setTcpState(TcpState.SYN_RECV);
            }
            return null;
        }
        if (syn) {
            return null;
        }
        if ((flags & TcpFlag.FIN) != 0) {
            ct.setTcpState(state == TcpState.FIN_WAIT ? TcpState.LAST_ACK : TcpState.FIN_WAIT);
            return null;
        }
        if (ack && state == TcpState.SYN_RECV && !reply) {
            ct.setTcpState(TcpState.ESTABLISHED);
            ct.set(Conntrack.Status.ASSURED);
        } else if (ack && state == TcpState.LAST_ACK) {
            ct.setTcpState(TcpState.TIME_WAIT);
        }
        return null;
    }
}
