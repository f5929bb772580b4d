package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.TargetVerdict;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.XtTargetParam;

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

    /** A jump is not a target the kernel calls: the traversal follows it ({@code ipt_do_table}). */
    @Override
    public TargetVerdict target(XtTargetParam par) {
        throw new IllegalStateException("the traversal follows -j " + chain);
    }
}
