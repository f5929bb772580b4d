package io.netfilterflow.netfilter.ipv4;

import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.netfilter.xtables.target.StandardTarget;
import java.util.List;
import java.util.Objects;

/**
 * A chain of one table: a base chain has a policy (ACCEPT or DROP), a user chain has none.
 * {@code counters} are the policy's counters as {@code :INPUT ACCEPT [12:3456]} gives them, or null.
 */
public record IptChain(String name, StandardTarget policy, Counters counters, List<IptRule> rules,
                       SourceLine declaredAt) {

    public IptChain {
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
        if (policy != null && policy != StandardTarget.ACCEPT && policy != StandardTarget.DROP) {
            throw new IllegalArgumentException("a policy is ACCEPT or DROP");
        }
    }

    public boolean isBuiltin() {
        return policy != null;
    }
}
