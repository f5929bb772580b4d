package io.netfilterflow.simulation;

import io.netfilterflow.host.Endpoint;
import io.netfilterflow.host.NetDevice;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.NfProto;
import io.netfilterflow.netfilter.core.Verdict;
import io.netfilterflow.netfilter.core.PktType;
import io.netfilterflow.routing.Route;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.StepKind;

/**
 * br_netfilter ({@code net/bridge/br_netfilter_hooks.c}): from the bridge hooks it hands IPv4
 * frames to iptables with the bridge as the device, when {@code bridge-nf-call-iptables} is on.
 */
final class BrNetfilter {

    private final SimContext sim;
    private final NfHooks hooks;

    BrNetfilter(SimContext sim, NfHooks hooks) {
        this.sim = sim;
        this.hooks = hooks;
    }

    /** {@code br_nf_pre_routing} and {@code br_nf_pre_routing_finish}. */
    Verdict preRouting(Skb skb, String inPort) {
        if (!sim.host.sysctls().callIptables()) {
            return Verdict.ACCEPT;
        }
        String bridge = hooks.bridgeOf(inPort);
        skb.nfBridge = true;
        skb.physIn = inPort;
        if (skb.pktType == PktType.OTHERHOST) {
            skb.pktType = PktType.HOST;
        }
        Ipv4Address before = skb.packet.dst();
        Verdict verdict = hooks.run(NfProto.IPV4, NfHook.PRE_ROUTING, skb, bridge, null);
        skb.brnfPrerouted = true;
        if (verdict != Verdict.ACCEPT) {
            return verdict;
        }
        return before.equals(skb.packet.dst()) ? Verdict.ACCEPT : afterDnat(skb, sim.host.device(bridge));
    }

    /**
     * The destination changed in PREROUTING: route now. To the bridge's own subnet the frame is bridged
     * to the new host's MAC ({@code bridged_dnat}); anywhere else it is addressed to the bridge and goes up.
     */
    private Verdict afterDnat(Skb skb, NetDevice bridge) {
        Ipv4Address destination = skb.packet.dst();
        Route route = sim.host.fib().lookup(destination);
        Stage stage = Stage.of("ip", "PREROUTING");
        if (route != null && route.type() == io.netfilterflow.routing.RouteType.UNICAST
                && bridge.name().equals(route.device())) {
            Endpoint peer = behindBridge(bridge, route.nextHop(destination));
            if (peer != null) {
                skb.packet = skb.packet.withEthernet(skb.packet.ethSrc(), peer.mac());
            }
            sim.trace.step(skb, StepKind.ROUTING, stage, null, bridge.name(), null, null,
                    peer == null ? Reason.of(ReasonCode.BRNF_DNAT_BRIDGED_UNKNOWN, destination, bridge.name())
                            : Reason.of(ReasonCode.BRNF_DNAT_BRIDGED, destination, bridge.name(), peer.name(), peer.mac()));
            return Verdict.ACCEPT;
        }
        boolean local = route != null && route.isLocalDelivery();
        if (!local && !sim.host.sysctls().ipForward()) {
            sim.trace.step(skb, StepKind.DROPPED, stage, null, bridge.name(), null, null,
                    Reason.of(ReasonCode.BRNF_DNAT_NOT_FORWARDING, destination, bridge.name()));
            return Verdict.DROP;
        }
        skb.packet = skb.packet.withEthernet(skb.packet.ethSrc(), bridge.mac());
        skb.pktType = PktType.HOST;
        sim.trace.step(skb, StepKind.ROUTING, stage, null, bridge.name(), null, null,
                local ? Reason.of(ReasonCode.BRNF_DNAT_LOCAL, destination) : route == null
                        ? Reason.of(ReasonCode.BRNF_DNAT_NO_ROUTE, destination)
                        : Reason.of(ReasonCode.BRNF_DNAT_ROUTED, destination, route.device()));
        return Verdict.ACCEPT;
    }

    private Endpoint behindBridge(NetDevice bridge, Ipv4Address address) {
        for (Endpoint endpoint : sim.host.endpointsOnLink(bridge)) {
            if (endpoint.address().equals(address)) {
                return endpoint;
            }
        }
        return null;
    }

    /** {@code br_nf_forward}: a bridged frame meets iptables FORWARD with the bridge as in and out. */
    Verdict forward(Skb skb, String inPort, String outPort) {
        if (!skb.nfBridge) {
            return Verdict.ACCEPT;
        }
        skb.physOut = outPort;
        return hooks.run(NfProto.IPV4, NfHook.FORWARD, skb, hooks.bridgeOf(inPort), hooks.bridgeOf(outPort));
    }

    /** {@code br_nf_post_routing}: only frames that were bridged (not ones the IP stack routed) see it. */
    Verdict postRouting(Skb skb, String outPort) {
        if (!skb.nfBridge || skb.physOut == null) {
            return Verdict.ACCEPT;
        }
        return hooks.run(NfProto.IPV4, NfHook.POST_ROUTING, skb, null, hooks.bridgeOf(outPort));
    }
}
