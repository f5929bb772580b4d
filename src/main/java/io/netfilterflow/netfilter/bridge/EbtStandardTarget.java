package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.netfilter.save.RuleWriter;

/** {@code -j ACCEPT|DROP|CONTINUE|RETURN}. */
public record EbtStandardTarget(EbtVerdict verdict) implements EbtTarget {

    @Override
    public String name() {
        return verdict.name();
    }

    @Override
    public void saveOptions(RuleWriter out) {
        // a verdict has no options
    }

    @Override
    public EbtVerdict target(EbtTargetParam par) {
        return verdict();
    }
}
