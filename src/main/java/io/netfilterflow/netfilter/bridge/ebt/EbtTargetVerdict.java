package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtVerdict;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionUse;

/** Reads the {@code --X-target} option the ebtables extension targets end with (ACCEPT by default). */
final class EbtTargetVerdict {

    private EbtTargetVerdict() {
    }

    static EbtVerdict read(ExtensionArgs args, String option) {
        OptionUse use = args.find(option);
        if (use == null) {
            return EbtVerdict.ACCEPT;
        }
        return args.value(use, text -> {
            EbtVerdict verdict = EbtVerdict.byName(text);
            if (verdict == null) {
                throw new IllegalArgumentException("'" + text + "' is not ACCEPT, DROP, CONTINUE or RETURN");
            }
            return verdict;
        });
    }
}
