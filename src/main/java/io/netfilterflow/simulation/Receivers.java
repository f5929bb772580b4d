package io.netfilterflow.simulation;

import io.netfilterflow.host.Endpoint;
import io.netfilterflow.host.NetDevice;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.FlowResult;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.StepKind;

/** Where packets end: a socket of the host, or a peer machine; each may send an answer. */
final class Receivers {

    private final SimContext sim;

    Receivers(SimContext sim) {
        this.sim = sim;
    }

    /** {@code ip_local_deliver_finish}: the host's own stack takes the packet. */
    void host(Skb skb, NetDevice dev) {
        Answer answer = Answer.to(skb.packet, sim.host::listens);
        if (skb.route != null && skb.route.type() == io.netfilterflow.routing.RouteType.BROADCAST) {
            answer = broadcast(answer);
        }
        String who = sim.host.hostname() == null ? "the host" : "the host " + sim.host.hostname();
        sim.trace.step(skb, StepKind.DELIVERED, Stage.of("ip", "INPUT"), null, dev.name(), null, null,
                "delivered to " + who + ": " + answer.sentence());
        end(skb, Disposition.DELIVERED, who, "delivered to " + who + " (" + answer.sentence() + ")");
        if (answer.packet() != null && skb.answer) {
            sim.send(new PendingFlow(sim.nextFlow(), "answer from " + who + " (" + answer.packet().summary() + ")",
                    skb.flow, null, answer.packet(), false, answer.socket() ? 0L : null, answer.socket() ? 0L : null,
                    null, null));
        }
    }

    /**
     * A broadcast delivered to the host: a listening UDP socket takes it in; the kernel itself never
     * answers one ({@code icmp_send} and {@code icmp_echo} skip {@code RTCF_BROADCAST} routes, TCP
     * neither resets nor accepts a connection to a broadcast address).
     */
    private static Answer broadcast(Answer answer) {
        if (answer.socket()) {
            return new Answer(null, answer.sentence().replace(" answers", " receives the broadcast"), true);
        }
        return new Answer(null, "a broadcast: the kernel sends no answer (" + (answer.packet() == null
                ? answer.sentence() : "no echo-reply, RST or ICMP error to a broadcast") + ")", false);
    }

    /** A peer machine receives the frame: its own address, or as the router for what lies behind it. */
    void endpoint(Skb skb, Endpoint peer, String dev) {
        var p = skb.packet;
        sim.trace.step(skb, StepKind.TRANSMITTED, Stage.of(null, "xmit"), null, null, dev, null,
                "sent out of " + dev + " to " + peer.name() + " (" + peer.mac() + ")");
        boolean own = p.dst().equals(peer.address());
        boolean beyond = !peer.ip().onLink(p.dst()) && peer.mac().equals(p.ethDst());
        if (!own && !beyond) {
            end(skb, Disposition.DROPPED, peer.name(), peer.name() + " drops it: " + p.dst() + " is not its address");
            return;
        }
        Answer answer = Answer.to(p, peer.listen()::contains);
        String who = own ? peer.name() : peer.name() + " (for " + p.dst() + " beyond it)";
        end(skb, Disposition.DELIVERED, who, "delivered to " + who + " (" + answer.sentence() + ")");
        if (answer.packet() != null && skb.answer) {
            sim.send(new PendingFlow(sim.nextFlow(), "answer from " + peer.name() + " (" + answer.packet().summary()
                    + ")", skb.flow, peer, answer.packet(), false, null, null, null, null));
        }
    }

    /** Records how the packet's path ended, once. */
    void end(Skb skb, Disposition disposition, String where, String sentence) {
        if (!skb.floodCopy && !sim.trace.hasResult(skb.flow)) {
            PendingFlow flow = sim.flow(skb.flow);
            sim.trace.result(new FlowResult(skb.flow, flow.label(), flow.from(), flow.cause(), disposition, where,
                    sentence));
        }
    }
}
