package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.problem.InvalidValue;

/** {@code -m iprange --src-range A-B --dst-range A-B} ({@code xt_iprange}, revision 1). */
public record IprangeMatch(Negatable<Range> src, Negatable<Range> dst) implements XtMatch {

    /** An inclusive address range. */
    public record Range(Ipv4Address first, Ipv4Address last) {
        static Range parse(String text) {
            int dash = text.indexOf('-');
            Ipv4Address first = Ipv4Address.parse(dash < 0 ? text : text.substring(0, dash));
            Ipv4Address last = dash < 0 ? first : Ipv4Address.parse(text.substring(dash + 1));
            if (first.compareTo(last) > 0) {
                throw new InvalidValue("rules.range-backwards", text);
            }
            return new Range(first, last);
        }

        public boolean contains(Ipv4Address address) {
            return address.compareTo(first) >= 0 && address.compareTo(last) <= 0;
        }

        @Override
        public String toString() {
            return first + "-" + last;
        }
    }

    public static final XtExtension<IprangeMatch> EXTENSION = new XtExtension<>("iprange",
            OptionSpec.of("--src-range", 1, "--dst-range", 1),
            args -> {
                if (args.uses().isEmpty()) {
                    throw args.refuse("rules.iprange-needs-option");
                }
                return new IprangeMatch(args.negatable("--src-range", Range::parse), args.negatable("--dst-range", Range::parse));
            });


    @Override
    public String name() {
        return "iprange";
    }

    @Override
    public void save(RuleWriter out) {
        if (src != null) {
            out.option(src.inverted(), "--src-range", src.value().toString());
        }
        if (dst != null) {
            out.option(dst.inverted(), "--dst-range", dst.value().toString());
        }
    }

    @Override
    public boolean match(XtActionParam par) {
        Packet p = par.packet();
        return (src == null || src.test(src.value().contains(p.src())))
                && (dst == null || dst.test(dst.value().contains(p.dst())));
    }

    @Override
    public void list(ListWriter out) {
        if (src != null) {
            out.text("source IP range" + (src.inverted() ? " ! " : " ") + src.value().first() + "-" + src.value().last());
        }
        if (dst != null) {
            out.text("destination IP range" + (dst.inverted() ? " ! " : " ") + dst.value().first() + "-"
                    + dst.value().last());
        }
    }
}
