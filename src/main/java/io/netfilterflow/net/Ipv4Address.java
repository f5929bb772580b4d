package io.netfilterflow.net;

import io.netfilterflow.problem.InvalidValue;

/** An IPv4 address as the kernel keeps it ({@code __be32}), here as an unsigned 32-bit value. */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

    public static final Ipv4Address ANY = new Ipv4Address(0);

    /** Parses dotted-quad notation; throws {@link IllegalArgumentException} with a readable reason. */
    public static Ipv4Address parse(String text) {
        return parse(text, 0, text.length());
    }

    /** The address {@code text[from..to)} spells, read in place: a prefix's address is not copied out first. */
    public static Ipv4Address parse(String text, int from, int to) {
        int value = 0;
        int octets = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '.') {
                if (i == start || i - start > 3 || octets == 4) {
                    throw notAnAddress(text, from, to);
                }
                int octet = 0;
                for (int j = start; j < i; j++) {
                    char c = text.charAt(j);
                    if (c < '0' || c > '9') {
                        throw notAnAddress(text, from, to);
                    }
                    octet = octet * 10 + (c - '0');
                }
                if (octet > 255) {
                    throw notAnAddress(text, from, to);
                }
                value = (value << 8) | octet;
                octets++;
                start = i + 1;
            }
        }
        if (octets != 4) {
            throw notAnAddress(text, from, to);
        }
        return new Ipv4Address(value);
    }

    private static InvalidValue notAnAddress(String text, int from, int to) {
        return new InvalidValue("net.not-an-ipv4-address", text.substring(from, to));
    }

    public static boolean looksLikeIpv6(String text) {
        return text.indexOf(':') >= 0;
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    public boolean isMulticast() {
        return (bits & 0xf0000000) == 0xe0000000;
    }

    /** 255.255.255.255. */
    public boolean isLimitedBroadcast() {
        return bits == -1;
    }

    @Override
    public String toString() {
        return ((bits >>> 24) & 0xff) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff) + "." + (bits & 0xff);
    }

    @Override
    public boolean equals(Object other) { // written out, as Negatable's: hashed for every address a dump has
        return other instanceof Ipv4Address that && that.bits == bits;
    }

    @Override
    public int hashCode() {
        return bits;
    }
}
