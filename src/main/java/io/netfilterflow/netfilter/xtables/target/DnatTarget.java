package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.nat.NatRange;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtTargetParam;

/** {@code -j DNAT --to-destination A[:P]}: rewrite the destination of a new connection ({@code xt_nat}). */
public record DnatTarget(NatRange to, boolean random, boolean persistent) implements NatTarget {

    public static final XtExtension<DnatTarget> EXTENSION = new XtExtension<>("DNAT",
            OptionSpec.of("--to-destination", 1, "--random", 0, "--persistent", 0),
            args -> {
                var to = args.require("--to-destination");
                return new DnatTarget(args.value(to, NatRange::parse), args.has("--random"), args.has("--persistent"));
            });

    @Override
    public String name() {
        return "DNAT";
    }

    @Override
    public NatRange range() {
        return to;
    }

    @Override
    public void saveOptions(RuleWriter out) {
        out.word("--to-destination").word(to.toString());
        if (random) {
            out.word("--random");
        }
        if (persistent) {
            out.word("--persistent");
        }
    }

    @Override
    public void list(ListWriter out) {
        out.text("to:" + to);
        if (random) {
            out.text("random");
        }
        if (persistent) {
            out.text("persistent");
        }
    }

    /** The range's first address, or the packet's own destination when only ports are mapped. */
    @Override
    public Ipv4Address address(XtTargetParam par) {
        return to.hasAddress() ? to.minAddress() : par.packet().dst();
    }
}
