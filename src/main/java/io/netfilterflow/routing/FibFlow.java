package io.netfilterflow.routing;

import io.netfilterflow.net.Ipv4Address;

/**
 * What a route lookup is keyed by ({@code struct flowi4}): the destination, the source (null while a local socket
 * has none), the input device ({@code lo} for the host's own packets, as {@code LOOPBACK_IFINDEX}) and the mark.
 */
public record FibFlow(Ipv4Address destination, Ipv4Address source, String iif, long mark) {

    public static FibFlow to(Ipv4Address destination) {
        return new FibFlow(destination, null, null, 0);
    }
}
