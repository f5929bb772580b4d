package io.netfilterflow.simulation;

import io.netfilterflow.host.Listen;
import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.packet.IcmpTypes;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import java.util.function.Predicate;

/**
 * How a Linux machine answers a packet delivered to it: echo-reply, SYN-ACK or a UDP reply from a
 * listening process; RST or ICMP port unreachable from the kernel for a closed port, RST from a
 * listener for a segment that carries an ACK of no connection. {@code packet} is null when nothing is
 * sent back; {@code socket} says whether a process sends it; {@code accepted} whether a listener made a
 * request socket for it.
 */
record Answer(Packet packet, String sentence, boolean socket, boolean accepted) {

    static final int TCP_HANDSHAKE_LENGTH = 60;

    /**
     * @param connected whether the machine has a socket for this packet's four-tuple already (it sent on
     *                  it, or a listener accepted its SYN)
     */
    static Answer to(Packet p, Predicate<Listen> listens, boolean connected) {
        if (p.isIcmp()) {
            if (p.icmpType() == IcmpTypes.ECHO_REQUEST) {
                return kernel(Packet.icmp(p.dst(), p.src(), IcmpTypes.ECHO_REPLY, 0, p.icmpId(), null, p.length()),
                        "the kernel answers the echo-request");
            }
            return kernel(null, "an ICMP " + IcmpTypes.name(p.icmpType()) + " is taken in; nothing answers it");
        }
        if (p.isTcp()) {
            return tcp(p, listens, connected);
        }
        if (p.isUdp()) {
            if (connected) {
                return new Answer(null, "the socket that sent to " + p.src() + ":" + p.sport() + " takes it in", true,
                        false);
            }
            if (listens.test(new Listen(IpProtocol.UDP, p.dport()))) {
                return new Answer(Packet.udp(p.dst(), p.dport(), p.src(), p.sport(), p.length()),
                        "the process listening on udp/" + p.dport() + " answers", true, false);
            }
            return kernel(Rejects.icmpError(p.dst(), p, IcmpTypes.DEST_UNREACH, 3), "no process listens on udp/"
                    + p.dport() + ": the kernel answers ICMP port unreachable");
        }
        return kernel(null, "taken in by protocol " + p.proto());
    }

    /**
     * {@code tcp_v4_rcv}: a RST is never answered; a segment of a known connection goes to its socket;
     * with no socket at all the kernel resets ({@code tcp_v4_send_reset}); a listener
     * ({@code tcp_rcv_state_process} in {@code TCP_LISTEN}) resets a segment with ACK, answers a SYN with
     * SYN-ACK and drops anything else.
     */
    private static Answer tcp(Packet p, Predicate<Listen> listens, boolean connected) {
        if (p.hasTcpFlags(TcpFlag.RST)) {
            return kernel(null, "a RST is taken in; nothing answers it");
        }
        if (connected) {
            return new Answer(null, "the socket of this connection (local port tcp/" + p.dport() + ") takes it in", true,
                    false);
        }
        if (!listens.test(new Listen(IpProtocol.TCP, p.dport()))) {
            return kernel(Rejects.reset(p), "no process listens on tcp/" + p.dport()
                    + ": the kernel answers with a reset");
        }
        if (p.hasTcpFlags(TcpFlag.ACK)) {
            return kernel(Rejects.reset(p), "no connection has this segment's ACK: the socket listening on tcp/"
                    + p.dport() + " answers with a reset");
        }
        if (p.hasTcpFlags(TcpFlag.SYN) && !p.hasTcpFlags(TcpFlag.FIN)) {
            return new Answer(Packet.tcp(p.dst(), p.dport(), p.src(), p.sport(), TcpFlag.SYN | TcpFlag.ACK,
                    TCP_HANDSHAKE_LENGTH), "the process listening on tcp/" + p.dport() + " accepts: SYN-ACK", false,
                    true);
        }
        return kernel(null, "the socket listening on tcp/" + p.dport() + " drops a segment with neither SYN nor ACK");
    }

    private static Answer kernel(Packet packet, String sentence) {
        return new Answer(packet, sentence, false, false);
    }
}
