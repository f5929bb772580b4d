package io.netfilterflow.simulation;

import io.netfilterflow.host.NetDevice;
import io.netfilterflow.net.MacAddress;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.NfProto;
import io.netfilterflow.netfilter.core.PktType;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.StepKind;

/**
 * The Linux bridge ({@code net/bridge/br_input.c}, {@code br_forward.c}, {@code br_device.c}): a
 * frame on a port is brouted, bridged to a port the FDB names, or passed up to the host; the host's
 * own frames leave through {@code br_dev_xmit}.
 */
final class BridgeStack {

    private static final Stage BRIDGING = Stage.of("bridge", "bridging");
    private static final Stage BRIDGE_CHECK = Stage.of("bridge", "bridge check");

    private final SimContext sim;
    private final NfHooks hooks;
    private final IpStack ip;
    private final Receivers receivers;

    BridgeStack(SimContext sim, NfHooks hooks, IpStack ip, Receivers receivers) {
        this.sim = sim;
        this.hooks = hooks;
        this.ip = ip;
        this.receivers = receivers;
    }

    /**
     * {@code br_handle_frame} and {@code nf_hook_bridge_pre}: bridge PREROUTING (broute's hook first, when its
     * table is loaded), then the bridging decision, or up to IP on the port itself for a brouted frame
     * ({@code RX_HANDLER_PASS}).
     */
    void receive(Skb skb, NetDevice port, NetDevice bridge) {
        skb.pktType = pktType(skb.packet.ethDst(), bridge);
        if (!ip.verdict(skb, hooks.run(NfProto.BRIDGE, NfHook.PRE_ROUTING, skb, port.name(), null), "PREROUTING")) {
            return;
        }
        if (skb.brouted) {
            sim.trace.step(skb, StepKind.BRIDGING, BRIDGE_CHECK, null, port.name(), null, null,
                    Reason.of(ReasonCode.BROUTED, port.name()));
            ip.receive(skb, port);
            return;
        }
        decide(skb, port, bridge);
    }

    /** {@code br_handle_frame_finish}: the FDB decides. */
    private void decide(Skb skb, NetDevice port, NetDevice bridge) {
        MacAddress dst = skb.packet.ethDst();
        if (dst.equals(MacAddress.BROADCAST)) {
            flood(skb, port, bridge);
            return;
        }
        if (sim.host.isLocalMac(bridge, dst)) {
            step(skb, port.name(), null, Reason.of(ReasonCode.BRIDGE_TO_HOST, dst, bridge.name()));
            if (ip.verdict(skb, hooks.run(NfProto.BRIDGE, NfHook.LOCAL_IN, skb, port.name(), null), "INPUT")) {
                ip.receive(skb, bridge);
            }
            return;
        }
        String out = sim.host.fdbPort(bridge, dst);
        if (out == null) {
            ip.drop(skb, BRIDGING, port.name(), null, Reason.of(ReasonCode.BRIDGE_UNKNOWN, dst, bridge.name()));
            return;
        }
        if (out.equals(port.name())) {
            ip.drop(skb, BRIDGING, port.name(), out, Reason.of(ReasonCode.BRIDGE_HAIRPIN, dst, out));
            return;
        }
        step(skb, port.name(), out, Reason.of(ReasonCode.BRIDGE_FORWARD, dst, out));
        if (ip.verdict(skb, hooks.run(NfProto.BRIDGE, NfHook.FORWARD, skb, port.name(), out), "FORWARD")) {
            postRouting(skb, out);
        }
    }

    /**
     * {@code br_flood}, then {@code br_pass_frame_up}: a copy to every port but the one it came in on,
     * in the order of {@code br->port_list} (the port enslaved last comes first), each through bridge
     * FORWARD and POSTROUTING; then the frame itself goes up to the host through bridge INPUT.
     */
    private void flood(Skb skb, NetDevice port, NetDevice bridge) {
        java.util.List<NetDevice> ports = new java.util.ArrayList<>(java.util.stream.StreamSupport.stream(sim.host.devices().spliterator(), false)
                .filter(dev -> bridge.name().equals(dev.master()) && !dev.name().equals(port.name())).toList());
        java.util.Collections.reverse(ports);
        step(skb, port.name(), null, ports.isEmpty() ? Reason.of(ReasonCode.BRIDGE_FLOOD_ALONE, skb.packet.ethDst())
                : Reason.of(ReasonCode.BRIDGE_FLOOD, skb.packet.ethDst(),
                        String.join(", ", ports.stream().map(NetDevice::name).toList())));
        for (NetDevice out : ports) {
            Skb copy = skb.floodCopy();
            if (ip.verdict(copy, hooks.run(NfProto.BRIDGE, NfHook.FORWARD, copy, port.name(), out.name()), "FORWARD")) {
                postRouting(copy, out.name());
            }
        }
        if (ip.verdict(skb, hooks.run(NfProto.BRIDGE, NfHook.LOCAL_IN, skb, port.name(), null), "INPUT")) {
            ip.receive(skb, bridge);
        }
    }

    /** {@code br_dev_xmit}: the host sends through the bridge: bridge OUTPUT, then POSTROUTING. */
    void transmit(Skb skb, NetDevice bridge) {
        MacAddress dst = skb.packet.ethDst();
        String out = sim.host.fdbPort(bridge, dst);
        if (out == null) {
            ip.drop(skb, BRIDGING, null, bridge.name(), Reason.of(ReasonCode.BRIDGE_XMIT_UNKNOWN, dst));
            return;
        }
        step(skb, null, out, Reason.of(ReasonCode.BRIDGE_XMIT, dst, out));
        if (ip.verdict(skb, hooks.run(NfProto.BRIDGE, NfHook.LOCAL_OUT, skb, null, out), "OUTPUT")) {
            postRouting(skb, out);
        }
    }

    /** {@code br_forward_finish}: bridge POSTROUTING, then out of the port. */
    private void postRouting(Skb skb, String out) {
        if (!ip.verdict(skb, hooks.run(NfProto.BRIDGE, NfHook.POST_ROUTING, skb, null, out), "POSTROUTING")) {
            return;
        }
        receivers.direct(skb, out);
    }

    private static PktType pktType(MacAddress dst, NetDevice bridge) {
        if (dst.bits() == 0xffff_ffff_ffffL) {
            return PktType.BROADCAST;
        }
        if ((dst.bits() & 0x0100_0000_0000L) != 0) {
            return PktType.MULTICAST;
        }
        return dst.equals(bridge.mac()) ? PktType.HOST : PktType.OTHERHOST;
    }

    private void step(Skb skb, String in, String out, Reason why) {
        sim.trace.step(skb, StepKind.BRIDGING, BRIDGING, null, in, out, null, why);
    }
}
