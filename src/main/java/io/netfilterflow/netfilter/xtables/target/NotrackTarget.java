package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtTarget;

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
}
