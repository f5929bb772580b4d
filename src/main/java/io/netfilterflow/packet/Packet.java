package io.netfilterflow.packet;

import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.MacAddress;
import java.util.Objects;

/**
 * An Ethernet frame carrying IPv4, as far as netfilter looks at it: MACs (null before the
 * neighbour is resolved), addresses, TTL, total length and the transport header. Ports are -1
 * when the protocol has none; ICMP fields are -1 when it is not ICMP. An ICMP error carries the
 * header of the packet it reports on ({@code embedded}).
 */
public record Packet(MacAddress ethSrc, MacAddress ethDst, Ipv4Address src, Ipv4Address dst, IpProtocol proto,
                     int sport, int dport, int tcpFlags, int icmpType, int icmpCode, int icmpId, Packet embedded,
                     int length, int ttl) {

    public static final int DEFAULT_TTL = 64;

    public Packet {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(proto, "proto");
    }

    public static Packet tcp(Ipv4Address src, int sport, Ipv4Address dst, int dport, int flags, int length) {
        return new Packet(null, null, src, dst, IpProtocol.TCP, sport, dport, flags, -1, -1, -1, null, length,
                DEFAULT_TTL);
    }

    public static Packet udp(Ipv4Address src, int sport, Ipv4Address dst, int dport, int length) {
        return new Packet(null, null, src, dst, IpProtocol.UDP, sport, dport, 0, -1, -1, -1, null, length,
                DEFAULT_TTL);
    }

    public static Packet icmp(Ipv4Address src, Ipv4Address dst, int type, int code, int id, Packet embedded,
                              int length) {
        return new Packet(null, null, src, dst, IpProtocol.ICMP, -1, -1, 0, type, code, id, embedded, length,
                DEFAULT_TTL);
    }

    public boolean hasPorts() {
        return sport >= 0;
    }

    public boolean isTcp() {
        return proto.equals(IpProtocol.TCP);
    }

    public boolean isUdp() {
        return proto.equals(IpProtocol.UDP);
    }

    public boolean isIcmp() {
        return proto.equals(IpProtocol.ICMP);
    }

    public boolean isIcmpError() {
        return isIcmp() && IcmpTypes.isError(icmpType);
    }

    public boolean hasTcpFlags(int flags) {
        return (tcpFlags & flags) == flags;
    }

    public Packet withSource(Ipv4Address address, int port) {
        return new Packet(ethSrc, ethDst, address, dst, proto, hasPorts() ? port : sport, dport, tcpFlags, icmpType,
                icmpCode, icmpId, embedded, length, ttl);
    }

    public Packet withDestination(Ipv4Address address, int port) {
        return new Packet(ethSrc, ethDst, src, address, proto, sport, hasPorts() ? port : dport, tcpFlags, icmpType,
                icmpCode, icmpId, embedded, length, ttl);
    }

    public Packet withIcmpId(int id) {
        return new Packet(ethSrc, ethDst, src, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, id, embedded,
                length, ttl);
    }

    public Packet withEmbedded(Packet inner) {
        return new Packet(ethSrc, ethDst, src, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId, inner,
                length, ttl);
    }

    public Packet withEthernet(MacAddress source, MacAddress destination) {
        return new Packet(source, destination, src, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId,
                embedded, length, ttl);
    }

    public Packet withTtl(int newTtl) {
        return new Packet(ethSrc, ethDst, src, dst, proto, sport, dport, tcpFlags, icmpType, icmpCode, icmpId,
                embedded, length, newTtl);
    }

    /** {@code 10.0.0.1>10.0.0.2 sport=1 dport=2} or {@code icmp=echo-request}, as the conformance format writes it. */
    public String describe() {
        return PacketText.describe(src.toString(), dst.toString(), hasPorts() ? sport : null, hasPorts() ? dport : null,
                isIcmp() ? IcmpTypes.name(icmpType) : null);
    }

    /** Like {@link #describe()} with TCP flags and ICMP error codes, for people. */
    public String summary() {
        return PacketText.summary(proto.toString(), src.toString(), hasPorts() ? sport : null, dst.toString(),
                hasPorts() ? dport : null, isTcp() ? TcpFlag.format(tcpFlags) : null,
                isIcmp() ? IcmpTypes.name(icmpType) : null, isIcmpError() ? icmpCode : null);
    }
}
