package io.netfilterflow.host;

import io.netfilterflow.net.InterfaceAddress;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.MacAddress;
import java.util.Objects;
import java.util.Set;

/**
 * A machine outside the host, cabled to one host interface ({@code attach}): a bridge port or a
 * routed interface. It answers like a Linux host: echo, its listening ports, RST or port unreachable.
 */
public record Endpoint(String name, String attach, MacAddress mac, InterfaceAddress ip, Ipv4Address gateway,
                       Set<Listen> listen) {

    public Endpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(attach, "attach");
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(ip, "ip");
        listen = Set.copyOf(listen);
    }

    public Ipv4Address address() {
        return ip.address();
    }

    /** Whether it sends {@code destination} as an Ethernet broadcast: its subnet's broadcast or 255.255.255.255. */
    public boolean broadcasts(Ipv4Address destination) {
        return destination.isLimitedBroadcast() || destination.equals(ip.broadcast());
    }

    /** The address its neighbour lookup would resolve for {@code destination}, or null with no route. */
    public Ipv4Address nextHop(Ipv4Address destination) {
        return ip.onLink(destination) ? destination : gateway;
    }
}
