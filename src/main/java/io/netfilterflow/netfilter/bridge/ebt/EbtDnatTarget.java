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

/** {@code -j dnat --to-dst MAC}: rewrite the destination MAC ({@code ebt_dnat}), then a verdict. */
public record EbtDnatTarget(MacAddress toDestination, EbtVerdict then) implements EbtTarget {

    public static final XtExtension<EbtDnatTarget> EXTENSION = new XtExtension<>("dnat",
            OptionSpec.of("--to-destination|--to-dst", 1, "--dnat-target", 1),
            args -> {
                return new EbtDnatTarget(args.value(args.require("--to-destination"), MacAddress::parse),
                        EbtTargetVerdict.read(args, "--dnat-target"));
            });

    @Override
    public String name() {
        return "dnat";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        out.word("--to-dst").word(toDestination.toString()).word("--dnat-target").word(then.name());
    }

    /** {@code ebt_dnat_tg}. */
    @Override
    public EbtVerdict target(EbtTargetParam par) {
        par.setDestination(toDestination);
        par.note(Reason.of(ReasonCode.EBT_DNAT, toDestination));
        return then;
    }
}
