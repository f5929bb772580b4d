package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.TargetVerdict;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.XtTargetParam;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;

/** {@code -j NOTRACK}: the alias of {@code CT --notrack}; iptables-save keeps the alias's name. */
public record NotrackTarget() implements XtTarget {

    public static final XtExtension<NotrackTarget> EXTENSION =
            new XtExtension<>("NOTRACK", OptionSpec.of(), args -> new NotrackTarget());

    @Override
    public String name() {
        return "NOTRACK";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        // no options
    }

    /** iptables 1.8.9 makes NOTRACK an alias of CT: the target column says CT, the options NOTRACK. */
    @Override
    public String listName() {
        return "CT";
    }

    @Override
    public void list(ListWriter out) {
        out.text("NOTRACK");
    }

    @Override
    public TargetVerdict target(XtTargetParam par) {
        par.untrack();
        return TargetVerdict.goOn(Reason.of(ReasonCode.NOTRACK));
    }
}
