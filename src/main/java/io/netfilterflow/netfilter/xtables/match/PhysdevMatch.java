package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.net.InterfaceName;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;

/**
 * {@code -m physdev}: the bridge ports a bridged packet came in on / goes out of, which
 * br_netfilter records ({@code xt_physdev}). Each flag is null when absent, else its inversion.
 */
public record PhysdevMatch(Negatable<InterfaceName> physIn, Negatable<InterfaceName> physOut,
                           Boolean isIn, Boolean isOut, Boolean isBridged) implements XtMatch {

    public static final XtExtension<PhysdevMatch> EXTENSION = new XtExtension<>("physdev",
            OptionSpec.of("--physdev-in", 1, "--physdev-out", 1, "--physdev-is-in", 0,
                    "--physdev-is-out", 0, "--physdev-is-bridged", 0),
            PhysdevMatch::create);

    private static PhysdevMatch create(ExtensionArgs args) {
        if (args.uses().isEmpty()) {
            throw args.refuse("rules.physdev-needs-option");
        }
        return new PhysdevMatch(args.negatable("--physdev-in", InterfaceName::new), args.negatable("--physdev-out", InterfaceName::new),
                flag(args, "--physdev-is-in"), flag(args, "--physdev-is-out"), flag(args, "--physdev-is-bridged"));
    }


    private static Boolean flag(ExtensionArgs args, String name) {
        OptionUse use = args.find(name);
        return use == null ? null : use.inverted();
    }

    @Override
    public String name() {
        return "physdev";
    }

    @Override
    public void save(RuleWriter out) {
        if (physIn != null) {
            out.option(physIn.inverted(), "--physdev-in", physIn.value().toString());
        }
        if (physOut != null) {
            out.option(physOut.inverted(), "--physdev-out", physOut.value().toString());
        }
        if (isIn != null) {
            out.option(isIn, "--physdev-is-in");
        }
        if (isOut != null) {
            out.option(isOut, "--physdev-is-out");
        }
        if (isBridged != null) {
            out.option(isBridged, "--physdev-is-bridged");
        }
    }

    /** {@code physdev_mt}; the is-in/is-out/is-bridged fields hold whether the test was written with {@code !}. */
    @Override
    public boolean match(XtActionParam par) {
        if (!par.bridged()) {
            // a packet br_netfilter did not see matches only when every test given is inverted
            return (isBridged == null || isBridged) && (isIn == null || isIn) && (isOut == null || isOut)
                    && (physIn == null || physIn.inverted()) && (physOut == null || physOut.inverted());
        }
        return flag(isBridged, par.physOut() != null) && flag(isIn, par.physIn() != null)
                && flag(isOut, par.physOut() != null)
                && (physIn == null || physIn.test(physIn.value().matches(par.physIn())))
                && (physOut == null || physOut.test(physOut.value().matches(par.physOut())));
    }

    private static boolean flag(Boolean inverted, boolean holds) {
        return inverted == null || holds != inverted;
    }

    /** libxt_physdev's print: {@code PHYSDEV match} and the options, is-in before in, is-out before out. */
    @Override
    public void list(ListWriter out) {
        StringBuilder text = new StringBuilder("PHYSDEV match");
        flag(text, isIn, "--physdev-is-in");
        if (physIn != null) {
            text.append(physIn.inverted() ? " !" : "").append(" --physdev-in ").append(physIn.value());
        }
        flag(text, isOut, "--physdev-is-out");
        if (physOut != null) {
            text.append(physOut.inverted() ? " !" : "").append(" --physdev-out ").append(physOut.value());
        }
        flag(text, isBridged, "--physdev-is-bridged");
        out.text(text.toString());
    }

    private static void flag(StringBuilder text, Boolean inverted, String option) {
        if (inverted != null) {
            text.append(inverted ? " !" : "").append(' ').append(option);
        }
    }
}
