package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.nat.NatRange;
import io.netfilterflow.netfilter.xtables.XtTarget;

/** A target of the nat table that binds a connection's mapping on its first packet. */
public interface NatTarget extends XtTarget {

    /** The mapping, or null when it depends on the packet (MASQUERADE without --to-ports). */
    NatRange range();

    /** Ports can only be mapped for protocols with ports; iptables refuses the rule otherwise. */
    default boolean mapsPorts() {
        return range() != null && range().ports() != null;
    }
}
