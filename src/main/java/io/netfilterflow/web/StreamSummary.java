package io.netfilterflow.web;

import io.netfilterflow.trace.RuleCounter;
import io.netfilterflow.trace.Trace;
import io.netfilterflow.trace.TraceJson;
import io.netfilterflow.trace.TraceMessages;
import java.util.List;

/** The {@code done} event: how each packet ended and the counters, all of the trace but its steps. */
record StreamSummary(String title, String backend, String language, int steps, List<TraceJson.Flow> flows,
                     List<RuleCounter> counters) {

    static StreamSummary of(Trace trace, TraceMessages words) {
        return new StreamSummary(trace.title(), trace.backend(), words.language(), trace.steps().size(),
                TraceJson.flows(trace, words), trace.counters());
    }
}
