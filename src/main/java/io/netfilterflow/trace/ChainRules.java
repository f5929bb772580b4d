package io.netfilterflow.trace;

import java.util.List;

/**
 * One chain of the scenario as the simulator loaded it: its policy line and its rules in the order they run,
 * each with its line in the rules text ({@code -I} and {@code -R} included), for the inspector to list and mark.
 */
public record ChainRules(String family, String table, String chain, List<Line> rules) {

    public ChainRules {
        rules = List.copyOf(rules);
    }

    /** A line of the chain: its {@code :CHAIN POLICY} declaration ({@code policy}) or a {@code rule}. */
    public record Line(int line, String text, String kind) {
    }
}
