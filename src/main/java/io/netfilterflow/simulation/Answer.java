package io.netfilterflow.simulation;

import io.netfilterflow.host.Listen;
import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.packet.IcmpTypes;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import java.util.function.Predicate;

/**
 * How a Linux machine answers a packet delivered to it: echo-reply, SYN-ACK or a UDP reply from a
 * listening process; RST or ICMP port unreachable from the kernel for a closed port.
 * {@code packet} is null when nothing is sent back; {@code socket} says whether a process sends it.
 */
record Answer(Packet packet, String sentence, boolean socket) {

    static final int TCP_HANDSHAKE_LENGTH = 60;

    static Answer to(Packet p, Predicate<Listen> listens) {
        if (p.isIcmp()) {
            if (p.icmpType() == IcmpTypes.ECHO_REQUEST) {
                return new Answer(Packet.icmp(p.dst(), p.src(), IcmpTypes.ECHO_REPLY, 0, p.icmpId(), null, p.length()),
                        "the kernel answers the echo-request", false);
            }
            return new Answer(null, "an ICMP " + IcmpTypes.name(p.icmpType()) + " is taken in; nothing answers it",
                    false);
        }
        if (p.isTcp()) {
            boolean open = listens.test(new Listen(IpProtocol.TCP, p.dport()));
            if (p.hasTcpFlags(TcpFlag.RST)) {
                return new Answer(null, "a RST is taken in; nothing answers it", false);
            }
            if (!open) {
                return new Answer(Rejects.reset(p), "no process listens on tcp/" + p.dport()
                        + ": the kernel answers with a reset", false);
            }
            if (p.tcpFlags() == TcpFlag.SYN) {
                return new Answer(Packet.tcp(p.dst(), p.dport(), p.src(), p.sport(), TcpFlag.SYN | TcpFlag.ACK,
                        TCP_HANDSHAKE_LENGTH), "the process listening on tcp/" + p.dport() + " accepts: SYN-ACK", false);
            }
            return new Answer(null, "delivered to the process on tcp/" + p.dport(), true);
        }
        if (p.isUdp()) {
            if (listens.test(new Listen(IpProtocol.UDP, p.dport()))) {
                return new Answer(Packet.udp(p.dst(), p.dport(), p.src(), p.sport(), p.length()),
                        "the process listening on udp/" + p.dport() + " answers", true);
            }
            return new Answer(Rejects.icmpError(p.dst(), p, IcmpTypes.DEST_UNREACH, 3), "no process listens on udp/" + p.dport()
                    + ": the kernel answers ICMP port unreachable", false);
        }
        return new Answer(null, "taken in by protocol " + p.proto(), false);
    }
}
