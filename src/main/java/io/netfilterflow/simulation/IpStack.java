package io.netfilterflow.simulation;

import io.netfilterflow.host.Endpoint;
import io.netfilterflow.host.NetDevice;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.NfProto;
import io.netfilterflow.netfilter.core.Verdict;
import io.netfilterflow.netfilter.core.PktType;
import io.netfilterflow.routing.Route;
import io.netfilterflow.routing.RouteType;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.RuleRef;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.StepKind;

/**
 * The IPv4 layer ({@code net/ipv4/ip_input.c}, {@code ip_forward.c}, {@code ip_output.c}): receive,
 * route, deliver locally or forward, send, and hand frames to a device or the bridge.
 */
final class IpStack {

    private final SimContext sim;
    private final NfHooks hooks;
    private final Receivers receivers;
    private final Routing routing;
    private BridgeStack bridge;

    IpStack(SimContext sim, NfHooks hooks, Receivers receivers) {
        this.sim = sim;
        this.hooks = hooks;
        this.receivers = receivers;
        this.routing = new Routing(sim, receivers);
    }

    void attach(BridgeStack bridgeStack) {
        this.bridge = bridgeStack;
    }

    /** {@code ip_rcv}: PREROUTING, then {@code ip_rcv_finish}. */
    void receive(Skb skb, NetDevice dev) {
        if (skb.pktType == PktType.OTHERHOST) {
            drop(skb, Stage.of("ip", "PREROUTING"), dev.name(), null,
                    Reason.of(ReasonCode.RCV_OTHERHOST, skb.packet.ethDst(), dev.name()));
            return;
        }
        if (verdict(skb, hooks.run(NfProto.IPV4, NfHook.PRE_ROUTING, skb, dev.name(), null), "PREROUTING")) {
            receiveFinish(skb, dev);
        }
    }

    private void receiveFinish(Skb skb, NetDevice dev) {
        Route route = skb.route != null ? skb.route : routing.input(skb, dev);
        if (route == null) {
            return;
        }
        skb.route = route;
        if (route.isLocalDelivery()) {
            if (verdict(skb, hooks.run(NfProto.IPV4, NfHook.LOCAL_IN, skb, dev.name(), null), "INPUT")) {
                receivers.host(skb, dev);
            }
            return;
        }
        forward(skb, dev, route);
    }

    /** {@code ip_forward}: TTL, FORWARD, then out. */
    private void forward(Skb skb, NetDevice in, Route route) {
        String out = routing.outDevice(route);
        if (skb.pktType != PktType.HOST) {
            drop(skb, Stage.of("ip", "FORWARD"), in.name(), out, Reason.of(ReasonCode.FORWARD_NOT_HOST, in.name(),
                    skb.pktType.name().toLowerCase(java.util.Locale.ROOT)));
            return;
        }
        if (skb.packet.ttl() <= 1) {
            drop(skb, Stage.of("ip", "FORWARD"), in.name(), out, Reason.of(ReasonCode.TTL_EXCEEDED));
            return;
        }
        skb.packet = skb.packet.withTtl(skb.packet.ttl() - 1);
        if (verdict(skb, hooks.run(NfProto.IPV4, NfHook.FORWARD, skb, in.name(), out), "FORWARD")) {
            output(skb, in.name(), route);
        }
    }

    /** {@code ip_local_out}: a packet of the host itself: route, OUTPUT, reroute if NAT or a mark changed it. */
    void localOut(Skb skb) {
        Route route = routing.output(skb, ReasonCode.ROUTE_OUTPUT);
        if (route == null) {
            return;
        }
        skb.route = route;
        Ipv4Address destination = skb.packet.dst();
        long mark = skb.mark;
        if (!verdict(skb, hooks.run(NfProto.IPV4, NfHook.LOCAL_OUT, skb, null, routing.outDevice(route)), "OUTPUT")) {
            return;
        }
        if (!destination.equals(skb.packet.dst()) || mark != skb.mark) {
            route = routing.output(skb, destination.equals(skb.packet.dst()) ? ReasonCode.REROUTE_MARK
                    : ReasonCode.REROUTE_DESTINATION);
            if (route == null) {
                return;
            }
            skb.route = route;
        }
        output(skb, null, route);
    }

