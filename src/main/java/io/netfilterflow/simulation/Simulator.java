package io.netfilterflow.simulation;

import io.netfilterflow.host.Endpoint;
import io.netfilterflow.host.Host;
import io.netfilterflow.host.NetDevice;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.packet.IcmpTypes;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import io.netfilterflow.scenario.PacketSpec;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.FlowResult;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.StepKind;
import io.netfilterflow.trace.Trace;
import java.util.function.Consumer;

/**
 * Runs a scenario's packets through the host, in order, sharing one conntrack table, and returns
 * the trace. Every answer a packet causes (the receiver's reply, a REJECT's RST) runs right after it.
 * Pure and deterministic: the same scenario gives the same trace.
 */
public final class Simulator {

    private static final int FIRST_EPHEMERAL_PORT = 40000;
    private static final int ECHO_LENGTH = 84;

    private Simulator() {
    }

    public static Trace run(Scenario scenario) {
        return run(scenario, SimulationBudget.DEFAULT, step -> { });
    }

    /** Runs the scenario, handing each step to {@code listener} as it is produced. */
    public static Trace run(Scenario scenario, Consumer<Step> listener) {
        return run(scenario, SimulationBudget.DEFAULT, listener);
    }

    /**
     * Runs the scenario within {@code budget}, handing each step to {@code listener} as it is produced.
     *
     * @throws BudgetExceeded the moment the run needs more than the budget; the listener has had the steps before
     */
    public static Trace run(Scenario scenario, SimulationBudget budget, Consumer<Step> listener) {
        return run(scenario, budget, listener, sent -> { });
    }

    /**
     * Runs the scenario, handing each step to {@code listener} and each packet a sender puts on the
     * wire to {@code wire}, in the order they are sent (what a replay on a real kernel must send).
     */
    public static Trace run(Scenario scenario, Consumer<Step> listener, Consumer<Transmission> wire) {
        return run(scenario, SimulationBudget.DEFAULT, listener, wire);
    }

    public static Trace run(Scenario scenario, SimulationBudget budget, Consumer<Step> listener,
                            Consumer<Transmission> wire) {
        return run(scenario, new WorkMeter(budget), listener, wire);
    }

    /** The run, with its work counted on {@code work} (which tests read afterwards). */
    static Trace run(Scenario scenario, WorkMeter work, Consumer<Step> listener, Consumer<Transmission> wire) {
        Host host = scenario.host();
        TraceRecorder trace = new TraceRecorder(listener, work);
        SimContext sim = new SimContext(host, host.hooks(), trace, work, scenario.seed());
        NfHooks nfHooks = new NfHooks(sim);
        Receivers receivers = new Receivers(sim);
        IpStack ip = new IpStack(sim, nfHooks, receivers);
        BridgeStack bridge = new BridgeStack(sim, nfHooks, ip, receivers);
        ip.attach(bridge);
        for (int index = 0; index < scenario.packets().size(); index++) {
            PacketSpec spec = scenario.packets().get(index);
            work.packet(index + 1);
            int flow = sim.nextFlow();
            Endpoint from = spec.from().equals("host") ? null : host.endpoint(spec.from());
            Packet packet = packet(spec, from, host, flow);
            boolean process = from == null;
            sim.sockets.connect(process ? Receivers.HOST : from.name(), packet);
            sim.send(PendingFlow.sent(flow, Reason.of(ReasonCode.LABEL_PACKET, flow, packet.summary()), null, from, packet,
                    spec.reply(), process ? spec.uid() : null, process ? spec.gid() : null));
            for (PendingFlow pending = sim.next(); pending != null; pending = sim.next()) {
                send(sim, pending, ip, bridge, receivers, wire);
            }
        }
        return new Trace(scenario.title(), host.backend().label(), trace.steps(), trace.flows(), trace.counters());
    }

