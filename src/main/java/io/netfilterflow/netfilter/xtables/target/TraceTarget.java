package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.TargetVerdict;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.XtTargetParam;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;

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

    /** Shown, not simulated: the packet goes on. */
    @Override
    public TargetVerdict target(XtTargetParam par) {
        return TargetVerdict.goOn(Reason.of(ReasonCode.TRACE));
    }
}
