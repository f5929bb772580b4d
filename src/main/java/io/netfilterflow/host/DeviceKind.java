package io.netfilterflow.host;

import java.util.Locale;

/** The kinds of network device a scenario's host may have ({@code ip link add type ...}). */
public enum DeviceKind {
    ETHERNET, LOOPBACK, BRIDGE, VETH;

    public static DeviceKind parse(String text) {
        for (DeviceKind kind : values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a device kind (ethernet, loopback, bridge, veth)");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
