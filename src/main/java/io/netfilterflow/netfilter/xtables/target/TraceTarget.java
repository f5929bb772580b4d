package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtTarget;

/** {@code -j TRACE} in the raw table: marks the packet for tracing ({@code xt_TRACE}). */
public record TraceTarget() implements XtTarget {

    public static final XtExtension<TraceTarget> EXTENSION =
            new XtExtension<>("TRACE", OptionSpec.of(), args -> new TraceTarget());

    @Override
    public String name() {
        return "TRACE";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        // no options
    }
}
