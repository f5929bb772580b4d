package io.netfilterflow.host;

import io.netfilterflow.net.InterfaceAddress;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.MacAddress;
import io.netfilterflow.routing.Link;
import java.util.List;
import java.util.Objects;

/** One network device of the host ({@code struct net_device}); {@code master} names its bridge, or is null. */
public record NetDevice(String name, DeviceKind kind, MacAddress mac, List<InterfaceAddress> addresses,
                        String master) implements Link {

    public NetDevice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mac, "mac");
        addresses = List.copyOf(addresses);
    }

    public boolean isBridge() {
        return kind == DeviceKind.BRIDGE;
    }

    public boolean isBridgePort() {
        return master != null;
    }

    public boolean isLoopback() {
        return kind == DeviceKind.LOOPBACK;
    }

    public boolean hasAddress(Ipv4Address address) {
        return addresses.stream().anyMatch(a -> a.address().equals(address));
    }

    /** The primary address, as {@code inet_select_addr} prefers one on the same subnet as {@code near}. */
    public Ipv4Address selectAddress(Ipv4Address near) {
        if (addresses.isEmpty()) {
            return null;
        }
        if (near != null) {
            for (InterfaceAddress address : addresses) {
                if (address.onLink(near)) {
                    return address.address();
                }
            }
        }
        return addresses.get(0).address();
    }
}
