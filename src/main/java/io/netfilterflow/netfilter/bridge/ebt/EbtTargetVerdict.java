package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtVerdict;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.problem.InvalidValue;

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
                throw new InvalidValue("bridge.not-a-target-verdict", text);
            }
            return verdict;
        });
    }
}
