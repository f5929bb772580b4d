package io.netfilterflow.net;

import io.netfilterflow.problem.InvalidValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An Ethernet protocol number with the name /etc/ethertypes gives it (what ebtables prints). */
public record EtherType(int number) {

    public static final EtherType IPV4 = new EtherType(0x0800);
    public static final EtherType ARP = new EtherType(0x0806);
    public static final EtherType IPV6 = new EtherType(0x86dd);
    public static final EtherType VLAN = new EtherType(0x8100);

    private static final Map<String, Integer> BY_NAME = new LinkedHashMap<>();

    static {
        for (Object[] entry : new Object[][] {
                {"IPv4", 0x0800}, {"X25", 0x0805}, {"ARP", 0x0806}, {"FR_ARP", 0x0808}, {"BPQ", 0x08FF},
                {"DEC", 0x6000}, {"DNA_DL", 0x6001}, {"DNA_RC", 0x6002}, {"DNA_RT", 0x6003}, {"LAT", 0x6004},
                {"DIAG", 0x6005}, {"CUST", 0x6006}, {"SCA", 0x6007}, {"TEB", 0x6558}, {"RAW_FR", 0x6559},
                {"RARP", 0x8035}, {"AARP", 0x80F3}, {"ATALK", 0x809B}, {"802_1Q", 0x8100}, {"IPX", 0x8137},
                {"NetBEUI", 0x8191}, {"IPv6", 0x86DD}, {"PPP", 0x880B}, {"ATMMPOA", 0x884C},
                {"PPP_DISC", 0x8863}, {"PPP_SES", 0x8864}, {"ATMFATE", 0x8884}, {"LOOP", 0x9000}}) {
            BY_NAME.put((String) entry[0], (Integer) entry[1]);
        }
    }

    public EtherType {
        if (number < 0 || number > 0xffff) {
            throw new IllegalArgumentException("ethertype out of range");
        }
    }

    /** A name (case-insensitive) or a hexadecimal number, with or without {@code 0x}. */
    public static EtherType parse(String text) {
        for (Map.Entry<String, Integer> entry : BY_NAME.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(text)) {
                return new EtherType(entry.getValue());
            }
        }
        String hex = text.toLowerCase(Locale.ROOT).startsWith("0x") ? text.substring(2) : text;
        try {
            int value = Integer.parseInt(hex, 16);
            if (value >= 0x0600 && value <= 0xffff) {
                return new EtherType(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidValue("net.not-an-ethertype", text);
    }

    /** The /etc/ethertypes name, or null. */
    public String knownName() {
        for (Map.Entry<String, Integer> entry : BY_NAME.entrySet()) {
            if (entry.getValue() == number) {
                return entry.getKey();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        String name = knownName();
        return name != null ? name : "0x" + Integer.toHexString(number);
    }
}
