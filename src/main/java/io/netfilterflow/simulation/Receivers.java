package io.netfilterflow.simulation;

import io.netfilterflow.host.Endpoint;
import io.netfilterflow.host.Listen;
import io.netfilterflow.host.NetDevice;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.routing.RouteType;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.FlowResult;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.RuleRef;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.StepKind;
import java.util.function.Predicate;

/** Where packets end: a socket of the host, or a peer machine; each may send an answer. */
final class Receivers {

    /** The host's name among the machines whose sockets {@link InetSockets} keeps. */
    static final String HOST = "host";

    private final SimContext sim;

    Receivers(SimContext sim) {
        this.sim = sim;
    }

    /** {@code ip_local_deliver_finish}: the host's own stack takes the packet. */
    void host(Skb skb, NetDevice dev) {
        boolean broadcast = skb.route != null && skb.route.type() == RouteType.BROADCAST;
        Answer answer = answer(HOST, skb.packet, sim.host::listens, broadcast);
        Packet reply = answer.packet();
        if (reply != null && reply.isUdp() && answer.socket()) {
            // a listener bound to the wildcard answers with sendto: the source is the route's to the client
            // (ip_route_output with no saddr), not the address the query was sent to (127.0.0.1 after a redirect)
            var source = sim.host.sourceFor(reply.dst());
            if (source != null) {
                answer = new Answer(reply.withSource(source, reply.sport()), answer.reason(), true, answer.accepted());
            }
        }
        Reason who = sim.host.hostname() == null ? Reason.of(ReasonCode.WHO_HOST)
                : Reason.of(ReasonCode.WHO_HOST_NAMED, sim.host.hostname());
        Reason delivered = Reason.of(ReasonCode.DELIVERED, who, answer.reason());
        sim.trace.step(skb, StepKind.DELIVERED, Stage.of("ip", "INPUT"), null, dev.name(), null, null, delivered);
        end(skb, Disposition.DELIVERED, sim.host.hostname() == null ? HOST : sim.host.hostname(), delivered);
        if (answer.packet() != null && skb.answer) {
            sim.send(PendingFlow.sent(sim.nextFlow(), Reason.of(ReasonCode.LABEL_ANSWER, who, answer.packet().summary()),
                    skb.flow, null, answer.packet(), false, answer.socket() ? 0L : null, answer.socket() ? 0L : null));
        }
    }

    /**
     * A broadcast delivered to the host: a listening UDP socket takes it in; the kernel itself never
     * answers one ({@code icmp_send} and {@code icmp_echo} skip {@code RTCF_BROADCAST} routes, TCP
     * neither resets nor accepts a connection to a broadcast address).
     */
    private static Answer broadcast(Answer answer) {
        if (answer.socket()) {
            Reason taken = answer.reason().code() != ReasonCode.ANSWER_UDP_LISTENER ? answer.reason()
                    : Reason.of(ReasonCode.ANSWER_UDP_BROADCAST, answer.reason().arg("port"));
            return new Answer(null, taken, true, false);
        }
        return new Answer(null, Reason.of(ReasonCode.BROADCAST_NO_ANSWER, answer.packet() == null
                ? answer.reason() : Reason.of(ReasonCode.BROADCAST_NEVER_ANSWERED)), false, false);
    }

    /** A peer machine receives the frame: its own address, or as the router for what lies behind it. */
    void endpoint(Skb skb, Endpoint peer, String dev) {
        var p = skb.packet;
        sim.trace.step(skb, StepKind.TRANSMITTED, Stage.of(null, "xmit"), null, null, dev, null,
                Reason.of(ReasonCode.SENT_TO_PEER, dev, peer.name(), peer.mac()));
        boolean own = p.dst().equals(peer.address());
        boolean beyond = !peer.ip().onLink(p.dst()) && peer.mac().equals(p.ethDst());
        if (!own && !beyond) {
            end(skb, Disposition.DROPPED, peer.name(), Reason.of(ReasonCode.NOT_ITS_ADDRESS, peer.name(), p.dst()));
            return;
        }
        Answer answer = answer(peer.name(), p, peer.listen()::contains, false);
        Reason who = own ? Reason.of(ReasonCode.WHO_PEER, peer.name())
                : Reason.of(ReasonCode.WHO_BEYOND, peer.name(), p.dst());
        end(skb, Disposition.DELIVERED, peer.name(),
                Reason.of(ReasonCode.DELIVERED, who, answer.reason()));
        if (answer.packet() != null && skb.answer) {
            sim.send(PendingFlow.sent(sim.nextFlow(), Reason.of(ReasonCode.LABEL_ANSWER,
                    Reason.of(ReasonCode.WHO_PEER, peer.name()), answer.packet().summary()), skb.flow, peer,
                    answer.packet(), false, null, null));
        }
    }

    /** The machine's answer, and the request socket a listener makes when it accepts a SYN. */
    private Answer answer(String machine, Packet p, Predicate<Listen> listens, boolean broadcast) {
        Answer answer = Answer.to(p, listens, sim.sockets.lookup(machine, p));
        if (broadcast) {
            return broadcast(answer);
        }
        if (answer.accepted()) {
            sim.sockets.accept(machine, p);
        }
        return answer;
    }

    /** A frame put on a device ({@code dev_queue_xmit}): the machine cabled to it receives it. */
    void direct(Skb skb, String dev) {
        for (Endpoint peer : sim.host.endpoints()) {
            if (peer.attach().equals(dev)) {
                endpoint(skb, peer, dev);
                return;
            }
        }
        Reason nothing = Reason.of(ReasonCode.NOTHING_CABLED, dev);
        sim.trace.step(skb, StepKind.DROPPED, Stage.of(null, "xmit"), null, null, dev, null, nothing);
        end(skb, Disposition.DROPPED, dev, nothing);
    }

    /** Records how the packet's path ended, once. */
    void end(Skb skb, Disposition disposition, String where, Reason why) {
        end(skb, disposition, where, null, null, why);
    }

    /** Records how the packet's path ended, once, with the rule that decided it (null: none, or a policy). */
    void end(Skb skb, Disposition disposition, String where, Stage chain, RuleRef rule, Reason why) {
        if (!skb.floodCopy && !sim.trace.hasResult(skb.flow)) {
            PendingFlow flow = sim.flow(skb.flow);
            sim.trace.result(new FlowResult(skb.flow, flow.label(), flow.from(), flow.cause(), flow.causeStep(),
                    disposition, where, chain, rule, why));
        }
    }
}
