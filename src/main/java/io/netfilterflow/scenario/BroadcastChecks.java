package io.netfilterflow.scenario;

import io.netfilterflow.host.Endpoint;
import io.netfilterflow.host.Host;
import io.netfilterflow.host.Listen;
import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.problem.Problem;
import io.netfilterflow.routing.Route;
import io.netfilterflow.routing.RouteType;

/**
 * The broadcasts the simulator models: an endpoint on a routed interface sending to its subnet's
 * broadcast or 255.255.255.255 (an Ethernet broadcast the host delivers locally; on a bridge also
 * flooded to the other ports), and a directed broadcast routed to the host. What it does not model
 * is refused by name: a broadcast the host sends, and a listening socket's answer to a broadcast.
 */
final class BroadcastChecks {

    private BroadcastChecks() {
    }

    /** Null when the packet is modelled, else why it is not. */
    static Problem refusal(Host host, String from, IpProtocol proto, Ipv4Address dst, Integer dport, boolean reply) {
        Endpoint sender = from.equals("host") ? null : host.endpoint(from);
        boolean onItsLink = sender != null && sender.broadcasts(dst);
        Route local = host.fib().lookupLocal(dst);
        boolean forTheHost = dst.isLimitedBroadcast() || (local != null && local.type() == RouteType.BROADCAST);
        if (!onItsLink && !forTheHost) {
            return null;
        }
        if (sender == null) {
            return Problem.of("scenario.host-sends-broadcast", dst);
        }
        if (reply && onItsLink && proto.equals(IpProtocol.UDP) && dport != null) {
            for (Endpoint peer : host.endpoints()) {
                if (peer != sender && peer.attach() != null && sameLink(host, peer, sender)
                        && peer.listen().contains(new Listen(IpProtocol.UDP, dport))) {
                    return Problem.of("scenario.endpoint-answers-broadcast", peer.name(), dport);
                }
            }
        }
        if (reply && proto.equals(IpProtocol.UDP) && dport != null && host.listens(new Listen(IpProtocol.UDP, dport))) {
            return Problem.of("scenario.host-answers-broadcast", dport);
        }
        return null;
    }

    private static boolean sameLink(Host host, Endpoint a, Endpoint b) {
        var devA = host.device(a.attach());
        var devB = host.device(b.attach());
        String linkA = devA.isBridgePort() ? devA.master() : devA.name();
        String linkB = devB.isBridgePort() ? devB.master() : devB.name();
        return linkA.equals(linkB);
    }
}