    /** {@code ip_output}: POSTROUTING, then the neighbour and the device. */
    private void output(Skb skb, String in, Route route) {
        String out = routing.outDevice(route);
        if (!verdict(skb, hooks.run(NfProto.IPV4, NfHook.POST_ROUTING, skb, in, out), "POSTROUTING")) {
            return;
        }
        NetDevice dev = sim.host.device(out);
        if (dev.isLoopback()) {
            sim.trace.step(skb, StepKind.TRANSMITTED, Stage.of(null, "xmit"), null, null, out, null,
                    Reason.of(ReasonCode.LOOPED_BACK));
            skb.pktType = PktType.HOST;
            skb.route = route.type() == RouteType.LOCAL ? route : null;
            receive(skb, dev);
            return;
        }
        Ipv4Address nextHop = route.nextHop(skb.packet.dst());
        Endpoint neighbour = routing.neighbour(dev, nextHop);
        if (neighbour == null) {
            drop(skb, Stage.of(null, "xmit"), null, out, Reason.of(ReasonCode.NO_NEIGHBOUR, out, nextHop));
            return;
        }
        skb.packet = skb.packet.withEthernet(dev.mac(), neighbour.mac());
        if (dev.isBridge()) {
            bridge.transmit(skb, dev);
        } else {
            receivers.endpoint(skb, neighbour, out);
        }
    }

    /** Whether the packet goes on; otherwise records how its path ended at this hook. */
    boolean verdict(Skb skb, Verdict verdict, String hook) {
        switch (verdict) {
            case ACCEPT -> {
                return true;
            }
            case QUEUE -> {
                sim.trace.step(skb, StepKind.QUEUED, Stage.of("ip", hook), null, null, null, null,
                        Reason.of(ReasonCode.QUEUED));
                receivers.end(skb, Disposition.QUEUED, hook, skb.decided == null ? null : skb.decided.stage(),
                        skb.decided == null ? null : skb.decided.rule(),
                        Reason.of(ReasonCode.QUEUED_AT, hook));
                return false;
            }
            default -> {
                lastDecision(skb, hook);
                return false;
            }
        }
    }

    private void lastDecision(Skb skb, String hook) {
        if (sim.trace.hasResult(skb.flow)) {
            return;
        }
        Decision decided = skb.decided;
        if (decided == null) {
            receivers.end(skb, Disposition.DROPPED, hook, Reason.of(ReasonCode.DROPPED_AT, hook));
            return;
        }
        String where = decided.stage().chainName();
        RuleRef rule = decided.rule();
        Stage stage = decided.stage();
        // named as the event list and the tools name it: ebtables filter FORWARD, iptables nat PREROUTING
        Reason chain = Reason.of(ReasonCode.CHAIN, "bridge".equals(stage.family()) ? "ebtables" : "iptables",
                stage.table(), stage.chain());
        Reason sentence = rule == null ? Reason.of(ReasonCode.DROPPED_BY_POLICY, chain)
                : Reason.of(decided.rejected() ? ReasonCode.REJECTED_BY_RULE : ReasonCode.DROPPED_BY_RULE, chain,
                        rule.line(), rule.input());
        sim.trace.step(skb, StepKind.DROPPED, decided.stage(), null, decided.in(), decided.out(), decided.rule(),
                sentence);
        receivers.end(skb, decided.rejected() ? Disposition.REJECTED : Disposition.DROPPED, where, decided.stage(),
                decided.rule(),
                sentence);
    }

    void drop(Skb skb, Stage stage, String in, String out, Reason why) {
        sim.trace.step(skb, StepKind.DROPPED, stage, null, in, out, null, why);
        receivers.end(skb, Disposition.DROPPED, stage.hook(), why);
    }
}
