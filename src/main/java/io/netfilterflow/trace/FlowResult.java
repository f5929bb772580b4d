package io.netfilterflow.trace;

/**
 * One packet of the scenario, or one the host or a peer sent in answer: where it came from, what
 * caused it, and how its path ended. {@code cause} is the flow it answers, or null; {@code causeStep}
 * the step of the rule whose target sent it from inside a hook (a REJECT's answer), or null; {@code rule}
 * the rule that dropped or rejected it, as the traversal that decided recorded it (null for a policy, or
 * when no rule decided); {@code chain} the chain whose verdict ended it, typed (null when no chain did);
 * {@code reason} why it ended there.
 */
public record FlowResult(int flow, Reason label, String from, Integer cause, Integer causeStep,
                         Disposition disposition, String where, Stage chain, RuleRef rule, Reason reason) {
}
