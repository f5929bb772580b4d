package io.netfilterflow.host;

import io.netfilterflow.problem.InvalidValue;
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
        throw new InvalidValue("net.not-a-device-kind", text);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
