package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.core.Verdict;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.TargetVerdict;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.XtTargetParam;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;

/**
 * The verdicts ip_tables writes as a standard target ({@code XT_STANDARD_TARGET} with
 * {@code NF_ACCEPT}, {@code NF_DROP}, {@code NF_QUEUE} or {@code XT_RETURN}).
 */
public enum StandardTarget implements XtTarget {
    ACCEPT, DROP, RETURN, QUEUE;

    public static StandardTarget byName(String name) {
        return switch (name) { // asked for every rule's target: no array of values copied each time
            case "ACCEPT" -> ACCEPT;
            case "DROP" -> DROP;
            case "RETURN" -> RETURN;
            case "QUEUE" -> QUEUE;
            default -> null;
        };
    }

    @Override
    public void saveOptions(RuleWriter out) {
        // no options
    }

    /** The standard verdicts; RETURN is the traversal's, which pops the chain stack. */
    @Override
    public TargetVerdict target(XtTargetParam par) {
        return switch (this) {
            case ACCEPT -> TargetVerdict.accept(Reason.of(ReasonCode.ACCEPT));
            case DROP -> TargetVerdict.drop(Reason.of(ReasonCode.DROP));
            case QUEUE -> new TargetVerdict(Verdict.QUEUE, "queue", Reason.of(ReasonCode.QUEUE));
            case RETURN -> throw new IllegalStateException("the traversal handles RETURN");
        };
    }
}
