package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.netfilter.core.PktType;
import io.netfilterflow.netfilter.xtables.RuleState;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.trace.Reason;

/**
 * What an ebtables match sees ({@code ebt_do_table}'s view of the frame): the frame (always IPv4 in
 * these scenarios), its mark, the bridge ports and the bridge, and the rule state kept across packets.
 */
public interface EbtActionParam {

    Packet frame();

    long mark();

    /** The bridge port the frame came in on, or null. */
    String in();

    String out();

    /** The bridge itself ({@code --logical-in}), or null. */
    String logicalIn();

    String logicalOut();

    PktType pktType();

    <T> T state(RuleState<T> key);

    void note(Reason note);
}
