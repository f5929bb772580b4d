package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.list.ListWriter;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.nat.NatRange;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;

/** {@code -j REDIRECT}: DNAT to the host itself, the incoming interface's address ({@code xt_REDIRECT}). */
public record RedirectTarget(PortRange toPorts, boolean random) implements NatTarget {

    public static final XtExtension<RedirectTarget> EXTENSION = new XtExtension<>("REDIRECT",
            OptionSpec.of("--to-ports", 1, "--random", 0),
            args -> {
                OptionUse ports = args.find("--to-ports");
                return new RedirectTarget(ports == null ? null : args.value(ports, NatRange::portRange),
                        args.has("--random"));
            });

    @Override
    public String name() {
        return "REDIRECT";
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
    }

    @Override
    public void list(ListWriter out) {
        if (toPorts != null) {
            out.text("redir ports " + toPorts.format('-'));
        }
        if (random) {
            out.text("random");
        }
    }
}
