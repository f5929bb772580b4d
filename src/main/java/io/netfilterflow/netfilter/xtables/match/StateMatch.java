package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.problem.Problem;
import java.util.Set;

/** {@code -m state --state LIST} ({@code xt_state}); SNAT/DNAT are not states of this match. */
public record StateMatch(Negatable<Set<CtState>> states) implements XtMatch {

    public static final XtExtension<StateMatch> EXTENSION = new XtExtension<>("state",
            OptionSpec.of("--state", 1),
            args -> {
                var use = args.require("--state");
                Set<CtState> states = args.value(use, text -> Flags.parse(CtState.class, text,
                        item -> Problem.of("rules.unknown-state", item)));
                if (states.contains(CtState.SNAT) || states.contains(CtState.DNAT)) {
                    throw args.refuse("rules.state-snat-dnat");
                }
                return new StateMatch(Negatable.of(states, use.inverted()));
            });

    @Override
    public String name() {
        return "state";
    }

    @Override
    public void save(RuleWriter out) {
        out.option(states.inverted(), "--state", Flags.format(states.value(), CtState.class));
    }

    @Override
    public boolean match(XtActionParam par) {
        return states.test(states.value().contains(CtState.of(par.ctInfo())));
    }

    @Override
    public void list(ListWriter out) {
        out.text("state " + (states.inverted() ? "!" : "") + Flags.format(states.value(), CtState.class));
    }
}
