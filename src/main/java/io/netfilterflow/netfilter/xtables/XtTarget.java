package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.save.RuleWriter;

/** An iptables target ({@code struct xt_target}) with its typed options, or a jump to a chain. */
public interface XtTarget {

    /** The name given to {@code -j}. */
    String name();

    /** {@code xt_target->target}: what the target does to the packet, and the verdict it returns. */
    TargetVerdict target(XtTargetParam par);

    /** Writes {@code -j NAME} and the options as iptables-save prints them. */
    default void save(RuleWriter out) {
        out.word("-j").word(name());
        saveOptions(out);
    }

    void saveOptions(RuleWriter out);

    /** The name in {@code iptables -L}'s target column; an alias shows the target it stands for. */
    default String listName() {
        return name();
    }

    /** The target's options as {@code iptables -L} prints them; by default as saved. */
    default void list(ListWriter out) {
        out.saved(this::saveOptions);
    }
}
