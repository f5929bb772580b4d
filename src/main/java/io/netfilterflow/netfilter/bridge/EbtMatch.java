package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.netfilter.save.RuleWriter;

/** An ebtables match ({@code struct ebt_match}), selected by its options rather than by {@code -m}. */
public interface EbtMatch {

    String name();

    void save(RuleWriter out);

    /** Whether the frame matches ({@code ebt_match->match}). */
    boolean match(EbtActionParam par);
}
