package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.netfilter.save.RuleWriter;

/** An ebtables target: a standard verdict, a jump to a user chain, or an extension target. */
public interface EbtTarget {

    /** The name after {@code -j}. */
    String name();

    /** {@code ebt_target->target}: what the target does to the frame, and the verdict it leaves. */
    EbtVerdict target(EbtTargetParam par);

    /** Writes the options after {@code -j NAME}. */
    void saveOptions(RuleWriter out);
}
