package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.core.PktType;
import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;

/** {@code -m pkttype --pkt-type unicast|broadcast|multicast} ({@code xt_pkttype}). */
public record PkttypeMatch(Negatable<PktType> type) implements XtMatch {

    public static final XtExtension<PkttypeMatch> EXTENSION = new XtExtension<>("pkttype",
            OptionSpec.of("--pkt-type", 1),
            args -> new PkttypeMatch(args.requireNegatable("--pkt-type", PktType::parse)));

    @Override
    public String name() {
        return "pkttype";
    }

    @Override
    public void save(RuleWriter out) {
        out.option(type.inverted(), "--pkt-type", type.value().iptablesName());
    }

    @Override
    public boolean match(XtActionParam par) {
        return type.test(type.value() == par.pktType());
    }

    @Override
    public void list(ListWriter out) {
        out.text("PKTTYPE " + (type.inverted() ? "!= " : "= ") + type.value().iptablesName());
    }
}
