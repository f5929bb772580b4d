package io.netfilterflow.trace;

/**
 * One step of the trace. {@code flow} numbers the packet it belongs to; {@code verdict} is the
 * chain verdict as the conformance format writes it ({@code policy accept}, {@code jump DOCKER},
 * {@code continue} for rules that let the packet go on), null for steps that are not chain decisions.
 */
public record Step(int seq, int flow, StepKind kind, Stage stage, String verdict, PacketView packet, RuleRef rule,
                   String why) {

    /** Whether the conformance format has a line for this step. */
    public boolean isConformanceLine() {
        return (kind == StepKind.RULE || kind == StepKind.POLICY) && !"continue".equals(verdict);
    }
}
