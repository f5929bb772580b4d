package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.netfilter.save.SourceLine;
import java.util.List;

/** An ebtables chain; user chains may have RETURN as policy, base chains ACCEPT or DROP. */
public record EbtChain(String name, EbtVerdict policy, boolean builtin, List<EbtRule> rules,
                       SourceLine declaredAt) {

    public EbtChain {
        rules = List.copyOf(rules);
    }
}
