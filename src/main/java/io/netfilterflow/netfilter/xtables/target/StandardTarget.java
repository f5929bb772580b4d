package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtTarget;

/**
 * The verdicts ip_tables writes as a standard target ({@code XT_STANDARD_TARGET} with
 * {@code NF_ACCEPT}, {@code NF_DROP}, {@code NF_QUEUE} or {@code XT_RETURN}).
 */
public enum StandardTarget implements XtTarget {
    ACCEPT, DROP, RETURN, QUEUE;

    public static StandardTarget byName(String name) {
        for (StandardTarget target : values()) {
            if (target.name().equals(name)) {
                return target;
            }
        }
        return null;
    }

    @Override
    public void saveOptions(RuleWriter out) {
        // no options
    }
}
