package io.netfilterflow.trace;

/**
 * One packet of the scenario, or one the host or a peer sent in answer: where it came from, what
 * caused it, and how its path ended. {@code cause} is the flow it answers, or null.
 */
public record FlowResult(int flow, String label, String from, Integer cause, Disposition disposition, String where,
                         String sentence) {
}
