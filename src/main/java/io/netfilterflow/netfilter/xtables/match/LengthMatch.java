package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;

/** {@code -m length --length MIN[:MAX]}: the IP packet's total length ({@code xt_length}). */
public record LengthMatch(Negatable<PortRange> length) implements XtMatch {

    public static final XtExtension<LengthMatch> EXTENSION = new XtExtension<>("length",
            OptionSpec.of("--length", 1),
            args -> {
                var use = args.require("--length");
                // lengths share the 16-bit range syntax of ports
                return new LengthMatch(Negatable.of(args.value(use, text -> PortRange.parse(text, ':')),
                        use.inverted()));
            });

    @Override
    public String name() {
        return "length";
    }

    @Override
    public void save(RuleWriter out) {
        out.option(length.inverted(), "--length", length.value().format(':'));
    }

    @Override
    public boolean match(XtActionParam par) {
        return length.test(length.value().contains(par.packet().length()));
    }

    @Override
    public void list(ListWriter out) {
        out.text("length " + (length.inverted() ? "!" : "") + length.value().format(':'));
    }
}
