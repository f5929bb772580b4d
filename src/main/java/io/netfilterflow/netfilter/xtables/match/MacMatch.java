package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.net.MacAddress;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;

/** {@code -m mac --mac-source MAC}: the Ethernet source of an incoming frame ({@code xt_mac}). */
public record MacMatch(Negatable<MacAddress> source) implements XtMatch {

    public static final XtExtension<MacMatch> EXTENSION = new XtExtension<>("mac",
            OptionSpec.of("--mac-source", 1),
            args -> new MacMatch(args.requireNegatable("--mac-source", MacAddress::parse)));

    @Override
    public String name() {
        return "mac";
    }

    @Override
    public void save(RuleWriter out) {
        out.option(source.inverted(), "--mac-source", source.value().toString());
    }

    @Override
    public boolean match(XtActionParam par) {
        return par.sourceMac() != null && source.test(source.value().equals(par.sourceMac()));
    }

    @Override
    public void list(ListWriter out) {
        out.text("MAC" + (source.inverted() ? " ! " : " ") + source.value());
    }
}
