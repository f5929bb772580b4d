package io.netfilterflow.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.MacAddress;
import io.netfilterflow.packet.IcmpTypes;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FramesTest {

    private static final Ipv4Address WAN = Ipv4Address.parse("10.99.0.100");
    private static final Ipv4Address HOST = Ipv4Address.parse("10.99.0.5");

    @Test
    void aSynIsAnEthernetFrameWithTheSimulatedLengthAndValidChecksums() {
        Packet syn = Packet.tcp(WAN, 55586, HOST, 8080, TcpFlag.SYN, 60)
                .withEthernet(MacAddress.parse("02:00:0a:63:00:64"), MacAddress.parse("02:00:0a:63:00:05"));
        byte[] frame = Frames.ethernet(syn, 1000, 0);
        ByteBuffer f = ByteBuffer.wrap(frame);
        assertThat(frame).hasSize(14 + 60);
        assertThat(f.getShort(12)).isEqualTo((short) 0x0800);
        assertThat(frame[0]).isEqualTo((byte) 0x02);
        assertThat(frame[5]).isEqualTo((byte) 0x05);
        assertThat(f.getShort(14 + 2)).isEqualTo((short) 60);
        assertThat(Frames.checksum(frame, 14, 20, 0)).as("IP header checksum").isZero();
        assertThat(f.getShort(14 + 20)).isEqualTo((short) 55586);
        assertThat(f.getShort(14 + 22)).isEqualTo((short) 8080);
        assertThat(f.getInt(14 + 24)).isEqualTo(1000);
        assertThat(frame[14 + 33]).isEqualTo((byte) TcpFlag.SYN);
        assertThat(transportChecksum(frame, 14, 6)).as("TCP checksum").isZero();
    }

    @Test
    void anIcmpErrorQuotesTheHeaderOfThePacketItReportsOn() {
        Packet udp = Packet.udp(WAN, 40001, HOST, 9999, 60);
        Packet error = Packet.icmp(HOST, WAN, IcmpTypes.DEST_UNREACH, 3, -1, udp, 88);
        byte[] ip = Frames.ip(error, 0, 0);
        assertThat(ip).hasSize(88);
        assertThat(ip[20]).isEqualTo((byte) 3);
        assertThat(ip[21]).isEqualTo((byte) 3);
        assertThat(ip[28]).as("quoted IP header").isEqualTo((byte) 0x45);
        assertThat(ByteBuffer.wrap(ip).getShort(28 + 20 + 2)).as("quoted destination port").isEqualTo((short) 9999);
        assertThat(Frames.checksum(ip, 20, ip.length - 20, 0)).as("ICMP checksum").isZero();
    }

    @Test
    void anUdpDatagramCarriesItsPortsAndAPseudoHeaderChecksum() {
        byte[] ip = Frames.ip(Packet.udp(WAN, 5353, HOST, 53, 60), 0, 0);
        assertThat(ByteBuffer.wrap(ip).getShort(24)).isEqualTo((short) 40);
        assertThat(transportChecksum(ip, 0, 17)).isZero();
    }

    /** Summing a segment with its pseudo header over a correct checksum gives zero. */
    private static short transportChecksum(byte[] data, int ipStart, int proto) {
        int length = data.length - ipStart - 20;
        byte[] pseudo = new byte[12 + length];
        System.arraycopy(data, ipStart + 12, pseudo, 0, 8);
        pseudo[9] = (byte) proto;
        pseudo[10] = (byte) (length >> 8);
        pseudo[11] = (byte) length;
        System.arraycopy(data, ipStart + 20, pseudo, 12, length);
        return Frames.checksum(pseudo, 0, pseudo.length, 0);
    }
}
