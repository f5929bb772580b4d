package io.netfilterflow.web;

import io.netfilterflow.trace.ChainRules;
import io.netfilterflow.trace.RuleCounter;
import io.netfilterflow.trace.Trace;
import io.netfilterflow.trace.TraceJson;
import io.netfilterflow.trace.TraceMessages;
import java.util.List;

/** The {@code done} event: how each packet ended, the counters and the chains' rules, all of the trace but its steps. */
record StreamSummary(String title, String backend, String language, int steps, List<TraceJson.Flow> flows,
                     List<RuleCounter> counters, List<ChainRules> chains) {

    static StreamSummary of(Trace trace, TraceMessages words, List<ChainRules> chains) {
        return new StreamSummary(trace.title(), trace.backend(), words.language(), trace.steps().size(),
                TraceJson.flows(trace, words), trace.counters(), chains);
    }
}
