package io.netfilterflow.simulation;

import io.netfilterflow.host.Endpoint;
import io.netfilterflow.host.NetDevice;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.routing.Route;
import io.netfilterflow.routing.RouteType;
import io.netfilterflow.trace.Disposition;
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
            return drop(skb, dev, "martian source " + src + " on " + dev.name() + ": the kernel drops it before "
                    + "any FORWARD or INPUT chain");
        }
        if (!loopback && isLoopbackNet(dst) && !sim.host.sysctls().routeLocalnet()) {
            return drop(skb, dev, "martian destination " + dst + " on " + dev.name()
                    + " (net.ipv4.conf.all.route_localnet=0)");
        }
        Route route = dst.isLimitedBroadcast() ? limitedBroadcast(dev) : sim.host.fib().lookup(dst);
        if (route == null) {
            return drop(skb, dev, "no route to " + dst + " (the kernel would answer ICMP net unreachable)");
        }
        if (route.isLocalDelivery()) {
            String spoofed = loopback || src.equals(Ipv4Address.ANY) ? null : reversePath(skb, dev);
            if (spoofed != null) {
                return drop(skb, dev, spoofed);
            }
            step(skb, dev.name(), null, "routing decision: " + dst + " is " + (route.type() == RouteType.LOCAL
                    ? "an address of this host" : "a broadcast address") + " → local delivery (INPUT)");
            return route;
        }
        if (route.type() != RouteType.UNICAST) {
            return drop(skb, dev, "routing decision: the route " + route.text() + " is of type "
                    + route.type().label() + ", so the packet is dropped");
        }
        if (!sim.host.sysctls().ipForward()) {
            return drop(skb, dev, "routing decision: " + dst + " is not local and net.ipv4.ip_forward=0, "
                    + "so the host does not forward it");
        }
        String spoofed = reversePath(skb, dev);
        if (spoofed != null) {
            return drop(skb, dev, spoofed);
        }
        step(skb, dev.name(), outDevice(route), "routing decision: forward to " + dst + via(route, dst));
        return route;
    }

    /** {@code ip_route_input_slow} sends 255.255.255.255 to {@code brd_input} without a FIB lookup. */
    private static Route limitedBroadcast(NetDevice dev) {
        return new Route(RouteType.BROADCAST, new io.netfilterflow.net.Ipv4Prefix(new Ipv4Address(-1), -1),
                null, dev.name(), null, 0, "255.255.255.255 (limited broadcast, ipv4_is_lbcast)");
    }

    /** The output route for a packet the host sends, or null after recording why it cannot be sent. */
    Route output(Skb skb, String why) {
        Ipv4Address dst = skb.packet.dst();
        Route route = sim.host.fib().lookup(dst);
        if (route == null || (route.type() != RouteType.UNICAST && route.type() != RouteType.LOCAL)) {
            sim.trace.step(skb, StepKind.DROPPED, OUTPUT_STAGE, null, null, null, null,
                    "no route to " + dst + ": the sender gets ENETUNREACH and nothing leaves");
            receivers.end(skb, Disposition.UNROUTABLE, "routing", "no route to " + dst);
            return null;
        }
        String where = route.type() == RouteType.LOCAL ? dst + " is an address of this host → out through lo"
                : dst + via(route, dst);
        sim.trace.step(skb, StepKind.ROUTING, OUTPUT_STAGE, null, null, outDevice(route), null, why + ": " + where);
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
    private String reversePath(Skb skb, NetDevice dev) {
        int mode = sim.host.sysctls().rpFilter(dev.name());
        if (mode == 0) {
            return null;
        }
        Ipv4Address src = skb.packet.src();
        String setting = "rp_filter=" + mode + (mode == 1 ? " (strict)" : " (loose)") + " on " + dev.name();
        Route back = sim.host.fib().lookup(src);
        if (back == null || back.type() != RouteType.UNICAST) {
            return setting + ": there is no route back to " + src + (back == null ? "" : " (the route " + back.text()
                    + " is of type " + back.type().label() + ")") + ", so the source is a martian and the packet"
                    + " is dropped";
        }
        String backDevice = outDevice(back);
        if (dev.name().equals(backDevice)) {
            return null;
        }
        if (dev.addresses().isEmpty()) {
            return setting + ": the route back to " + src + " leaves through " + backDevice + " and " + dev.name()
                    + " has no IPv4 address, so the packet is dropped";
        }
        return mode == 1 ? setting + ": the route back to " + src + " leaves through " + backDevice + ", not "
                + dev.name() + ", so the packet is dropped" : null;
    }

    private String via(Route route, Ipv4Address dst) {
        return (route.gateway() != null ? " via " + route.gateway() : "") + " out of " + outDevice(route)
                + " (route: " + route.text() + ")";
    }

    private void step(Skb skb, String in, String out, String why) {
        sim.trace.step(skb, StepKind.ROUTING, INPUT_STAGE, null, in, out, null, why);
    }

    private Route drop(Skb skb, NetDevice dev, String why) {
        sim.trace.step(skb, StepKind.DROPPED, INPUT_STAGE, null, dev.name(), null, null, why);
        receivers.end(skb, Disposition.DROPPED, "routing", why);
        return null;
    }

    private static boolean isLoopbackNet(Ipv4Address address) {
        return (address.bits() >>> 24) == 127;
    }
}
