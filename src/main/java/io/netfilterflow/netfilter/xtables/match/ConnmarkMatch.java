package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.netfilter.xtables.MarkMask;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;

/** {@code -m connmark --mark V[/M]}: the connection's mark ({@code xt_connmark}). */
public record ConnmarkMatch(Negatable<MarkMask> mark) implements XtMatch {

    public static final XtExtension<ConnmarkMatch> EXTENSION = new XtExtension<>("connmark",
            OptionSpec.of("--mark", 1),
            args -> new ConnmarkMatch(args.requireNegatable("--mark", MarkMask::parse)));

    @Override
    public String name() {
        return "connmark";
    }

    @Override
    public void save(RuleWriter out) {
        out.option(mark.inverted(), "--mark", mark.value().toString());
    }

    @Override
    public boolean match(XtActionParam par) {
        return par.ct() != null && mark.test(mark.value().matches(par.ct().mark()));
    }

    /** {@code connmark match  0x1}: libxt_connmark leaves a blank where the {@code !} would go. */
    @Override
    public void list(ListWriter out) {
        out.text("connmark match " + (mark.inverted() ? "!" : "") + " " + mark.value());
    }
}
