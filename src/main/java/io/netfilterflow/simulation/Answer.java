package io.netfilterflow.simulation;

import io.netfilterflow.host.Listen;
import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.packet.IcmpTypes;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import java.util.function.Predicate;

/**
 * How a Linux machine answers a packet delivered to it: echo-reply, SYN-ACK or a UDP reply from a
 * listening process; RST or ICMP port unreachable from the kernel for a closed port, RST from a
 * listener for a segment that carries an ACK of no connection. {@code packet} is null when nothing is
 * sent back; {@code socket} says whether a process sends it; {@code accepted} whether a listener made a
 * request socket for it.
 */
record Answer(Packet packet, Reason reason, boolean socket, boolean accepted) {

    static final int TCP_HANDSHAKE_LENGTH = 60;

    /**
     * @param connected whether the machine has a socket for this packet's four-tuple already (it sent on
     *                  it, or a listener accepted its SYN)
     */
    static Answer to(Packet p, Predicate<Listen> listens, boolean connected) {
        if (p.isIcmp()) {
            if (p.icmpType() == IcmpTypes.ECHO_REQUEST) {
                return kernel(Packet.icmp(p.dst(), p.src(), IcmpTypes.ECHO_REPLY, 0, p.icmpId(), null, p.length()),
                        Reason.of(ReasonCode.ANSWER_ECHO));
            }
            return kernel(null, Reason.of(ReasonCode.ANSWER_ICMP_TAKEN, IcmpTypes.name(p.icmpType())));
        }
        if (p.isTcp()) {
            return tcp(p, listens, connected);
        }
        if (p.isUdp()) {
            if (connected) {
                return new Answer(null, Reason.of(ReasonCode.ANSWER_UDP_SOCKET, p.src(), p.sport()), true, false);
            }
            if (listens.test(new Listen(IpProtocol.UDP, p.dport()))) {
                return new Answer(Packet.udp(p.dst(), p.dport(), p.src(), p.sport(), p.length()),
                        Reason.of(ReasonCode.ANSWER_UDP_LISTENER, p.dport()), true, false);
            }
            return kernel(Rejects.icmpError(p.dst(), p, IcmpTypes.DEST_UNREACH, 3),
                    Reason.of(ReasonCode.ANSWER_UDP_CLOSED, p.dport()));
        }
        return kernel(null, Reason.of(ReasonCode.ANSWER_OTHER_PROTOCOL, p.proto()));
    }

    /**
     * {@code tcp_v4_rcv}: a RST is never answered; a segment of a known connection goes to its socket;
     * with no socket at all the kernel resets ({@code tcp_v4_send_reset}); a listener
     * ({@code tcp_rcv_state_process} in {@code TCP_LISTEN}) resets a segment with ACK, answers a SYN with
     * SYN-ACK and drops anything else.
     */
    private static Answer tcp(Packet p, Predicate<Listen> listens, boolean connected) {
        if (p.hasTcpFlags(TcpFlag.RST)) {
            return kernel(null, Reason.of(ReasonCode.ANSWER_RST_TAKEN));
        }
        if (connected) {
            return new Answer(null, Reason.of(ReasonCode.ANSWER_TCP_SOCKET, p.dport()), true, false);
        }
        if (!listens.test(new Listen(IpProtocol.TCP, p.dport()))) {
            return kernel(Rejects.reset(p), Reason.of(ReasonCode.ANSWER_TCP_CLOSED, p.dport()));
        }
        if (p.hasTcpFlags(TcpFlag.ACK)) {
            return kernel(Rejects.reset(p), Reason.of(ReasonCode.ANSWER_LISTENER_RESETS, p.dport()));
        }
        if (p.hasTcpFlags(TcpFlag.SYN) && !p.hasTcpFlags(TcpFlag.FIN)) {
            return new Answer(Packet.tcp(p.dst(), p.dport(), p.src(), p.sport(), TcpFlag.SYN | TcpFlag.ACK,
                    TCP_HANDSHAKE_LENGTH), Reason.of(ReasonCode.ANSWER_SYN_ACK, p.dport()), false, true);
        }
        return kernel(null, Reason.of(ReasonCode.ANSWER_LISTENER_DROPS, p.dport()));
    }

    private static Answer kernel(Packet packet, Reason reason) {
        return new Answer(packet, reason, false, false);
    }
}
