package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.core.AddrType;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.packet.Packet;
import io.netfilterflow.problem.Problem;
import java.util.Set;

/** {@code -m addrtype --src-type/--dst-type} ({@code xt_addrtype}, revision 1). */
public record AddrtypeMatch(Negatable<Set<AddrType>> srcType, Negatable<Set<AddrType>> dstType,
                            boolean limitIfaceIn, boolean limitIfaceOut) implements XtMatch {

    public static final XtExtension<AddrtypeMatch> EXTENSION = new XtExtension<>("addrtype",
            OptionSpec.of("--src-type", 1, "--dst-type", 1, "--limit-iface-in", 0, "--limit-iface-out", 0),
            AddrtypeMatch::create);

    private static AddrtypeMatch create(ExtensionArgs args) {
        if (args.has("--limit-iface-in") && args.has("--limit-iface-out")) {
            throw args.refuse("rules.cannot-combine", "--limit-iface-in", "--limit-iface-out");
        }
        args.notInvertible("--limit-iface-in", "--limit-iface-out");
        return new AddrtypeMatch(types(args, "--src-type"), types(args, "--dst-type"),
                args.has("--limit-iface-in"), args.has("--limit-iface-out"));
    }

    private static Negatable<Set<AddrType>> types(ExtensionArgs args, String name) {
        return args.negatable(name, text -> Flags.parse(AddrType.class, text,
                item -> Problem.of("rules.unknown-address-type", item)));
    }

    @Override
    public String name() {
        return "addrtype";
    }

    @Override
    public void save(RuleWriter out) {
        if (srcType != null) {
            out.option(srcType.inverted(), "--src-type", Flags.format(srcType.value(), AddrType.class));
        }
        if (dstType != null) {
            out.option(dstType.inverted(), "--dst-type", Flags.format(dstType.value(), AddrType.class));
        }
        if (limitIfaceIn) {
            out.word("--limit-iface-in");
        }
        if (limitIfaceOut) {
            out.word("--limit-iface-out");
        }
    }

    @Override
    public boolean match(XtActionParam par) {
        String device = limitIfaceIn ? par.in() : limitIfaceOut ? par.out() : null;
        Packet p = par.packet();
        return (srcType == null || srcType.test(srcType.value().contains(par.addressType(p.src(), device))))
                && (dstType == null || dstType.test(dstType.value().contains(par.addressType(p.dst(), device))));
    }

    @Override
    public void list(ListWriter out) {
        out.text("ADDRTYPE match");
        if (srcType != null) {
            out.text("src-type " + (srcType.inverted() ? "!" : "") + Flags.format(srcType.value(), AddrType.class));
        }
        if (dstType != null) {
            out.text("dst-type " + (dstType.inverted() ? "!" : "") + Flags.format(dstType.value(), AddrType.class));
        }
        if (limitIfaceIn) {
            out.text("limit-in");
        }
        if (limitIfaceOut) {
            out.text("limit-out");
        }
    }
}
