package io.netfilterflow.web;

import io.netfilterflow.trace.FlowResult;
import io.netfilterflow.trace.RuleCounter;
import io.netfilterflow.trace.Trace;
import java.util.List;

/** The {@code done} event: how each packet ended and the counters, all of the trace but its steps. */
record StreamSummary(String title, String backend, int steps, List<FlowResult> flows, List<RuleCounter> counters) {

    static StreamSummary of(Trace trace) {
        return new StreamSummary(trace.title(), trace.backend(), trace.steps().size(), trace.flows(),
                trace.counters());
    }
}
