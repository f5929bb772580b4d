package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtTarget;

/**
 * {@code -j CHAIN} or {@code -g CHAIN}: a standard target whose verdict is a jump. A goto does not
 * push a return point, so a RETURN from the target chain returns to this chain's caller.
 */
public record ChainJump(String chain, boolean isGoto) implements XtTarget {

    @Override
    public String name() {
        return chain;
    }

    @Override
    public void save(RuleWriter out) {
        out.word(isGoto ? "-g" : "-j").word(chain);
    }

    @Override
    public void saveOptions(RuleWriter out) {
        // a jump has no options
    }
}
