package io.netfilterflow.net;

import io.netfilterflow.problem.InvalidValue;

/**
 * An address with a netmask, as {@code -s}/{@code -d} hold it ({@code struct ipt_ip}'s
 * {@code src}/{@code smsk}). The address is stored masked, as iptables stores it.
 */
public record Ipv4Prefix(Ipv4Address address, int mask) {

    public static final Ipv4Prefix ANY = new Ipv4Prefix(Ipv4Address.ANY, 0);

    public Ipv4Prefix {
        if ((address.bits() & ~mask) != 0) {
            address = new Ipv4Address(address.bits() & mask);
        }
    }

    /** {@code 10.0.0.0/8}, {@code 10.0.0.0/255.0.0.0} or a bare address (a /32). */
    public static Ipv4Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Ipv4Prefix(Ipv4Address.parse(text), -1);
        }
        Ipv4Address address = Ipv4Address.parse(text, 0, slash);
        if (text.indexOf('.', slash + 1) >= 0) {
            return new Ipv4Prefix(address, Ipv4Address.parse(text, slash + 1, text.length()).bits());
        }
        return new Ipv4Prefix(address, maskOf(parseLength(text, slash + 1)));
    }

    public static int maskOf(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    private static int parseLength(String text, int from) {
        int digits = text.length() - from;
        if (digits == 1 || digits == 2) { // "/32", nearly every prefix: read without a copy
            int length = 0;
            for (int i = from; i < text.length() && length >= 0; i++) {
                char c = text.charAt(i);
                length = c >= '0' && c <= '9' ? length * 10 + (c - '0') : -1;
            }
            if (length >= 0 && length <= 32) {
                return length;
            }
        }
        try {
            int length = Integer.parseInt(text.substring(from));
            if (length >= 0 && length <= 32) {
                return length;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidValue("net.invalid-prefix-length", text);
    }

    /** The prefix length, or -1 when the mask is not contiguous. */
    public int length() {
        int ones = Integer.bitCount(mask);
        return maskOf(ones) == mask ? ones : -1;
    }

    public boolean contains(Ipv4Address candidate) {
        return (candidate.bits() & mask) == address.bits();
    }

    /** As iptables-save prints it: a prefix length when the mask is contiguous, else the mask. */
    @Override
    public String toString() {
        int length = length();
        return address + "/" + (length >= 0 ? Integer.toString(length) : new Ipv4Address(mask).toString());
    }

    @Override
    public boolean equals(Object other) { // written out, as Negatable's: hashed for every prefix a dump has
        return other instanceof Ipv4Prefix that && that.mask == mask && that.address.equals(address);
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 33 + mask;
    }
}
