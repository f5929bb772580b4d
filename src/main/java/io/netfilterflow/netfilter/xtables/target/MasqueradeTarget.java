package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.list.ListWriter;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.nat.NatRange;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;

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
}
