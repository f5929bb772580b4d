package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import java.util.Set;

/**
 * The TCP option kinds a Linux stack puts in its segments: MSS, SACK-permitted, timestamps, NOP
 * and window scale on SYN and SYN-ACK; NOP and timestamps afterwards.
 */
final class TcpOptions {

    private static final Set<Integer> HANDSHAKE = Set.of(1, 2, 3, 4, 8);
    private static final Set<Integer> LATER = Set.of(1, 8);

    private TcpOptions() {
    }

    static Set<Integer> of(Packet packet) {
        if ((packet.tcpFlags() & TcpFlag.RST) != 0) {
            return Set.of();
        }
        return (packet.tcpFlags() & TcpFlag.SYN) != 0 ? HANDSHAKE : LATER;
    }
}
