package io.netfilterflow.routing;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.Ipv4Prefix;
import java.util.Objects;

/**
 * One route ({@code struct fib_alias} with its nexthop): type, destination prefix, gateway, device,
 * preferred source, metric and the table it is in ({@link #MAIN} unless {@code table N} says otherwise).
 * {@code text} is the line it came from, or how it was derived.
 */
public record Route(RouteType type, Ipv4Prefix destination, Ipv4Address gateway, String device,
                    Ipv4Address preferredSource, int metric, String text, int table) {

    public static final int LOCAL = 255;
    public static final int MAIN = 254;
    public static final int DEFAULT = 253;

    public Route {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(destination, "destination");
    }

    public Route(RouteType type, Ipv4Prefix destination, Ipv4Address gateway, String device,
                 Ipv4Address preferredSource, int metric, String text) {
        this(type, destination, gateway, device, preferredSource, metric, text, MAIN);
    }

    public boolean isLocalDelivery() {
        return type == RouteType.LOCAL || type == RouteType.BROADCAST;
    }

    /** The neighbour a packet to {@code destination} is handed to: the gateway, or the destination itself. */
    public Ipv4Address nextHop(Ipv4Address destination) {
        return gateway != null ? gateway : destination;
    }
}
