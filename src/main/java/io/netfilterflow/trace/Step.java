package io.netfilterflow.trace;

import java.util.List;

/**
 * One step of the trace. {@code flow} numbers the packet it belongs to; {@code node} is the diagram box
 * it lights; {@code verdict} is the chain verdict as the conformance format writes it ({@code policy accept},
 * {@code jump DOCKER}, {@code continue} for rules that let the packet go on), null for steps that are not chain
 * decisions; {@code reason} says why, and {@code notes} what the rule's matches and targets saw on the way.
 */
public record Step(int seq, int flow, StepKind kind, Stage stage, String node, String verdict, PacketView packet,
                   RuleRef rule, Reason reason, List<Reason> notes) {

    public Step {
        notes = List.copyOf(notes);
    }

    /** Whether the conformance format has a line for this step. */
    public boolean isConformanceLine() {
        return (kind == StepKind.RULE || kind == StepKind.POLICY) && !"continue".equals(verdict);
    }
}
