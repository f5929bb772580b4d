package io.netfilterflow.netfilter.ipv4;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import io.netfilterflow.problem.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which base chains reach each chain through jumps and gotos, found as the kernel's
 * {@code mark_source_chains} walks them; a chain that reaches itself is a loop and is refused.
 * Iterative, so a deep chain of chains cannot overflow the stack.
 */
public final class ChainGraph {

    private final List<IptChain> chains;
    private final int[][] callees;
    private final IptRule[][] calls;
    private final int[] reachedBy; // bit i: reachable from the i-th base chain
    private final List<String> bases = new ArrayList<>();

    private ChainGraph(IptTable table) {
        chains = table.chains();
        Map<String, Integer> index = new HashMap<>(chains.size() * 2);
        for (int i = 0; i < chains.size(); i++) {
            index.put(chains.get(i).name(), i);
        }
        callees = new int[chains.size()][];
        calls = new IptRule[chains.size()][];
        for (int i = 0; i < chains.size(); i++) {
            List<IptRule> jumps = chains.get(i).rules().stream().filter(r -> r.target() instanceof ChainJump).toList();
            callees[i] = new int[jumps.size()];
            calls[i] = jumps.toArray(IptRule[]::new);
            for (int j = 0; j < jumps.size(); j++) {
                callees[i][j] = index.get(((ChainJump) jumps.get(j).target()).chain());
            }
        }
        reachedBy = new int[chains.size()];
    }

    /** Walks every base chain of the table; throws on a loop, naming the rule that closes it. */
    public static ChainGraph of(IptTable table) {
        ChainGraph graph = new ChainGraph(table);
        for (int i = 0; i < graph.chains.size(); i++) {
            if (graph.chains.get(i).isBuiltin()) {
                graph.walk(i, graph.bases.size());
                graph.bases.add(graph.chains.get(i).name());
            }
        }
        return graph;
    }

    private void walk(int start, int baseBit) {
        int bit = 1 << baseBit;
        boolean[] onPath = new boolean[chains.size()];
        Deque<int[]> stack = new ArrayDeque<>(); // {chain, next call to follow}
        stack.push(new int[] {start, 0});
        onPath[start] = true;
        reachedBy[start] |= bit;
        while (!stack.isEmpty()) {
            int[] frame = stack.peek();
            int chain = frame[0];
            if (frame[1] == callees[chain].length) {
                onPath[chain] = false;
                stack.pop();
                continue;
            }
            int call = frame[1]++;
            int callee = callees[chain][call];
            if (onPath[callee]) {
                throw loop(stack, calls[chain][call], callee);
            }
            if ((reachedBy[callee] & bit) == 0) {
                reachedBy[callee] |= bit;
                onPath[callee] = true;
                stack.push(new int[] {callee, 0});
            }
        }
    }

    private RulesSyntaxException loop(Deque<int[]> stack, IptRule rule, int callee) {
        Set<String> path = new LinkedHashSet<>();
        stack.descendingIterator().forEachRemaining(frame -> path.add(chains.get(frame[0]).name()));
        String target = chains.get(callee).name();
        return new RulesSyntaxException(rule.source(), Problem.of("rules.jump-loop", target,
                String.join(" -> ", path) + " -> " + target));
    }

    /** The base chains from which the chain at this position can be reached (none for an unreferenced one). */
    public Set<String> basesOf(int chainIndex) {
        Set<String> result = new LinkedHashSet<>();
        for (int b = 0; b < bases.size(); b++) {
            if ((reachedBy[chainIndex] & (1 << b)) != 0) {
                result.add(bases.get(b));
            }
        }
        return result;
    }
}