    private static void send(SimContext sim, PendingFlow pending, IpStack ip, BridgeStack bridge, Receivers receivers,
                             Consumer<Transmission> wire) {
        Skb skb = new Skb(pending.packet(), pending.flow());
        skb.answer = pending.answer();
        skb.uid = pending.uid();
        skb.gid = pending.gid();
        if (pending.attachedCt() != null) {
            skb.ct = pending.attachedCt();
            skb.ctInfo = pending.attachedInfo();
            skb.ctDone = true;
        }
        Endpoint from = pending.endpoint();
        if (pending.directOut() != null) {
            sim.trace.step(skb, StepKind.RECEIVED, Stage.of("ip", "local process"), null, null, pending.directOut(),
                    null, Reason.of(ReasonCode.HOST_SENDS_DIRECT, pending.label(), pending.directOut()));
            wire.accept(new Transmission(pending.flow(), null, pending.cause(), skb.packet, null, null));
            receivers.direct(skb, pending.directOut());
        } else if (from == null) {
            sim.trace.step(skb, StepKind.RECEIVED, Stage.of("ip", "local process"), null, null, null, null,
                    Reason.of(pending.cause() == null ? ReasonCode.PROCESS_SENDS : ReasonCode.HOST_SENDS, pending.label()));
            wire.accept(new Transmission(pending.flow(), null, pending.cause(), skb.packet, pending.uid(),
                    pending.gid()));
            ip.localOut(skb);
        } else {
            NetDevice dev = sim.host.device(from.attach());
            Ipv4Address nextHop = from.nextHop(skb.packet.dst());
            boolean broadcast = from.broadcasts(skb.packet.dst());
            var mac = broadcast ? io.netfilterflow.net.MacAddress.BROADCAST
                    : nextHop == null ? null : resolve(sim.host, from, dev, nextHop);
            if (mac == null) {
                sim.trace.step(skb, StepKind.DROPPED, Stage.of(null, from.name()), null, null, null, null,
                        nextHop == null ? Reason.of(ReasonCode.PEER_NO_GATEWAY, from.name(), skb.packet.dst())
                                : Reason.of(ReasonCode.PEER_NO_ARP, from.name(), nextHop));
                receivers.end(skb, Disposition.UNROUTABLE, from.name(),
                        Reason.of(ReasonCode.PEER_UNREACHABLE, from.name(), skb.packet.dst()));
                return;
            }
            skb.packet = skb.packet.withEthernet(from.mac(), mac);
            wire.accept(new Transmission(pending.flow(), from.name(), pending.cause(), skb.packet, null, null));
            sim.trace.step(skb, StepKind.RECEIVED, Stage.of(null, "rx"), null, dev.name(), null, null,
                    Reason.of(ReasonCode.PEER_SENDS, from.name(), pending.label(), dev.name()));
            if (dev.isBridgePort()) {
                bridge.receive(skb, dev, sim.host.device(dev.master()));
            } else {
                skb.pktType = broadcast ? io.netfilterflow.netfilter.core.PktType.BROADCAST
                        : mac.equals(dev.mac()) ? io.netfilterflow.netfilter.core.PktType.HOST
                        : io.netfilterflow.netfilter.core.PktType.OTHERHOST;
                ip.receive(skb, dev);
            }
        }
        if (!sim.trace.hasResult(skb.flow)) {
            sim.trace.result(new FlowResult(skb.flow, pending.label(), pending.from(), pending.cause(),
                    pending.causeStep(), Disposition.DROPPED, "unknown", null, null, Reason.of(ReasonCode.NO_VERDICT)));
        }
    }

    /** The MAC a peer's ARP finds for {@code nextHop}: the host's interface on that link, or another peer. */
    private static io.netfilterflow.net.MacAddress resolve(Host host, Endpoint from, NetDevice dev, Ipv4Address nextHop) {
        NetDevice link = dev.isBridgePort() ? host.device(dev.master()) : dev;
        if (link.hasAddress(nextHop)) {
            return link.mac();
        }
        for (Endpoint peer : host.endpointsOnLink(link)) {
            if (peer != from && peer.address().equals(nextHop)) {
                return peer.mac();
            }
        }
        return null;
    }

    /** The packet as the sender builds it: its own address and an ephemeral port when the scenario omits them. */
    private static Packet packet(PacketSpec spec, Endpoint from, Host host, int flow) {
        Ipv4Address src = spec.src();
        if (src == null) {
            src = from != null ? from.address() : host.sourceFor(spec.dst());
            if (src == null) {
                src = Ipv4Address.ANY;
            }
        }
        int sport = spec.sport() != null ? spec.sport() : FIRST_EPHEMERAL_PORT + flow;
        if (spec.proto().equals(io.netfilterflow.net.IpProtocol.TCP)) {
            int length = spec.length() != null ? spec.length() : (spec.tcpFlags() & TcpFlag.SYN) != 0 ? 60 : 52;
            return Packet.tcp(src, sport, spec.dst(), spec.dport(), spec.tcpFlags(), length);
        }
        if (spec.proto().equals(io.netfilterflow.net.IpProtocol.UDP)) {
            return Packet.udp(src, sport, spec.dst(), spec.dport(), spec.length() != null ? spec.length() : 60);
        }
        int length = spec.length() != null ? spec.length() : ECHO_LENGTH;
        int id = IcmpTypes.isQuery(spec.icmpType()) || IcmpTypes.replyTo(spec.icmpType()) >= 0 ? flow : -1;
        return Packet.icmp(src, spec.dst(), spec.icmpType(), spec.icmpCode(), id, null, length);
    }
}
