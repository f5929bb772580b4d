package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.MacAddress;
import io.netfilterflow.problem.InvalidValue;
import java.util.Locale;
import java.util.Map;

/**
 * The data types of nft's {@code datatype.c} that the modelled expressions produce, with the names nft prints
 * for their constants. A value is a {@code Long} (addresses unsigned, ports, marks, flags) or, for interface
 * names, a {@code String}; a bitmask type's implicit comparison tests for any of the named bits.
 */
public enum NftType {
    INTEGER("integer", Map.of()),
    IPV4_ADDR("ipv4_addr", Map.of()),
    INET_PROTO("inet_proto", Map.of()),
    INET_SERVICE("inet_service", Map.of()),
    IFNAME("ifname", Map.of()),
    MARK("mark", Map.of()),
    UID("uid", Map.of("root", 0L)),
    GID("gid", Map.of("root", 0L)),
    CT_STATE("ct_state", Map.of("invalid", 1L, "established", 2L, "related", 4L, "new", 8L, "untracked", 64L)),
    CT_STATUS("ct_status", Map.of("expected", 1L, "seen-reply", 2L, "assured", 4L, "confirmed", 8L, "snat", 16L,
            "dnat", 32L, "dying", 512L)),
    CT_DIR("ct_dir", Map.of("original", 0L, "reply", 1L)),
    ICMP_TYPE("icmp_type", Map.ofEntries(Map.entry("echo-reply", 0L), Map.entry("destination-unreachable", 3L),
            Map.entry("source-quench", 4L), Map.entry("redirect", 5L), Map.entry("echo-request", 8L),
            Map.entry("router-advertisement", 9L), Map.entry("router-solicitation", 10L),
            Map.entry("time-exceeded", 11L), Map.entry("parameter-problem", 12L),
            Map.entry("timestamp-request", 13L), Map.entry("timestamp-reply", 14L), Map.entry("info-request", 15L),
            Map.entry("info-reply", 16L), Map.entry("address-mask-request", 17L),
            Map.entry("address-mask-reply", 18L))),
    ICMP_CODE("icmp_code", Map.of("net-unreachable", 0L, "host-unreachable", 1L, "prot-unreachable", 2L,
            "port-unreachable", 3L, "frag-needed", 4L, "net-prohibited", 9L, "host-prohibited", 10L,
            "admin-prohibited", 13L)),
    TCP_FLAG("tcp_flag", Map.of("fin", 1L, "syn", 2L, "rst", 4L, "psh", 8L, "ack", 16L, "urg", 32L, "ecn", 64L,
            "cwr", 128L)),
    PKT_TYPE("pkt_type", Map.of("host", 0L, "broadcast", 1L, "multicast", 2L, "other", 3L)),
    FIB_ADDRTYPE("fib_addrtype", Map.of("unspec", 0L, "unicast", 1L, "local", 2L, "broadcast", 3L, "anycast", 4L,
            "multicast", 5L, "blackhole", 6L, "unreachable", 7L, "prohibit", 8L)),
    ETHER_ADDR("ether_addr", Map.of()),
    ETHER_TYPE("ether_type", Map.of("ip", 0x0800L, "arp", 0x0806L, "ip6", 0x86ddL, "vlan", 0x8100L,
            "8021ad", 0x88a8L)),
    NF_PROTO("nfproto", Map.of("ipv4", 2L, "ipv6", 10L, "bridge", 7L, "inet", 1L, "arp", 3L)),
    DSCP("dscp", Map.ofEntries(Map.entry("cs0", 0L), Map.entry("cs1", 8L), Map.entry("cs2", 16L),
            Map.entry("cs3", 24L), Map.entry("cs4", 32L), Map.entry("cs5", 40L), Map.entry("cs6", 48L),
            Map.entry("cs7", 56L), Map.entry("af11", 10L), Map.entry("af12", 12L), Map.entry("af13", 14L),
            Map.entry("af21", 18L), Map.entry("af22", 20L), Map.entry("af23", 22L), Map.entry("af31", 26L),
            Map.entry("af32", 28L), Map.entry("af33", 30L), Map.entry("af41", 34L), Map.entry("af42", 36L),
            Map.entry("af43", 38L), Map.entry("va", 44L), Map.entry("ef", 46L), Map.entry("le", 1L))),
    /** IPv6 addresses, ICMPv6 types and codes: kept as written, since no IPv4 packet loads one. */
    IPV6_ADDR("ipv6_addr", Map.of()),
    ICMPV6_TYPE("icmpv6_type", Map.of()),
    ICMPV6_CODE("icmpv6_code", Map.of()),
    VERDICT("verdict", Map.of());

    private final String nftName;
    private final Map<String, Long> symbols;

    NftType(String nftName, Map<String, Long> symbols) {
        this.nftName = nftName;
        this.symbols = symbols;
    }

    /** The name nft gives the type in a set's {@code type} declaration. */
    public String nftName() {
        return nftName;
    }

    /** The IPv6 types, whose values are kept as written: an IPv4 packet never loads one to compare. */
    public boolean isOpaque() {
        return this == IPV6_ADDR || this == ICMPV6_TYPE || this == ICMPV6_CODE;
    }

    public boolean isBitmask() {
        return this == CT_STATE || this == CT_STATUS || this == TCP_FLAG;
    }

    /** The type declared by name in {@code type A . B}, or null when it is not one of these. */
    public static NftType byName(String name) {
        for (NftType type : values()) {
            if (type.nftName.equals(name)) {
                return type;
            }
        }
        return switch (name) {
            case "iface_index" -> IFNAME;
            case "ct_label", "ecn" -> null;
            default -> null;
        };
    }

    /**
     * A constant as nft prints it: a symbol ({@code established}, {@code tcp}), a number (decimal or hex), an
     * address, a quoted interface name. Bitmask symbols joined by commas are not split here.
     */
    public Object parse(String text) {
        String word = unquote(text);
        Long symbol = symbols.get(word.toLowerCase(Locale.ROOT));
        if (symbol != null) {
            return symbol;
        }
        try {
            return switch (this) {
                case IFNAME, IPV6_ADDR, ICMPV6_TYPE, ICMPV6_CODE -> word;
                case IPV4_ADDR -> unsigned(Ipv4Address.parse(word).bits());
                case ETHER_ADDR -> MacAddress.parse(word).bits();
                case INET_PROTO -> word.chars().allMatch(Character::isDigit) ? Long.parseLong(word)
                        : (long) IpProtocol.parse(word).number();
                case VERDICT -> throw new InvalidValue("rules.nft-not-a-value", text, nftName);
                default -> number(word);
            };
        } catch (InvalidValue e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("rules.nft-not-a-value", text, nftName);
        }
    }

    static long unsigned(int bits) {
        return bits & 0xffff_ffffL;
    }

    private static long number(String word) {
        if (word.startsWith("0x")) {
            return Long.parseLong(word.substring(2), 16);
        }
        return Long.parseLong(word);
    }

    static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
