package io.netfilterflow.netfilter.ipv4;

import io.netfilterflow.net.InterfaceName;
import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.RuleWriter;

/**
 * The part of every iptables rule that is not an extension ({@code struct ipt_ip}): addresses,
 * interfaces, protocol and fragment flag. Absent conditions are null.
 */
public record IpHeaderMatch(Negatable<Ipv4Prefix> source, Negatable<Ipv4Prefix> destination,
                            Negatable<InterfaceName> inInterface, Negatable<InterfaceName> outInterface,
                            Negatable<IpProtocol> protocol, Boolean fragment) {

    public static final IpHeaderMatch ANY = new IpHeaderMatch(null, null, null, null, null, null);

    /** The header of these conditions: {@link #ANY} when there are none, one object for a dump's thousands of such. */
    public static IpHeaderMatch of(Negatable<Ipv4Prefix> source, Negatable<Ipv4Prefix> destination,
                                   Negatable<InterfaceName> inInterface, Negatable<InterfaceName> outInterface,
                                   Negatable<IpProtocol> protocol, Boolean fragment) {
        return source == null && destination == null && inInterface == null && outInterface == null
                && protocol == null && fragment == null ? ANY
                : new IpHeaderMatch(source, destination, inInterface, outInterface, protocol, fragment);
    }

    /** The protocol the rule requires (for {@code -m tcp} and friends), or null when not a plain {@code -p}. */
    public IpProtocol requiredProtocol() {
        return protocol == null || protocol.inverted() ? null : protocol.value();
    }

    /** In the order iptables-save prints them. */
    public void save(RuleWriter out) {
        if (source != null) {
            out.option(source.inverted(), "-s", source.value().toString());
        }
        if (destination != null) {
            out.option(destination.inverted(), "-d", destination.value().toString());
        }
        if (inInterface != null) {
            out.option(inInterface.inverted(), "-i", inInterface.value().toString());
        }
        if (outInterface != null) {
            out.option(outInterface.inverted(), "-o", outInterface.value().toString());
        }
        if (protocol != null) {
            out.option(protocol.inverted(), "-p", protocol.value().toString());
        }
        if (fragment != null) {
            out.option(!fragment, "-f");
        }
    }
}
