package io.netfilterflow.verify;

import io.netfilterflow.net.MacAddress;
import io.netfilterflow.packet.IcmpTypes;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import java.nio.ByteBuffer;

/**
 * The bytes of a simulated packet, as a sender would put them on the wire: an Ethernet frame
 * around an IPv4 packet with correct checksums (conntrack drops bad ones as INVALID). TCP carries
 * the options Linux sends, so that the IP total length is the one the simulator used.
 */
public final class Frames {

    private static final int ETH_P_IP = 0x0800;
    private static final int IP_HEADER = 20;
    private static final int UDP_HEADER = 8;
    private static final int ICMP_HEADER = 8;
    /** An ICMP error quotes the offending IP header and the first 8 bytes of its payload. */
    private static final int ICMP_QUOTE = IP_HEADER + 8;

    private Frames() {
    }

    /** The Ethernet frame: the packet's MACs, then {@link #ip}. */
    public static byte[] ethernet(Packet packet, long seq, long ack) {
        byte[] ip = ip(packet, seq, ack);
        ByteBuffer frame = ByteBuffer.allocate(14 + ip.length);
        putMac(frame, packet.ethDst());
        putMac(frame, packet.ethSrc());
        frame.putShort((short) ETH_P_IP);
        frame.put(ip);
        return frame.array();
    }

    /** The IPv4 packet, padded with zero payload up to the packet's total length. */
    public static byte[] ip(Packet packet, long seq, long ack) {
        byte[] transport = transport(packet, seq, ack);
        int total = IP_HEADER + transport.length;
        ByteBuffer ip = ByteBuffer.allocate(total);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) total);
        ip.putShort((short) 0).putShort((short) 0x4000); // id 0, DF as Linux sets it
        ip.put((byte) packet.ttl()).put((byte) packet.proto().number()).putShort((short) 0);
        ip.putInt(packet.src().bits()).putInt(packet.dst().bits());
        ip.putShort(10, checksum(ip.array(), 0, IP_HEADER, 0));
        ip.put(transport);
        byte[] bytes = ip.array();
        fillTransportChecksum(packet, bytes);
        return bytes;
    }

    private static byte[] transport(Packet packet, long seq, long ack) {
        int room = Math.max(0, packet.length() - IP_HEADER);
        if (packet.isTcp()) {
            return tcp(packet, seq, ack, room);
        }
        if (packet.isUdp()) {
            ByteBuffer udp = ByteBuffer.allocate(Math.max(UDP_HEADER, room));
            udp.putShort((short) packet.sport()).putShort((short) packet.dport()).putShort((short) udp.capacity());
            return udp.array();
        }
        if (packet.isIcmp()) {
            return icmp(packet, room);
        }
        return new byte[room];
    }

    private static byte[] tcp(Packet packet, long seq, long ack, int room) {
        byte[] options = tcpOptions(packet.tcpFlags(), room);
        int header = 20 + options.length;
        ByteBuffer tcp = ByteBuffer.allocate(Math.max(header, room));
        tcp.putShort((short) packet.sport()).putShort((short) packet.dport());
        tcp.putInt((int) seq).putInt((packet.tcpFlags() & TcpFlag.ACK) != 0 ? (int) ack : 0);
        tcp.put((byte) ((header / 4) << 4)).put((byte) packet.tcpFlags());
        tcp.putShort((short) ((packet.tcpFlags() & TcpFlag.RST) != 0 ? 0 : 64240));
        tcp.putShort((short) 0).putShort((short) 0);
        tcp.put(options);
        return tcp.array();
    }

    /** What Linux puts in a SYN (MSS, SACK, timestamps, window scale) or a segment (timestamps), if it fits. */
    private static byte[] tcpOptions(int flags, int room) {
        if ((flags & TcpFlag.RST) != 0) {
            return new byte[0];
        }
        if ((flags & TcpFlag.SYN) != 0 && room >= 40) {
            return new byte[] {2, 4, 0x05, (byte) 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7};
        }
        if (room >= 32) {
            return new byte[] {1, 1, 8, 10, 0, 0, 0, 2, 0, 0, 0, 1};
        }
        return new byte[0];
    }

    private static byte[] icmp(Packet packet, int room) {
        byte[] quote = new byte[0];
        if (packet.embedded() != null) {
            byte[] inner = ip(packet.embedded(), 0, 0);
            int keep = Math.min(inner.length, Math.max(ICMP_QUOTE, room - ICMP_HEADER));
            quote = java.util.Arrays.copyOf(inner, keep);
        }
        ByteBuffer icmp = ByteBuffer.allocate(Math.max(ICMP_HEADER + quote.length, room));
        icmp.put((byte) packet.icmpType()).put((byte) Math.max(0, packet.icmpCode())).putShort((short) 0);
        if (IcmpTypes.isError(packet.icmpType())) {
            icmp.putInt(0);
        } else {
            icmp.putShort((short) Math.max(0, packet.icmpId())).putShort((short) 1);
        }
        icmp.put(quote);
        return icmp.array();
    }

    private static void fillTransportChecksum(Packet packet, byte[] bytes) {
        int length = bytes.length - IP_HEADER;
        if (packet.isIcmp()) {
            ByteBuffer.wrap(bytes).putShort(IP_HEADER + 2, checksum(bytes, IP_HEADER, length, 0));
            return;
        }
        int offset = packet.isTcp() ? 16 : packet.isUdp() ? 6 : -1;
        if (offset < 0) {
            return;
        }
        long pseudo = sum(bytes, 12, 8) + packet.proto().number() + length;
        short sum = checksum(bytes, IP_HEADER, length, pseudo);
        ByteBuffer.wrap(bytes).putShort(IP_HEADER + offset, packet.isUdp() && sum == 0 ? (short) 0xffff : sum);
    }

    /** The Internet checksum (RFC 1071) of {@code length} bytes, starting from {@code initial}. */
    static short checksum(byte[] data, int offset, int length, long initial) {
        long sum = initial + sum(data, offset, length);
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }

    private static long sum(byte[] data, int offset, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            int high = data[offset + i] & 0xff;
            int low = i + 1 < length ? data[offset + i + 1] & 0xff : 0;
            sum += (high << 8) | low;
        }
        return sum;
    }

    private static void putMac(ByteBuffer frame, MacAddress mac) {
        long bits = mac == null ? 0 : mac.bits();
        for (int shift = 40; shift >= 0; shift -= 8) {
            frame.put((byte) (bits >> shift));
        }
    }
}
