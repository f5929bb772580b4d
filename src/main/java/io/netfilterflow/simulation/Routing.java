package io.netfilterflow.simulation;

import io.netfilterflow.host.Endpoint;
import io.netfilterflow.host.NetDevice;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.routing.Fib;
import io.netfilterflow.routing.FibFlow;
import io.netfilterflow.routing.IpRule;
import io.netfilterflow.routing.Route;
import io.netfilterflow.routing.RouteType;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.StepKind;

/**
 * The routing decisions ({@code ip_route_input_slow}, {@code ip_route_output_key}) with the checks
 * that drop a packet before any FORWARD or INPUT chain sees it, and neighbour resolution.
 */
final class Routing {

    private static final Stage INPUT_STAGE = Stage.of("ip", "routing");
    private static final Stage OUTPUT_STAGE = Stage.of("ip", "output routing");

    private final SimContext sim;
    private final Receivers receivers;

    Routing(SimContext sim, Receivers receivers) {
        this.sim = sim;
        this.receivers = receivers;
    }

    /** The input route, or null after recording why the packet was dropped. */
    Route input(Skb skb, NetDevice dev) {
        Ipv4Address src = skb.packet.src();
        Ipv4Address dst = skb.packet.dst();
        boolean loopback = dev.isLoopback();
        if (!loopback && (isLoopbackNet(src) || sim.host.fib().isLocal(src))) {
            return drop(skb, dev, Reason.of(ReasonCode.MARTIAN_SOURCE, src, dev.name()));
        }
        if (!loopback && isLoopbackNet(dst) && !sim.host.sysctls().routeLocalnet()) {
            return drop(skb, dev, Reason.of(ReasonCode.MARTIAN_DESTINATION, dst, dev.name()));
        }
        Fib.Result found = dst.isLimitedBroadcast() ? new Fib.Result(limitedBroadcast(dev), null)
                : sim.host.fib().route(new FibFlow(dst, src, dev.name(), skb.mark));
        Route route = found.route();
        if (route == null) {
            return found.refusedBy() != null ? refused(skb, dev, found.refusedBy())
                    : routeError(skb, dev, Reason.of(ReasonCode.NO_ROUTE_INPUT, dst), 0);
        }
        if (route.isLocalDelivery()) {
            Reason spoofed = loopback || src.equals(Ipv4Address.ANY) ? null : reversePath(skb, dev, "lo");
            if (spoofed != null) {
                return drop(skb, dev, spoofed);
            }
            step(skb, dev.name(), null, Reason.of(route.type() == RouteType.LOCAL ? ReasonCode.ROUTE_LOCAL
                    : ReasonCode.ROUTE_BROADCAST, dst));
            return route;
        }
        if (route.type() != RouteType.UNICAST) {
            return drop(skb, dev, Reason.of(ReasonCode.ROUTE_TYPE_DROPS, route.text(), route.type().label()));
        }
        if (!sim.host.sysctls().ipForward()) {
            return drop(skb, dev, Reason.of(ReasonCode.NOT_FORWARDING, dst));
        }
        Reason spoofed = reversePath(skb, dev, outDevice(route));
        if (spoofed != null) {
            return drop(skb, dev, spoofed);
        }
        step(skb, dev.name(), outDevice(route), Reason.of(ReasonCode.ROUTE_FORWARD, dst, path(route)));
        return route;
    }

    /** {@code ip_route_input_slow} sends 255.255.255.255 to {@code brd_input} without a FIB lookup. */
    private static Route limitedBroadcast(NetDevice dev) {
        return new Route(RouteType.BROADCAST, new io.netfilterflow.net.Ipv4Prefix(new Ipv4Address(-1), -1),
                null, dev.name(), null, 0, "255.255.255.255 (limited broadcast, ipv4_is_lbcast)");
    }

    /**
     * The output route for a packet the host sends, or null after recording why it cannot be sent; {@code why}
     * is the code of the decision ({@code ROUTE_OUTPUT}, or a reroute's), taking where the route leads.
     */
    Route output(Skb skb, ReasonCode why) {
        Ipv4Address dst = skb.packet.dst();
        // ip_route_output_key: iif lo; the socket has no source yet, a reroute (ip_route_me_harder) has the packet's
        Ipv4Address source = why == ReasonCode.ROUTE_OUTPUT ? null : skb.packet.src();
        Fib.Result found = sim.host.fib().route(new FibFlow(dst, source, "lo", skb.mark));
        Route route = found.route();
        if (found.refusedBy() != null) {
            sim.trace.step(skb, StepKind.DROPPED, OUTPUT_STAGE, null, null, null, null,
                    Reason.of(ReasonCode.RULE_REFUSES_OUTPUT, found.refusedBy().text(), dst));
            receivers.end(skb, Disposition.UNROUTABLE, "routing", Reason.of(ReasonCode.NO_ROUTE, dst));
            return null;
        }
        if (route == null || (route.type() != RouteType.UNICAST && route.type() != RouteType.LOCAL)) {
            sim.trace.step(skb, StepKind.DROPPED, OUTPUT_STAGE, null, null, null, null,
                    Reason.of(ReasonCode.NO_ROUTE_OUTPUT, dst));
            receivers.end(skb, Disposition.UNROUTABLE, "routing", Reason.of(ReasonCode.NO_ROUTE, dst));
            return null;
        }
        Reason where = route.type() == RouteType.LOCAL ? Reason.of(ReasonCode.OUTPUT_TO_SELF, dst)
                : Reason.of(ReasonCode.OUTPUT_PATH, dst, path(route));
        sim.trace.step(skb, StepKind.ROUTING, OUTPUT_STAGE, null, null, outDevice(route), null, Reason.of(why, where));
        return route;
    }

