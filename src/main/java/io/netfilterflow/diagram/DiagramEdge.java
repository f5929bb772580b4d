package io.netfilterflow.diagram;

/**
 * A way a packet can go from one box to the next. {@code kind} is {@code path} for the stack's own
 * order and {@code br_netfilter} where br_netfilter hands a bridged packet to the IPv4 hooks and back.
 */
public record DiagramEdge(String from, String to, String kind) {
}
