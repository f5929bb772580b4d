package io.netfilterflow.net;

import java.util.Locale;

/** A 48-bit Ethernet address. */
public record MacAddress(long bits) {

    public MacAddress {
        if ((bits & ~0xffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("MAC address out of range");
        }
    }

    /** Six hex octets separated by colons ({@code 02:42:ac:11:00:02}); a single hex digit per octet is allowed. */
    public static MacAddress parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 6) {
            throw new IllegalArgumentException("'" + text + "' is not a MAC address");
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 2) {
                throw new IllegalArgumentException("'" + text + "' is not a MAC address");
            }
            try {
                value = (value << 8) | Integer.parseInt(part, 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a MAC address");
            }
        }
        return new MacAddress(value);
    }

    /** Lower case, as ebtables and iptables 1.8 print it. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            if (shift != 40) {
                out.append(':');
            }
            out.append(String.format(Locale.ROOT, "%02x", (bits >>> shift) & 0xff));
        }
        return out.toString();
    }
}