    String outDevice(Route route) {
        return sim.host.outDevice(route);
    }

    /** The peer on this device's link that owns {@code address}, as ARP would find it; or null. */
    Endpoint neighbour(NetDevice dev, Ipv4Address address) {
        for (Endpoint endpoint : sim.host.endpointsOnLink(dev)) {
            if (endpoint.address().equals(address)) {
                return endpoint;
            }
        }
        return null;
    }

    /**
     * {@code fib_validate_source} with {@code IN_DEV_RPFILTER} = max(conf.all, conf.dev): null when the
     * source passes, else why the kernel drops the packet as a martian source. Strict mode (1) wants
     * the route back to leave through the input device; loose mode (2) only wants a route back; with
     * neither mode nothing is checked here (a local source is refused before, as a martian).
     */
    private Reason reversePath(Skb skb, NetDevice dev, String lookupIif) {
        int mode = sim.host.sysctls().rpFilter(dev.name());
        if (mode == 0) {
            return null;
        }
        Ipv4Address src = skb.packet.src();
        Reason setting = Reason.of(mode == 1 ? ReasonCode.RP_STRICT : ReasonCode.RP_LOOSE, dev.name());
        // __fib_validate_source: the flow reversed, its iif the forward route's device (lo to deliver), mark 0
        Route back = sim.host.fib().route(new FibFlow(src, skb.packet.dst(), lookupIif, 0)).route();
        if (back == null) {
            return Reason.of(ReasonCode.RP_NO_ROUTE_BACK, setting, src);
        }
        if (back.type() != RouteType.UNICAST) {
            return Reason.of(ReasonCode.RP_ROUTE_BACK_TYPE, setting, src, back.text(), back.type().label());
        }
        String backDevice = outDevice(back);
        if (dev.name().equals(backDevice)) {
            return null;
        }
        if (dev.addresses().isEmpty()) {
            return Reason.of(ReasonCode.RP_NO_ADDRESS, setting, src, backDevice, dev.name());
        }
        return mode == 1 ? Reason.of(ReasonCode.RP_OTHER_DEVICE, setting, src, backDevice, dev.name()) : null;
    }

    /** Where a route leads: through a gateway or straight onto a link, and the route itself. */
    private Reason path(Route route) {
        return route.gateway() != null ? Reason.of(ReasonCode.PATH_VIA, route.gateway(), outDevice(route), route.text())
                : Reason.of(ReasonCode.PATH_DIRECT, outDevice(route), route.text());
    }

    /**
     * A rule ({@code blackhole}, {@code prohibit}, {@code unreachable}) refused the input route: a blackhole drops
     * silently, the others as {@code ip_error} does.
     */
    private Route refused(Skb skb, NetDevice dev, IpRule rule) {
        Reason why = Reason.of(ReasonCode.RULE_REFUSES_INPUT, rule.text(), skb.packet.dst());
        return switch (rule.action()) {
            case PROHIBIT -> routeError(skb, dev, why, 13);
            case UNREACHABLE -> routeError(skb, dev, why, 0);
            default -> drop(skb, dev, why);
        };
    }

    /**
     * {@code ip_error}: a packet with no input route (ENETUNREACH) or refused by a rule (EACCES) is dropped, and,
     * when the host forwards, answered with ICMP destination unreachable of this code (net, or administratively
     * prohibited).
     */
    private Route routeError(Skb skb, NetDevice dev, Reason why, int code) {
        if (sim.host.sysctls().ipForward()) {
            Packet answer = new Rejects(sim).unreachable(skb.packet, 3, code);
            if (answer != null) {
                CtInfo related = skb.ct == null ? null
                        : skb.ctInfo != null && skb.ctInfo.isReply() ? CtInfo.RELATED : CtInfo.RELATED_REPLY;
                sim.answer(Reason.of(ReasonCode.LABEL_ROUTE_ERROR, answer.summary()), skb.flow, answer, skb.ct,
                        related, null);
                why = Reason.of(ReasonCode.ROUTE_ERROR_ANSWERS, why, answer.summary());
            }
        }
        return drop(skb, dev, why);
    }

    private void step(Skb skb, String in, String out, Reason why) {
        sim.trace.step(skb, StepKind.ROUTING, INPUT_STAGE, null, in, out, null, why);
    }

    private Route drop(Skb skb, NetDevice dev, Reason why) {
        sim.trace.step(skb, StepKind.DROPPED, INPUT_STAGE, null, dev.name(), null, null, why);
        receivers.end(skb, Disposition.DROPPED, "routing", why);
        return null;
    }

    private static boolean isLoopbackNet(Ipv4Address address) {
        return (address.bits() >>> 24) == 127;
    }
}
