package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.nat.NatRange;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtTargetParam;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonArg;
import io.netfilterflow.trace.ReasonCode;

/** {@code -j MASQUERADE}: SNAT to the outgoing interface's address ({@code xt_MASQUERADE}). */
public record MasqueradeTarget(PortRange toPorts, boolean random, boolean randomFully) implements NatTarget {

    public static final XtExtension<MasqueradeTarget> EXTENSION = new XtExtension<>("MASQUERADE",
            OptionSpec.of("--to-ports", 1, "--random", 0, "--random-fully", 0),
            args -> {
                OptionUse ports = args.find("--to-ports");
                return new MasqueradeTarget(ports == null ? null : args.value(ports, NatRange::portRange),
                        args.has("--random"), args.has("--random-fully"));
            });

    @Override
    public String name() {
        return "MASQUERADE";
    }

    @Override
    public NatRange range() {
        return toPorts == null ? null : new NatRange(null, null, toPorts);
    }

    @Override
    public void saveOptions(RuleWriter out) {
        if (toPorts != null) {
            out.word("--to-ports").word(toPorts.format('-'));
        }
        if (random) {
            out.word("--random");
        }
        if (randomFully) {
            out.word("--random-fully");
        }
    }

    @Override
    public void list(ListWriter out) {
        if (toPorts != null) {
            out.text("masq ports: " + toPorts.format('-'));
        }
        if (random) {
            out.text("random");
        }
        if (randomFully) {
            out.text("random-fully");
        }
    }

    /** {@code nf_nat_masquerade_ipv4}: the out device's address towards the next hop. */
    @Override
    public Ipv4Address address(XtTargetParam par) {
        return par.out() == null ? null : par.sourceAddress(par.out());
    }

    @Override
    public Reason noAddress(XtTargetParam par) {
        return Reason.of(ReasonCode.MASQUERADE_NO_ADDRESS, par.out());
    }

    @Override
    public ReasonArg shownAs(XtTargetParam par) {
        return Reason.of(ReasonCode.MASQUERADE_OF, par.out());
    }
}
