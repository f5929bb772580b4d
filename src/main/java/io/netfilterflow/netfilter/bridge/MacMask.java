package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.net.MacAddress;
import java.util.Map;

/**
 * A MAC address under a mask, as ebtables' {@code -s}/{@code -d} and the arp match take it,
 * including the names ebtables knows ({@code Unicast}, {@code Multicast}, {@code Broadcast}, {@code BGA}).
 */
public record MacMask(MacAddress address, MacAddress mask) {

    private static final MacAddress ALL = new MacAddress(0xffff_ffff_ffffL);
    private static final MacAddress GROUP_BIT = new MacAddress(0x0100_0000_0000L);

    private static final Map<String, MacMask> NAMED = Map.of(
            "Unicast", new MacMask(new MacAddress(0), GROUP_BIT),
            "Multicast", new MacMask(GROUP_BIT, GROUP_BIT),
            "Broadcast", new MacMask(ALL, ALL),
            "BGA", new MacMask(new MacAddress(0x0180_c200_0000L), ALL));

    public MacMask {
        address = new MacAddress(address.bits() & mask.bits());
    }

    /** {@code 02:42:ac:11:00:02}, {@code 02:42:00:00:00:00/ff:ff:00:00:00:00} or a name. */
    public static MacMask parse(String text) {
        for (Map.Entry<String, MacMask> named : NAMED.entrySet()) {
            if (named.getKey().equalsIgnoreCase(text)) {
                return named.getValue();
            }
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new MacMask(MacAddress.parse(text), ALL);
        }
        return new MacMask(MacAddress.parse(text.substring(0, slash)), MacAddress.parse(text.substring(slash + 1)));
    }

    public boolean matches(MacAddress candidate) {
        return (candidate.bits() & mask.bits()) == address.bits();
    }

    /** As ebtables prints it: a name when one fits, the mask only when not all ones. */
    @Override
    public String toString() {
        for (Map.Entry<String, MacMask> named : NAMED.entrySet()) {
            if (named.getValue().equals(this)) {
                return named.getKey();
            }
        }
        return mask.equals(ALL) ? address.toString() : address + "/" + mask;
    }
}
