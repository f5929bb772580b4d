package io.netfilterflow.verify;

import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import io.netfilterflow.simulation.Transmission;
import java.util.HashMap;
import java.util.Map;

/**
 * Sequence and acknowledgement numbers for the TCP segments a replay sends, so that a SYN-ACK
 * acknowledges its SYN as conntrack expects. The simulator has no sequence numbers; a connection is
 * followed across NAT through the flow each answer answers.
 */
final class TcpSequences {

    private static final long FIRST_ISN = 0x10000000L;

    /** One connection: the next sequence number of each side, 0 for the side that opened it. */
    private static final class Connection {
        final long[] next = new long[2];
        final boolean[] started = new boolean[2];
    }

    private record Side(Connection connection, int direction) {
    }

    private final Map<String, Side> byTuple = new HashMap<>();
    private final Map<Integer, Side> byFlow = new HashMap<>();

    /** The numbers for this transmission, {@code [seq, ack]}; call once per transmission, in order. */
    long[] next(Transmission sent) {
        Packet p = sent.packet();
        if (!p.isTcp()) {
            return new long[] {0, 0};
        }
        Side side = side(sent);
        Connection c = side.connection();
        int me = side.direction();
        int peer = 1 - me;
        if (!c.started[me]) {
            c.started[me] = true;
            c.next[me] = p.hasTcpFlags(TcpFlag.RST) && !p.hasTcpFlags(TcpFlag.SYN) && c.started[peer]
                    ? 0 : FIRST_ISN * (sent.flow() + 1);
        }
        long seq = c.next[me];
        if (p.hasTcpFlags(TcpFlag.SYN) || p.hasTcpFlags(TcpFlag.FIN)) {
            c.next[me] = seq + 1;
        }
        long ack = c.started[peer] ? c.next[peer] : 0;
        byFlow.put(sent.flow(), side);
        return new long[] {seq & 0xffffffffL, ack & 0xffffffffL};
    }

    private Side side(Transmission sent) {
        Packet p = sent.packet();
        String key = key(p.src() + ":" + p.sport(), p.dst() + ":" + p.dport());
        String reverse = key(p.dst() + ":" + p.dport(), p.src() + ":" + p.sport());
        Side side;
        if (sent.cause() != null && byFlow.containsKey(sent.cause())) {
            Side cause = byFlow.get(sent.cause());
            side = new Side(cause.connection(), 1 - cause.direction());
        } else if (byTuple.containsKey(key)) {
            side = byTuple.get(key);
        } else if (byTuple.containsKey(reverse)) {
            Side other = byTuple.get(reverse);
            side = new Side(other.connection(), 1 - other.direction());
        } else {
            side = new Side(new Connection(), 0);
        }
        byTuple.putIfAbsent(key, side);
        return side;
    }

    private static String key(String from, String to) {
        return from + ">" + to;
    }
}
