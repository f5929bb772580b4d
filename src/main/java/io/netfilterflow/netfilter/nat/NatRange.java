package io.netfilterflow.netfilter.nat;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.problem.InvalidValue;

/**
 * The addresses and ports a NAT rule may map to ({@code struct nf_nat_range2}). Either part may
 * be absent: a null address range keeps the address, a null port range keeps the port.
 */
public record NatRange(Ipv4Address minAddress, Ipv4Address maxAddress, PortRange ports) {

    public NatRange {
        if ((minAddress == null) != (maxAddress == null)) {
            throw new IllegalArgumentException("address range needs both ends");
        }
        if (minAddress != null && minAddress.compareTo(maxAddress) > 0) {
            throw new InvalidValue("rules.address-range-backwards");
        }
        if (minAddress == null && ports == null) {
            throw new InvalidValue("rules.nat-needs-address-or-port");
        }
    }

    /** {@code ADDR[-ADDR][:PORT[-PORT]]}, as DNAT's {@code --to-destination} and SNAT's {@code --to-source}. */
    public static NatRange parse(String text) {
        int colon = text.indexOf(':');
        String addressPart = colon < 0 ? text : text.substring(0, colon);
        PortRange ports = colon < 0 ? null : portRange(text.substring(colon + 1));
        if (addressPart.isEmpty()) {
            return new NatRange(null, null, ports);
        }
        int dash = addressPart.indexOf('-');
        Ipv4Address min = Ipv4Address.parse(dash < 0 ? addressPart : addressPart.substring(0, dash));
        Ipv4Address max = dash < 0 ? min : Ipv4Address.parse(addressPart.substring(dash + 1));
        return new NatRange(min, max, ports);
    }

    /** {@code PORT[-PORT]}, as {@code --to-ports} writes it. */
    public static PortRange portRange(String text) {
        PortRange range = PortRange.parse(text, '-');
        if (range.first() == 0) {
            throw new InvalidValue("rules.nat-port-zero");
        }
        return range;
    }

    public boolean hasAddress() {
        return minAddress != null;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (minAddress != null) {
            out.append(minAddress);
            if (!maxAddress.equals(minAddress)) {
                out.append('-').append(maxAddress);
            }
        }
        if (ports != null) {
            out.append(':').append(ports.format('-'));
        }
        return out.toString();
    }
}
