package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.netfilter.save.Unsupported;
import java.util.List;
import java.util.Objects;

/** One ebtables rule: entry conditions, matches, watchers and the target, with its source line. */
public record EbtRule(EbtEntry entry, List<EbtMatch> matches, List<EbtWatcher> watchers, EbtTarget target,
                      Counters counters, SourceLine source) {

    /** The matches of this rule that are kept but not modelled. */
    public List<Unsupported> unsupported() {
        return matches.stream().filter(Unsupported.class::isInstance).map(Unsupported.class::cast).toList();
    }

    public EbtRule {
        Objects.requireNonNull(entry, "entry");
        matches = List.copyOf(matches);
        watchers = List.copyOf(watchers);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
    }
}
