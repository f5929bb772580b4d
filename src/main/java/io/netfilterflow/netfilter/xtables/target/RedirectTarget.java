package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.core.NfHook;
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

/** {@code -j REDIRECT}: DNAT to the host itself, the incoming interface's address ({@code xt_REDIRECT}). */
public record RedirectTarget(PortRange toPorts, boolean random) implements NatTarget {

    private static final Ipv4Address LOOPBACK = Ipv4Address.parse("127.0.0.1");

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

    /** {@code nf_nat_redirect_ipv4}: loopback for the host's own packets, else the in device's first address. */
    @Override
    public Ipv4Address address(XtTargetParam par) {
        return par.hook() == NfHook.LOCAL_OUT ? LOOPBACK : par.in() == null ? null : par.firstAddress(par.in());
    }

    @Override
    public Reason noAddress(XtTargetParam par) {
        return Reason.of(ReasonCode.REDIRECT_NO_ADDRESS, par.in());
    }

    @Override
    public ReasonArg shownAs(XtTargetParam par) {
        return Reason.of(ReasonCode.REDIRECT_TO_HOST);
    }
}
