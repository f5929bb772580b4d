package io.netfilterflow.netfilter.ipv4;

import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.save.Unsupported;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One iptables rule ({@code struct ipt_entry}): header conditions, matches in order, and a target
 * (null for a rule without one, which only counts). Keeps the line it was read from.
 */
public record IptRule(IpHeaderMatch header, List<XtMatch> matches, XtTarget target, Counters counters,
                      SourceLine source) {

    public IptRule {
        Objects.requireNonNull(header, "header");
        matches = List.copyOf(matches);
        Objects.requireNonNull(source, "source");
    }

    /** The extensions of this rule that are kept but not modelled, matches first. */
    public List<Unsupported> unsupported() {
        List<Unsupported> found = null; // asked of every rule by check: nearly all have none, and get no list made
        for (int i = 0; i < matches.size(); i++) { // by index: no iterator made for each rule
            if (matches.get(i) instanceof Unsupported unsupported) {
                found = found == null ? new ArrayList<>() : found;
                found.add(unsupported);
            }
        }
        if (target instanceof Unsupported unsupported) {
            found = found == null ? new ArrayList<>() : found;
            found.add(unsupported);
        }
        return found == null ? List.of() : found;
    }

    /** The same rule without its source position, for comparing what two texts mean. */
    public IptRule withoutSource() {
        return new IptRule(header, matches, target, counters, new SourceLine(1, ""));
    }
}
