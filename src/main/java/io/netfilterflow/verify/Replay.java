package io.netfilterflow.verify;

import io.netfilterflow.packet.Packet;
import io.netfilterflow.packet.TcpFlag;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.simulation.Transmission;
import io.netfilterflow.trace.FlowResult;
import io.netfilterflow.trace.PacketView;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.StepKind;
import io.netfilterflow.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends, on the built host, exactly what the simulation sent, in its order: each scenario packet
 * from its endpoint's cable or from a raw socket on the host, and each endpoint's answer as
 * simulated. The host's own answers (echo-reply, RST, a REJECT's answer) come from its kernel.
 * A packet that asks for no answer and reaches a host socket has that socket's answer dropped
 * before it reaches any chain.
 */
final class Replay {

    private final Lab lab;
    private final KernelRecorder recorder;
    private final Trace trace;
    private final Set<Integer> quiet;

    private Replay(Lab lab, KernelRecorder recorder, Trace trace, Set<Integer> quiet) {
        this.lab = lab;
        this.recorder = recorder;
        this.trace = trace;
        this.quiet = quiet;
    }

    static void run(Lab lab, KernelRecorder recorder, Scenario scenario, Trace trace, List<Transmission> sent) {
        new Replay(lab, recorder, trace, unanswered(scenario, trace)).send(sent);
    }

    private void send(List<Transmission> sent) {
        TcpSequences sequences = new TcpSequences();
        List<Packet> rawFromHost = new ArrayList<>();
        for (Transmission t : sent) {
            long[] numbers = sequences.next(t);
            if (t.fromHost() && t.cause() != null) {
                continue;
            }
            if (t.fromHost()) {
                rawFromHost.add(t.packet());
            }
            quiet(t, rawFromHost);
            if (t.fromHost()) {
                sendFromHost(t, numbers);
            } else {
                Shell.check(List.of("ip", "netns", "exec", lab.endpointNamespace(t.from()), "socat", "-u", "STDIN",
                        "INTERFACE:eth0"), Frames.ethernet(t.packet(), numbers[0], numbers[1]));
            }
            recorder.settle(t.packet().isUdp() && reachedHostSocket(t.flow()));
        }
    }

    /** A raw socket on the host, as the scenario's uid and gid when it gives them. */
    private void sendFromHost(Transmission t, long[] numbers) {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", lab.hostNamespace()));
        if (t.uid() != null || t.gid() != null) {
            argv.addAll(List.of("setpriv", "--reuid=" + (t.uid() == null ? 0 : t.uid()),
                    "--regid=" + (t.gid() == null ? 0 : t.gid()), "--clear-groups",
                    "--inh-caps=+net_raw", "--ambient-caps=+net_raw"));
        }
        argv.addAll(List.of("socat", "-u", "STDIN", "IP4-SENDTO:" + t.packet().dst() + ":255"));
        Shell.Result result = Shell.run(argv, Frames.ip(t.packet(), numbers[0], numbers[1]));
        // a packet dropped on its way out fails the send with EPERM: the trace has the drop
        if (result.exit() != 0 && !result.err().contains("Operation not permitted")) {
            throw new LabException(String.join(" ", argv) + " failed (exit " + result.exit() + "): "
                    + result.err().strip());
        }
    }

    /**
     * What the host must not send while {@code t} is out, dropped before any chain sees it: the answer
     * of a socket to a packet that wants none, and what the host's stack says to answers for packets
     * its raw socket sent (a RST to a SYN-ACK, port unreachable to a UDP reply), which no simulated
     * sender would say.
     */
    private void quiet(Transmission t, List<Packet> rawFromHost) {
        StringBuilder script = new StringBuilder("flush chain ip " + LabPlan.TRACE_TABLE + " quiet\n");
        String rule = "add rule ip " + LabPlan.TRACE_TABLE + " quiet ";
        if (quiet.contains(t.flow())) {
            PacketView in = delivered(t.flow());
            script.append(rule).append("ip saddr ").append(in.dst()).append(" ip daddr ").append(in.src())
                    .append(in.sport() != null ? " meta l4proto " + in.proto() + " th sport " + in.dport()
                            + " th dport " + in.sport() : " meta l4proto icmp").append(" drop\n");
        }
        for (Packet sent : rawFromHost) {
            if (sent.isTcp() && !(t.fromHost() && t.packet().isTcp() && t.packet().hasTcpFlags(TcpFlag.RST))) {
                script.append(rule).append("ip saddr ").append(sent.src()).append(" ip daddr ").append(sent.dst())
                        .append(" tcp sport ").append(sent.sport()).append(" tcp dport ").append(sent.dport())
                        .append(" tcp flags & rst == rst drop\n");
            } else if (sent.isUdp()) {
                script.append(rule).append("ip daddr ").append(sent.dst())
                        .append(" icmp type destination-unreachable @th,224,16 ").append(sent.dport())
                        .append(" @th,240,16 ").append(sent.sport()).append(" drop\n");
            }
        }
        Shell.check(List.of("ip", "netns", "exec", lab.hostNamespace(), "nft", "-f", "-"),
                script.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private boolean reachedHostSocket(int flow) {
        return trace.steps().stream().anyMatch(step -> step.flow() == flow && step.kind() == StepKind.DELIVERED);
    }

    /** The packet as the host's socket received it (after any DNAT). */
    private PacketView delivered(int flow) {
        return trace.steps().stream().filter(step -> step.flow() == flow && step.kind() == StepKind.DELIVERED)
                .findFirst().map(Step::packet)
                .orElseThrow(() -> new IllegalStateException("flow " + flow + " was not delivered"));
    }

    /** Scenario packets with {@code reply: false} that the simulation delivered to a host socket. */
    private static Set<Integer> unanswered(Scenario scenario, Trace trace) {
        Set<Integer> delivered = new HashSet<>();
        trace.steps().forEach(step -> {
            if (step.kind() == StepKind.DELIVERED) {
                delivered.add(step.flow());
            }
        });
        Map<Integer, Boolean> reply = new HashMap<>();
        int index = 0;
        for (FlowResult flow : trace.flows().stream().filter(f -> f.cause() == null)
                .sorted(java.util.Comparator.comparingInt(FlowResult::flow)).toList()) {
            reply.put(flow.flow(), scenario.packets().get(index++).reply());
        }
        Set<Integer> quiet = new HashSet<>();
        reply.forEach((flow, wanted) -> {
            if (!wanted && delivered.contains(flow)) {
                quiet.add(flow);
            }
        });
        return quiet;
    }
}
