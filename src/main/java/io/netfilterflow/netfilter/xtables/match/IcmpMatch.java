package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
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

    /** libipt_icmp's print: the table's name for the type and code range, else {@code type N code C}. */
    @Override
    public void list(ListWriter out) {
        IcmpType value = type.value();
        String not = type.inverted() ? "!" : "";
        java.util.Optional<String> name = out.numeric() ? java.util.Optional.empty() : value.name();
        if (name.isPresent()) {
            out.text("icmp " + not + name.get());
            return;
        }
        StringBuilder text = new StringBuilder("icmp").append(type.inverted() ? " !" : "").append("type ")
                .append(value.type());
        if (value.codeMin() == value.codeMax()) {
            text.append(" code ").append(value.codeMin());
        } else if (value.codeMin() != 0 || value.codeMax() != 0xff) {
            text.append(" codes ").append(value.codeMin()).append('-').append(value.codeMax());
        }
        out.text(text.toString());
    }
}
