package io.netfilterflow.trace;

import io.netfilterflow.packet.PacketText;

/**
 * The packet as it is at a step: headers, then the skb's metadata (mark, connection state, the hook's
 * in and out devices, br_netfilter's bridge ports). Absent parts are null.
 */
public record PacketView(String ethSrc, String ethDst, String src, String dst, String proto, Integer sport,
                         Integer dport, String tcpFlags, String icmpType, Integer icmpCode, int length, int ttl,
                         String mark, String ctState, Integer ctId, String in, String out, String physIn,
                         String physOut, String embedded) {

    /** {@code 10.0.0.1>10.0.0.2 sport=1 dport=2} or {@code ... icmp=echo-request}, as the conformance format writes it. */
    public String describe() {
        return PacketText.describe(src, dst, sport, dport, icmpType);
    }

    /** {@code tcp 10.0.0.1:1 → 10.0.0.2:2 [SYN]}, for people. */
    public String summary() {
        return PacketText.summary(proto, src, sport, dst, dport, tcpFlags, icmpType, embedded != null ? icmpCode : null);
    }

    /** {@code iif="docker0" oif="eth0" 10.0.0.1>10.0.0.2 icmp=echo-request}, as the conformance format writes it. */
    public String conformance() {
        StringBuilder line = new StringBuilder();
        if (in != null) {
            line.append("iif=\"").append(in).append("\" ");
        }
        if (out != null) {
            line.append("oif=\"").append(out).append("\" ");
        }
        return line.append(describe()).toString();
    }
}
