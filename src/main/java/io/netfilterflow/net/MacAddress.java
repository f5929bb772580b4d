package io.netfilterflow.net;

import io.netfilterflow.problem.InvalidValue;

/** A 48-bit Ethernet address. */
public record MacAddress(long bits) {

    /** {@code ff:ff:ff:ff:ff:ff}, where a sender puts an IPv4 broadcast. */
    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);

    public MacAddress {
        if ((bits & ~0xffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("MAC address out of range");
        }
    }

    /** Six hex octets separated by colons ({@code 02:42:ac:11:00:02}); a single hex digit per octet is allowed. */
    public static MacAddress parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 6) {
            throw new InvalidValue("net.not-a-mac-address", text);
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 2) {
                throw new InvalidValue("net.not-a-mac-address", text);
            }
            try {
                value = (value << 8) | Integer.parseInt(part, 16);
            } catch (NumberFormatException e) {
                throw new InvalidValue("net.not-a-mac-address", text);
            }
        }
        return new MacAddress(value);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Lower case, as ebtables and iptables 1.8 print it. */
    @Override
    public String toString() {
        char[] out = new char[17];
        for (int octet = 0; octet < 6; octet++) {
            int value = (int) (bits >>> (40 - 8 * octet)) & 0xff;
            out[octet * 3] = HEX[value >>> 4];
            out[octet * 3 + 1] = HEX[value & 0xf];
            if (octet < 5) {
                out[octet * 3 + 2] = ':';
            }
        }
        return new String(out);
    }
}
