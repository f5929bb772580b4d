package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.packet.Packet;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;

/** {@code -m icmp --icmp-type T[/C]} ({@code icmp_match} in ip_tables.c). */
public record IcmpMatch(Negatable<IcmpType> type) implements XtMatch {

    public static final XtExtension<IcmpMatch> EXTENSION = new XtExtension<>("icmp",
            OptionSpec.of("--icmp-type", 1),
            args -> {
                OptionUse use = args.find("--icmp-type");
                // iptables accepts -m icmp alone and then matches any type
                return new IcmpMatch(use == null ? Negatable.of(IcmpType.ANY, false)
                        : Negatable.of(args.value(use, IcmpType::parse), use.inverted()));
            });

    @Override
    public String name() {
        return "icmp";
    }

    @Override
    public void save(RuleWriter out) {
        out.option(type.inverted(), "--icmp-type", type.value().toString());
    }

    @Override
    public boolean match(XtActionParam par) {
        Packet p = par.packet();
        return p.isIcmp() && type.test(type.value().matches(p.icmpType(), p.icmpCode()));
    }
}
