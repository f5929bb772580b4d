package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.netfilter.conntrack.Conntrack;
import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.netfilter.conntrack.Tuple;
import java.util.function.Function;

/**
 * The payload, meta and ct keys the simulator reads, by the words nft prints for them. A transport field of a
 * packet of another protocol breaks the rule, as nft's implicit {@code meta l4proto} dependency does; so does a
 * ct key other than {@code state} of a packet without a connection.
 */
public enum NftField implements NftSelector {
    IP_SADDR("ip saddr", NftType.IPV4_ADDR, p -> NftType.unsigned(p.packet().src().bits())),
    IP_DADDR("ip daddr", NftType.IPV4_ADDR, p -> NftType.unsigned(p.packet().dst().bits())),
    IP_PROTOCOL("ip protocol", NftType.INET_PROTO, p -> (long) p.packet().proto().number()),
    IP_TTL("ip ttl", NftType.INTEGER, p -> (long) p.packet().ttl()),
    /** The simulated packets, and the frames the replay sends, carry TOS 0. */
    IP_DSCP("ip dscp", NftType.DSCP, p -> 0L),
    // an IPv6 key carries nft's implicit meta nfproto ipv6 dependency: it breaks the rule for an IPv4 packet
    IP6_SADDR("ip6 saddr", NftType.IPV6_ADDR, p -> null),
    IP6_DADDR("ip6 daddr", NftType.IPV6_ADDR, p -> null),
    IP6_NEXTHDR("ip6 nexthdr", NftType.INET_PROTO, p -> null),
    IP6_DSCP("ip6 dscp", NftType.DSCP, p -> null),
    IP6_HOPLIMIT("ip6 hoplimit", NftType.INTEGER, p -> null),
    ICMPV6_TYPE("icmpv6 type", NftType.ICMPV6_TYPE, p -> null),
    ICMPV6_CODE("icmpv6 code", NftType.ICMPV6_CODE, p -> null),
    TCP_SPORT("tcp sport", NftType.INET_SERVICE, p -> p.packet().isTcp() ? (long) p.packet().sport() : null),
    TCP_DPORT("tcp dport", NftType.INET_SERVICE, p -> p.packet().isTcp() ? (long) p.packet().dport() : null),
    TCP_FLAGS("tcp flags", NftType.TCP_FLAG, p -> p.packet().isTcp() ? (long) p.packet().tcpFlags() : null),
    UDP_SPORT("udp sport", NftType.INET_SERVICE, p -> p.packet().isUdp() ? (long) p.packet().sport() : null),
    UDP_DPORT("udp dport", NftType.INET_SERVICE, p -> p.packet().isUdp() ? (long) p.packet().dport() : null),
    TH_SPORT("th sport", NftType.INET_SERVICE, p -> p.packet().hasPorts() ? (long) p.packet().sport() : null),
    TH_DPORT("th dport", NftType.INET_SERVICE, p -> p.packet().hasPorts() ? (long) p.packet().dport() : null),
    ICMP_TYPE("icmp type", NftType.ICMP_TYPE, p -> p.packet().isIcmp() ? (long) p.packet().icmpType() : null),
    ICMP_CODE("icmp code", NftType.ICMP_CODE, p -> p.packet().isIcmp() ? (long) p.packet().icmpCode() : null),
    ETHER_SADDR("ether saddr", NftType.ETHER_ADDR, p -> p.frame().ethSrc().bits()),
    ETHER_DADDR("ether daddr", NftType.ETHER_ADDR, p -> p.frame().ethDst().bits()),
    ETHER_TYPE("ether type", NftType.ETHER_TYPE, p -> 0x0800L),
    META_L4PROTO("meta l4proto", NftType.INET_PROTO, p -> (long) p.packet().proto().number()),
    META_PROTOCOL("meta protocol", NftType.ETHER_TYPE, p -> 0x0800L),
    META_NFPROTO("meta nfproto", NftType.NF_PROTO, p -> p.bridgeFamily() ? 7L : 2L),
    META_IIFNAME("iifname", NftType.IFNAME, p -> name(p.in())),
    META_OIFNAME("oifname", NftType.IFNAME, p -> name(p.out())),
    META_IIF("iif", NftType.IFNAME, p -> name(p.in())),
    META_OIF("oif", NftType.IFNAME, p -> name(p.out())),
    META_IBRNAME("meta ibrname", NftType.IFNAME, NftPktInfo::logicalIn),
    META_OBRNAME("meta obrname", NftType.IFNAME, NftPktInfo::logicalOut),
    META_MARK("meta mark", NftType.MARK, NftPktInfo::mark),
    META_SKUID("meta skuid", NftType.UID, NftPktInfo::uid),
    META_SKGID("meta skgid", NftType.GID, NftPktInfo::gid),
    META_PKTTYPE("meta pkttype", NftType.PKT_TYPE, p -> (long) p.pktType().ordinal()),
    CT_STATE("ct state", NftType.CT_STATE, NftField::ctState),
    CT_STATUS("ct status", NftType.CT_STATUS, p -> p.ct() == null ? null : ctStatus(p.ct())),
    CT_MARK("ct mark", NftType.MARK, p -> p.ct() == null ? null : p.ct().mark()),
    CT_DIRECTION("ct direction", NftType.CT_DIR, p -> p.ct() == null ? null : p.ctInfo().isReply() ? 1L : 0L),
    CT_PROTOCOL("ct protocol", NftType.INET_PROTO,
            p -> p.ct() == null ? null : (long) p.ct().original().proto().number()),
    CT_ORIGINAL_SADDR("ct original ip saddr", NftType.IPV4_ADDR,
            p -> p.ct() == null ? null : NftType.unsigned(p.ct().original().src().bits())),
    CT_ORIGINAL_DADDR("ct original ip daddr", NftType.IPV4_ADDR,
            p -> p.ct() == null ? null : NftType.unsigned(p.ct().original().dst().bits())),
    CT_REPLY_SADDR("ct reply ip saddr", NftType.IPV4_ADDR,
            p -> p.ct() == null ? null : NftType.unsigned(p.ct().reply().src().bits())),
    CT_REPLY_DADDR("ct reply ip daddr", NftType.IPV4_ADDR,
            p -> p.ct() == null ? null : NftType.unsigned(p.ct().reply().dst().bits())),
    CT_ORIGINAL_PROTO_SRC("ct original proto-src", NftType.INET_SERVICE, p -> port(p.ct(), false, true)),
    CT_ORIGINAL_PROTO_DST("ct original proto-dst", NftType.INET_SERVICE, p -> port(p.ct(), false, false)),
    CT_REPLY_PROTO_SRC("ct reply proto-src", NftType.INET_SERVICE, p -> port(p.ct(), true, true)),
    CT_REPLY_PROTO_DST("ct reply proto-dst", NftType.INET_SERVICE, p -> port(p.ct(), true, false));

