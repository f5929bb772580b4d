package io.netfilterflow.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import io.netfilterflow.simulation.Transmission;
import org.junit.jupiter.api.Test;

class TcpSequencesTest {

    private static final Ipv4Address WAN = Ipv4Address.parse("10.99.0.100");
    private static final Ipv4Address HOST = Ipv4Address.parse("10.99.0.5");
    private static final Ipv4Address C2 = Ipv4Address.parse("172.17.0.3");

    @Test
    void aSynAckAcknowledgesTheSynAcrossDnatAndTheNextSegmentAcknowledgesIt() {
        TcpSequences sequences = new TcpSequences();
        long[] syn = sequences.next(new Transmission(1, "wan", null,
                Packet.tcp(WAN, 55586, HOST, 8080, TcpFlag.SYN, 60), null, null));
        long[] synAck = sequences.next(new Transmission(2, "c2", 1,
                Packet.tcp(C2, 80, WAN, 55586, TcpFlag.SYN | TcpFlag.ACK, 60), null, null));
        long[] ack = sequences.next(new Transmission(3, "wan", null,
                Packet.tcp(WAN, 55586, HOST, 8080, TcpFlag.ACK, 52), null, null));
        assertThat(synAck[1]).isEqualTo(syn[0] + 1);
        assertThat(ack[0]).isEqualTo(syn[0] + 1);
        assertThat(ack[1]).isEqualTo(synAck[0] + 1);
    }

    @Test
    void aResetAnsweringASynStartsAtZero() {
        TcpSequences sequences = new TcpSequences();
        long[] syn = sequences.next(new Transmission(1, "wan", null,
                Packet.tcp(WAN, 40001, HOST, 23, TcpFlag.SYN, 60), null, null));
        long[] rst = sequences.next(new Transmission(2, null, 1,
                Packet.tcp(HOST, 23, WAN, 40001, TcpFlag.RST | TcpFlag.ACK, 40), null, null));
        assertThat(rst).containsExactly(0, syn[0] + 1);
    }
}
