package io.netfilterflow.netfilter.list;

import io.netfilterflow.netfilter.core.Counters;

/** The packets and bytes of a rule (its line in the save text) or, for line 0, a chain's policy. */
@FunctionalInterface
public interface Counted {
    Counters of(String chain, int line);
}
