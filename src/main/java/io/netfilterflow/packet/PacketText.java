package io.netfilterflow.packet;

/** How a packet is written for people and for the conformance format, from its header fields as text. */
public final class PacketText {

    private PacketText() {
    }

    /** {@code 10.0.0.1>10.0.0.2 sport=1 dport=2} or {@code ... icmp=echo-request}; null parts are absent. */
    public static String describe(String src, String dst, Integer sport, Integer dport, String icmpType) {
        String addresses = src + ">" + dst;
        if (sport != null) {
            return addresses + " sport=" + sport + " dport=" + dport;
        }
        return icmpType != null ? addresses + " icmp=" + icmpType : addresses;
    }

    /** {@code tcp 10.0.0.1:1 → 10.0.0.2:2 [SYN]}; an ICMP error's code is given when not null. */
    public static String summary(String proto, String src, Integer sport, String dst, Integer dport, String tcpFlags,
                                 String icmpType, Integer errorCode) {
        StringBuilder out = new StringBuilder(proto).append(' ').append(src);
        if (sport != null) {
            out.append(':').append(sport);
        }
        out.append(" → ").append(dst);
        if (dport != null) {
            out.append(':').append(dport);
        }
        if (tcpFlags != null) {
            out.append(" [").append(tcpFlags).append(']');
        } else if (icmpType != null) {
            out.append(' ').append(icmpType);
            if (errorCode != null) {
                out.append(" code ").append(errorCode);
            }
        }
        return out.toString();
    }
}
