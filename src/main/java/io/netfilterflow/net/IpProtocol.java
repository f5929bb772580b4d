package io.netfilterflow.net;

import io.netfilterflow.problem.InvalidValue;
import java.util.Map;

/**
 * An IP protocol number with the name iptables-save prints for it (from /etc/protocols on
 * Debian); 0 is {@code all}.
 */
public record IpProtocol(int number) {

    public static final IpProtocol ALL = new IpProtocol(0);
    public static final IpProtocol ICMP = new IpProtocol(1);
    public static final IpProtocol TCP = new IpProtocol(6);
    public static final IpProtocol UDP = new IpProtocol(17);
    public static final IpProtocol SCTP = new IpProtocol(132);

    private static final Map<String, Integer> BY_NAME = Map.ofEntries(
            Map.entry("all", 0), Map.entry("icmp", 1), Map.entry("igmp", 2), Map.entry("ipencap", 4),
            Map.entry("tcp", 6), Map.entry("egp", 8), Map.entry("udp", 17), Map.entry("ipv6", 41),
            Map.entry("ipv6-route", 43), Map.entry("ipv6-frag", 44), Map.entry("rsvp", 46), Map.entry("gre", 47),
            Map.entry("esp", 50), Map.entry("ah", 51), Map.entry("ipv6-icmp", 58), Map.entry("ipv6-nonxt", 59),
            Map.entry("ipv6-opts", 60), Map.entry("ospf", 89), Map.entry("pim", 103), Map.entry("vrrp", 112),
            Map.entry("l2tp", 115), Map.entry("sctp", 132), Map.entry("udplite", 136));

    private static final String[] NAMES = new String[256];
    /** One value per number, so that parsing a dump's 100k {@code -p tcp} makes none. */
    private static final IpProtocol[] BY_NUMBER = new IpProtocol[256];

    static {
        for (Map.Entry<String, Integer> entry : BY_NAME.entrySet()) {
            NAMES[entry.getValue()] = entry.getKey();
        }
        for (int number = 0; number < BY_NUMBER.length; number++) {
            BY_NUMBER[number] = new IpProtocol(number);
        }
        NAMES[0] = null; // "all" is never printed: a rule without -p has no protocol
    }

    public IpProtocol {
        if (number < 0 || number > 255) {
            throw new InvalidValue("net.protocol-number-out-of-range", number);
        }
    }

    /** A name ({@code tcp}, case-insensitive as in iptables) or a number; {@code icmpv6} is an alias. */
    public static IpProtocol parse(String text) {
        Integer known = BY_NAME.get(text); // as written nearly always: no lower-case copy
        if (known == null) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            known = BY_NAME.get(lower.equals("icmpv6") ? "ipv6-icmp" : lower);
        }
        if (known != null) {
            return BY_NUMBER[known];
        }
        try {
            int number = Integer.parseInt(text);
            return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : new IpProtocol(number);
        } catch (NumberFormatException e) {
            throw new InvalidValue("net.unknown-protocol", text);
        }
    }

    public boolean isAll() {
        return number == 0;
    }

    // written out, like Negatable's: a record's generated ones are linked at first use, costing a short command's start
    @Override
    public boolean equals(Object other) {
        return other instanceof IpProtocol protocol && protocol.number == number;
    }

    @Override
    public int hashCode() {
        return number;
    }

    @Override
    public String toString() {
        String name = NAMES[number];
        return name != null ? name : Integer.toString(number);
    }
}
