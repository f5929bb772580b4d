package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.save.RuleWriter;

/** An iptables match extension ({@code struct xt_match}) with its typed options. */
public interface XtMatch {

    /** The name given to {@code -m}. */
    String name();

    /** Writes the options as iptables-save prints them (without {@code -m name}). */
    void save(RuleWriter out);

    /** The match as {@code iptables -L} prints it; by default its name and options as saved. */
    default void list(ListWriter out) {
        out.saved(words -> {
            words.word(name());
            save(words);
        });
    }

    /** Whether the packet matches ({@code xt_match->match}). */
    boolean match(XtActionParam par);
}
