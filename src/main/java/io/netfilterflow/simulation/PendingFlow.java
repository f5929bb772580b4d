package io.netfilterflow.simulation;

import io.netfilterflow.host.Endpoint;
import io.netfilterflow.netfilter.conntrack.Conntrack;
import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.trace.Reason;

/**
 * A packet waiting to be simulated: from a peer ({@code endpoint}) or from the host itself
 * ({@code endpoint == null}), with the flow it answers and whether its receiver should answer it;
 * {@code uid}/{@code gid} own the sending socket (null for the kernel's own packets).
 * A REJECT's answer carries the rejected packet's connection ({@code attachedCt}, {@code nf_ct_attach}),
 * the step of the rule that sent it ({@code causeStep}) and, when it bypasses the IP stack, the device
 * it is sent straight out of ({@code directOut}).
 */
record PendingFlow(int flow, Reason label, Integer cause, Endpoint endpoint, Packet packet, boolean answer,
                   Long uid, Long gid, Conntrack attachedCt, CtInfo attachedInfo, Integer causeStep,
                   String directOut) {

    /** A packet that a process of the host or of a peer sends, or that a receiver sends in answer. */
    static PendingFlow sent(int flow, Reason label, Integer cause, Endpoint endpoint, Packet packet, boolean answer,
                            Long uid, Long gid) {
        return new PendingFlow(flow, label, cause, endpoint, packet, answer, uid, gid, null, null, null, null);
    }

    /** Who sends it: a peer's name, or {@code host}. */
    String from() {
        return endpoint == null ? "host" : endpoint.name();
    }
}
