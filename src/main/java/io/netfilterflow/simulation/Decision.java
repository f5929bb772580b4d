package io.netfilterflow.simulation;

import io.netfilterflow.trace.RuleRef;
import io.netfilterflow.trace.Stage;

/**
 * The last chain verdict that ended a hook's look at a packet, as the traversal that gave it records it: the
 * chain's place, the rule (null for the chain's policy), whether that rule was a REJECT, and the devices the
 * chain saw. A packet that a hook then drops was dropped here.
 */
record Decision(Stage stage, RuleRef rule, boolean rejected, String in, String out) {
}
