package io.netfilterflow.net;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.problem.InvalidValue;

/** An address configured on an interface with its prefix length ({@code ip addr add 10.0.0.5/24}). */
public record InterfaceAddress(Ipv4Address address, int length) {

    public InterfaceAddress {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length " + length + " is out of range 0..32");
        }
    }

    /** {@code A.B.C.D/N}; the length is required, as {@code ip addr} would otherwise assume /32. */
    public static InterfaceAddress parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new InvalidValue("net.address-needs-prefix-length", text);
        }
        int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new InvalidValue("net.address-prefix-length-invalid", text);
        }
        if (length < 0 || length > 32) {
            throw new InvalidValue("net.address-prefix-length-out-of-range", text);
        }
        return new InterfaceAddress(Ipv4Address.parse(text.substring(0, slash)), length);
    }

    public Ipv4Prefix network() {
        return new Ipv4Prefix(address, Ipv4Prefix.maskOf(length));
    }

    /** The directed broadcast address, or null for /31 and /32 which have none. */
    public Ipv4Address broadcast() {
        if (length >= 31) {
            return null;
        }
        return new Ipv4Address(address.bits() | ~Ipv4Prefix.maskOf(length));
    }

    public boolean onLink(Ipv4Address other) {
        return network().contains(other);
    }

    @Override
    public String toString() {
        return address + "/" + length;
    }
}
