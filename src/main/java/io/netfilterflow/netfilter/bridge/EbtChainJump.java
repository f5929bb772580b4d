package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.netfilter.save.RuleWriter;

/** {@code -j CHAIN}: a jump to a user chain (ebtables has no goto). */
public record EbtChainJump(String chain) implements EbtTarget {

    @Override
    public String name() {
        return chain;
    }

    @Override
    public void saveOptions(RuleWriter out) {
        // a jump has no options
    }

    /** A jump is the traversal's to follow ({@code ebt_do_table}), not a target it calls. */
    @Override
    public EbtVerdict target(EbtTargetParam par) {
        throw new IllegalStateException("the traversal follows -j " + chain());
    }
}