    private final String words;
    private final NftType type;
    private final Function<NftPktInfo, Object> load;

    NftField(String words, NftType type, Function<NftPktInfo, Object> load) {
        this.words = words;
        this.type = type;
        this.load = load;
    }

    /** The words nft prints for the key ({@code ip saddr}, {@code ct state}, {@code iifname}). */
    public String words() {
        return words;
    }

    @Override
    public NftType type() {
        return type;
    }

    @Override
    public Object load(NftPktInfo pkt) {
        return load.apply(pkt);
    }

    /** The key these words name; {@code meta} may be left out before the keys nft also prints bare. */
    public static NftField byWords(String words) {
        for (NftField field : values()) {
            if (field.words.equals(words) || ("meta " + field.words).equals(words)) {
                return field;
            }
        }
        return switch (words) {
            case "mark" -> META_MARK;
            case "l4proto" -> META_L4PROTO;
            case "skuid" -> META_SKUID;
            case "skgid" -> META_SKGID;
            case "pkttype" -> META_PKTTYPE;
            case "ct original saddr" -> CT_ORIGINAL_SADDR;
            case "ct original daddr" -> CT_ORIGINAL_DADDR;
            case "ct reply saddr" -> CT_REPLY_SADDR;
            case "ct reply daddr" -> CT_REPLY_DADDR;
            default -> null;
        };
    }

    /** {@code nft_meta_store_ifname}: a hook without the device compares as the empty name (index 0). */
    private static String name(String device) {
        return device == null ? "" : device;
    }

    /** {@code NF_CT_STATE_BIT}: one bit per ctinfo state, invalid and untracked their own. */
    private static Long ctState(NftPktInfo pkt) {
        CtInfo info = pkt.ctInfo();
        if (info == null) {
            return 1L;
        }
        return switch (info) {
            case UNTRACKED -> 64L;
            case ESTABLISHED, ESTABLISHED_REPLY -> 2L;
            case RELATED, RELATED_REPLY -> 4L;
            case NEW -> 8L;
        };
    }

    private static Long ctStatus(Conntrack ct) {
        long bits = 0;
        if (ct.has(Conntrack.Status.SEEN_REPLY)) {
            bits |= 2;
        }
        if (ct.has(Conntrack.Status.ASSURED)) {
            bits |= 4;
        }
        if (ct.has(Conntrack.Status.CONFIRMED)) {
            bits |= 8;
        }
        if (ct.has(Conntrack.Status.SRC_NAT)) {
            bits |= 16;
        }
        if (ct.has(Conntrack.Status.DST_NAT)) {
            bits |= 32;
        }
        return bits;
    }

    private static Long port(Conntrack ct, boolean reply, boolean source) {
        if (ct == null) {
            return null;
        }
        Tuple tuple = ct.tuple(reply);
        return (long) (source ? tuple.srcPort() : tuple.dstPort());
    }
}
