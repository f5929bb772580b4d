package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.netfilter.xtables.MarkMask;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;

/** {@code -m mark --mark V[/M]}: the packet's {@code skb->mark} ({@code xt_mark}). */
public record MarkMatch(Negatable<MarkMask> mark) implements XtMatch {

    public static final XtExtension<MarkMatch> EXTENSION = new XtExtension<>("mark",
            OptionSpec.of("--mark", 1),
            args -> new MarkMatch(args.requireNegatable("--mark", MarkMask::parse)));

    @Override
    public String name() {
        return "mark";
    }

    @Override
    public void save(RuleWriter out) {
        out.option(mark.inverted(), "--mark", mark.value().toString());
    }

    @Override
    public boolean match(XtActionParam par) {
        return mark.test(mark.value().matches(par.mark()));
    }

    @Override
    public void list(ListWriter out) {
        out.text("mark match" + (mark.inverted() ? " !" : "") + " " + MarkMatch.listed(mark.value()));
    }

    /** libxt_mark's print_mark: the mask only when it is not all ones. */
    static String listed(MarkMask mark) {
        return mark.mask() == 0xffffffffL ? "0x" + Long.toHexString(mark.value())
                : "0x" + Long.toHexString(mark.value()) + "/0x" + Long.toHexString(mark.mask());
    }
}
