package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.netfilter.bridge.EbtTargetParam;
import io.netfilterflow.net.MacAddress;
import io.netfilterflow.netfilter.bridge.EbtTarget;
import io.netfilterflow.netfilter.bridge.EbtVerdict;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;

/** {@code -j snat --to-src MAC}: rewrite the source MAC ({@code ebt_snat}), also in ARP with {@code --snat-arp}. */
public record EbtSnatTarget(MacAddress toSource, boolean arp, EbtVerdict then) implements EbtTarget {

    public static final XtExtension<EbtSnatTarget> EXTENSION = new XtExtension<>("snat",
            OptionSpec.of("--to-source|--to-src", 1, "--snat-target", 1, "--snat-arp", 0),
            args -> {
                return new EbtSnatTarget(args.value(args.require("--to-source"), MacAddress::parse),
                        args.has("--snat-arp"), EbtTargetVerdict.read(args, "--snat-target"));
            });

    @Override
    public String name() {
        return "snat";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        out.word("--to-src").word(toSource.toString());
        if (arp) {
            out.word("--snat-arp");
        }
        out.word("--snat-target").word(then.name());
    }

    /** {@code ebt_snat_tg}. */
    @Override
    public EbtVerdict target(EbtTargetParam par) {
        par.setSource(toSource);
        par.note(Reason.of(ReasonCode.EBT_SNAT, toSource));
        return then;
    }
}
