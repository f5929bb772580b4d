package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtTarget;
import io.netfilterflow.netfilter.bridge.EbtVerdict;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;

/** {@code -j redirect}: send the frame to the bridge itself ({@code ebt_redirect}), then a verdict. */
public record EbtRedirectTarget(EbtVerdict then) implements EbtTarget {

    public static final XtExtension<EbtRedirectTarget> EXTENSION = new XtExtension<>("redirect",
            OptionSpec.of("--redirect-target", 1),
            args -> new EbtRedirectTarget(EbtTargetVerdict.read(args, "--redirect-target")));

    @Override
    public String name() {
        return "redirect";
    }

    /** ebtables-nft (1.8.9) leaves a blank where the default verdict would go: {@code -j redirect }. */
    @Override
    public void saveOptions(RuleWriter out) {
        if (then != EbtVerdict.ACCEPT) {
            out.word("--redirect-target").word(then.name());
        } else {
            out.word("");
        }
    }
}
