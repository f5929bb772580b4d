package io.netfilterflow.routing;

import java.util.Locale;

/** Route types ({@code RTN_*}) a scenario's routes may have. */
public enum RouteType {
    UNICAST, LOCAL, BROADCAST, BLACKHOLE, UNREACHABLE, PROHIBIT, THROW;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RouteType byLabel(String word) {
        for (RouteType type : values()) {
            if (type.label().equals(word)) {
                return type;
            }
        }
        return null;
    }
}
