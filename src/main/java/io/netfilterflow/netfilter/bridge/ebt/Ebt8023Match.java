package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtActionParam;
import io.netfilterflow.netfilter.bridge.EbtEntry;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;

/** The 802.2 LLC SAP and SNAP type of an 802.3 frame ({@code ebt_802_3}). */
public record Ebt8023Match(Negatable<Integer> sap, Negatable<Integer> type) implements EbtMatch {

    public static final XtExtension<Ebt8023Match> EXTENSION = new XtExtension<>("802_3",
            OptionSpec.of("--802_3-sap", 1, "--802_3-type", 1),
            args -> new Ebt8023Match(args.negatable("--802_3-sap", text -> ExtensionArgs.parseBounded(text, 0, 255)),
                    args.negatable("--802_3-type", text -> ExtensionArgs.parseBounded(text, 0, 65535))));

    @Override
    public String name() {
        return "802_3";
    }

    @Override
    public void save(RuleWriter out) {
        EbtEntry.ebtOption(out, "--802_3-sap", sap == null ? null
                : Negatable.of(String.format("0x%02x", sap.value()), sap.inverted()));
        EbtEntry.ebtOption(out, "--802_3-type", type == null ? null
                : Negatable.of(String.format("0x%04x", type.value()), type.inverted()));
    }

    @Override
    public boolean match(EbtActionParam par) {
        return false;
    }
}
