package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.netfilter.save.RuleWriter;

/** An ebtables target: a standard verdict, a jump to a user chain, or an extension target. */
public interface EbtTarget {

    /** The name after {@code -j}. */
    String name();

    /** Writes the options after {@code -j NAME}. */
    void saveOptions(RuleWriter out);
}
