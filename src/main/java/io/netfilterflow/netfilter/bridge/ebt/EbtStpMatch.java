package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtActionParam;
import io.netfilterflow.netfilter.bridge.EbtEntry;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;

/** The BPDU type of a spanning-tree frame ({@code ebt_stp}); the other stp fields are not modelled. */
public record EbtStpMatch(Negatable<Integer> type) implements EbtMatch {

    private static final int CONFIG = 0x00;
    private static final int TCN = 0x80;

    public static final XtExtension<EbtStpMatch> EXTENSION = new XtExtension<>("stp",
            OptionSpec.of("--stp-type", 1),
            args -> new EbtStpMatch(args.negatable("--stp-type", text -> switch (text) {
                case "config" -> CONFIG;
                case "tcn" -> TCN;
                default -> ExtensionArgs.parseBounded(text, 0, 255);
            })));

    @Override
    public String name() {
        return "stp";
    }

    @Override
    public void save(RuleWriter out) {
        int value = type.value();
        String text = value == CONFIG ? "config" : value == TCN ? "tcn" : Integer.toString(value);
        EbtEntry.ebtOption(out, "--stp-type", Negatable.of(text, type.inverted()));
    }

    @Override
    public boolean match(EbtActionParam par) {
        return false;
    }
}
