package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.netfilter.core.Verdict;
import io.netfilterflow.trace.Reason;

/**
 * What a target returned: a verdict that ends the chain (null: the next rule looks at the packet), the word
 * the conformance format writes for it ({@code accept}, {@code drop}, {@code queue}, {@code continue}), and why.
 */
public record TargetVerdict(Verdict verdict, String word, Reason why) {

    /** {@code XT_CONTINUE}: the target changed something and the packet goes on to the next rule. */
    public static TargetVerdict goOn(Reason why) {
        return new TargetVerdict(null, "continue", why);
    }

    public static TargetVerdict accept(Reason why) {
        return new TargetVerdict(Verdict.ACCEPT, "accept", why);
    }

    public static TargetVerdict drop(Reason why) {
        return new TargetVerdict(Verdict.DROP, "drop", why);
    }
}
