package io.netfilterflow.netfilter.ipv4;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which base chains reach each chain through jumps and gotos, found as the kernel's
 * {@code mark_source_chains} walks them; a chain that reaches itself is a loop and is refused.
 */
public final class ChainGraph {

    private final Map<String, Set<String>> reachedFrom = new HashMap<>();

    private ChainGraph() {
    }

    /** Walks every base chain of the table; throws on a loop, naming the rule that closes it. */
    public static ChainGraph of(IptTable table) {
        ChainGraph graph = new ChainGraph();
        for (IptChain chain : table.chains()) {
            if (chain.isBuiltin()) {
                graph.walk(table, chain, chain.name(), new LinkedHashSet<>());
            }
        }
        return graph;
    }

    private void walk(IptTable table, IptChain chain, String base, Set<String> path) {
        reachedFrom.computeIfAbsent(chain.name(), name -> new HashSet<>()).add(base);
        path.add(chain.name());
        for (IptRule rule : chain.rules()) {
            if (rule.target() instanceof ChainJump jump) {
                if (path.contains(jump.chain())) {
                    throw new RulesSyntaxException(rule.source(), "jump to " + jump.chain()
                            + " makes a loop (" + String.join(" -> ", path) + " -> " + jump.chain()
                            + "); the kernel refuses it (ELOOP)");
                }
                IptChain callee = table.chain(jump.chain());
                Set<String> seen = reachedFrom.get(callee.name());
                if (seen == null || !seen.contains(base)) {
                    walk(table, callee, base, path);
                }
            }
        }
        path.remove(chain.name());
    }

    /** The base chains from which this chain can be reached (empty for an unreferenced user chain). */
    public Set<String> basesReaching(String chain) {
        return reachedFrom.getOrDefault(chain, Set.of());
    }
}
