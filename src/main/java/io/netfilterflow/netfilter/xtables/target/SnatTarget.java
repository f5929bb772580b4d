package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.nat.NatRange;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtTargetParam;

/** {@code -j SNAT --to-source A[:P]}: rewrite the source of a new connection ({@code xt_nat}). */
public record SnatTarget(NatRange to, boolean random, boolean randomFully, boolean persistent)
        implements NatTarget {

    public static final XtExtension<SnatTarget> EXTENSION = new XtExtension<>("SNAT",
            OptionSpec.of("--to-source", 1, "--random", 0, "--random-fully", 0, "--persistent", 0),
            args -> {
                var to = args.require("--to-source");
                return new SnatTarget(args.value(to, NatRange::parse), args.has("--random"),
                        args.has("--random-fully"), args.has("--persistent"));
            });

    @Override
    public String name() {
        return "SNAT";
    }

    @Override
    public NatRange range() {
        return to;
    }

    @Override
    public void saveOptions(RuleWriter out) {
        out.word("--to-source").word(to.toString());
        if (random) {
            out.word("--random");
        }
        if (randomFully) {
            out.word("--random-fully");
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
        if (randomFully) {
            out.text("random-fully");
        }
        if (persistent) {
            out.text("persistent");
        }
    }

    /** The range's first address, or the packet's own source when only ports are mapped. */
    @Override
    public Ipv4Address address(XtTargetParam par) {
        return to.hasAddress() ? to.minAddress() : par.packet().src();
    }
}
