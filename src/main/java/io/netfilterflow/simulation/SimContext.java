package io.netfilterflow.simulation;

import io.netfilterflow.host.Host;
import io.netfilterflow.netfilter.HookRegistry;
import io.netfilterflow.netfilter.conntrack.Conntrack;
import io.netfilterflow.netfilter.conntrack.ConntrackTable;
import io.netfilterflow.netfilter.conntrack.CtInfo;
import io.netfilterflow.netfilter.xtables.RuleState;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.trace.Reason;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The state one scenario's packets share: the host and its hooks, the conntrack table, the
 * rules' own state (limit, nth, recent), the random draws, the trace and the packets still to send.
 */
final class SimContext {

    final Host host;
    final HookRegistry hooks;
    final ConntrackTable conntrack;
    final TraceRecorder trace;
    final InetSockets sockets = new InetSockets();
    /** The work done so far against the run's budget. */
    final WorkMeter work;
    /** What rules keep across the scenario's packets, by their typed keys. */
    private final Map<RuleState<?>, Object> ruleState = new HashMap<>();
    private final SplittableRandom random;
    private final Deque<PendingFlow> pending = new ArrayDeque<>();
    private final Map<Integer, PendingFlow> sent = new java.util.HashMap<>();
    private int flows;

    SimContext(Host host, HookRegistry hooks, TraceRecorder trace, WorkMeter work, long seed) {
        this.host = host;
        this.hooks = hooks;
        this.conntrack = new ConntrackTable(host.sysctls().tcpLoose());
        this.trace = trace;
        this.work = work;
        this.random = new SplittableRandom(seed);
    }

    <T> T state(RuleState<T> key) {
        return key.cast(ruleState.computeIfAbsent(key, k -> key.initial()));
    }

    double random() {
        return random.nextDouble();
    }

    int nextFlow() {
        return ++flows;
    }

    /**
     * Queues the answer a target sends from inside a hook for flow {@code cause}: the step the traversal
     * records next is that rule's, and {@code directOut} names the device when it bypasses the IP stack.
     */
    void answer(Reason label, int cause, Packet packet, Conntrack ct, CtInfo info, String directOut) {
        send(new PendingFlow(nextFlow(), label, cause, null, packet, false, null, null, ct, info,
                trace.steps().size() + 1, directOut));
    }

    void send(PendingFlow flow) {
        pending.addLast(flow);
        sent.put(flow.flow(), flow);
    }

    PendingFlow flow(int id) {
        return sent.get(id);
    }

    PendingFlow next() {
        return pending.pollFirst();
    }
}
