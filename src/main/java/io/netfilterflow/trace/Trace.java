package io.netfilterflow.trace;

import java.util.List;

/** A scenario's simulation: every step in order, each packet's outcome, and the rule counters. */
public record Trace(String title, String backend, List<Step> steps, List<FlowResult> flows,
                    List<RuleCounter> counters) {

    public Trace {
        steps = List.copyOf(steps);
        flows = List.copyOf(flows);
        counters = List.copyOf(counters);
    }
}
