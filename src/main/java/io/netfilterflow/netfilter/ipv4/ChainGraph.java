package io.netfilterflow.netfilter.ipv4;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which base chains reach each chain through jumps and gotos, found as the kernel's
 * {@code mark_source_chains} walks them; a chain that reaches itself is a loop and is refused.
 * Iterative, so a deep chain of chains cannot overflow the stack. Reading the jumps is also where a jump to no
 * chain, or to a base chain, is refused ({@code translate_table}), as each jump's chain is looked up once.
 */
public final class ChainGraph {

    private final List<IptChain> chains;
    private final int[][] callees;
    private final IptRule[][] calls;
    private final int[] reachedBy; // bit i: reachable from the i-th base chain
    private final List<String> bases = new ArrayList<>();
    /** {@link #basesOf}'s sets, by the bits of {@link #reachedBy}; made when first asked for. */
    private Set<String>[] byMask;

    private ChainGraph(IptTable table) {
        chains = table.chains();
        callees = new int[chains.size()][];
        calls = new IptRule[chains.size()][];
        for (int i = 0; i < chains.size(); i++) {
            List<IptRule> rules = chains.get(i).rules();
            int count = 0;
            for (IptRule rule : rules) {
                count += rule.target() instanceof ChainJump ? 1 : 0;
            }
            callees[i] = new int[count];
            calls[i] = new IptRule[count];
            int j = 0;
            for (IptRule rule : rules) {
                if (rule.target() instanceof ChainJump jump) {
                    callees[i][j] = callee(table, rule, jump);
                    calls[i][j++] = rule;
                }
            }
        }
        reachedBy = new int[chains.size()];
    }

    private static int callee(IptTable table, IptRule rule, ChainJump jump) {
        int callee = table.indexOf(jump.chain());
        if (callee < 0) {
            throw new RulesSyntaxException(rule.source(), Problem.of("rules.no-such-target-or-chain",
                    jump.chain(), table.name().saveName()));
        }
        if (table.chains().get(callee).isBuiltin()) {
            throw new RulesSyntaxException(rule.source(), Problem.of("rules.jump-to-builtin-chain", jump.chain()));
        }
        return callee;
    }

    /** Reads the table's jumps, refusing one to no chain or to a base chain, in the table's order; not walked yet. */
    public static ChainGraph jumpsOf(IptTable table) {
        return new ChainGraph(table);
    }

    /** Walks every base chain; throws on a loop, naming the rule that closes it. */
    public ChainGraph walked() {
        for (int i = 0; i < chains.size(); i++) {
            if (chains.get(i).isBuiltin()) {
                walk(i, bases.size());
                bases.add(chains.get(i).name());
            }
        }
        return this;
    }

    /** Depth first, with the path in two arrays (a chain and its next call to follow): no object a step. */
    private void walk(int start, int baseBit) {
        int bit = 1 << baseBit;
        boolean[] onPath = new boolean[chains.size()];
        int[] path = new int[chains.size()]; // a chain is on the path once at most
        int[] nextCall = new int[chains.size()];
        int depth = 0;
        path[0] = start;
        onPath[start] = true;
        reachedBy[start] |= bit;
        while (depth >= 0) {
            int chain = path[depth];
            if (nextCall[depth] == callees[chain].length) {
                onPath[chain] = false;
                depth--;
                continue;
            }
            int call = nextCall[depth]++;
            int callee = callees[chain][call];
            if (onPath[callee]) {
                throw loop(path, depth, calls[chain][call], callee);
            }
            if ((reachedBy[callee] & bit) == 0) {
                reachedBy[callee] |= bit;
                onPath[callee] = true;
                path[++depth] = callee;
                nextCall[depth] = 0;
            }
        }
    }

    private RulesSyntaxException loop(int[] path, int depth, IptRule rule, int callee) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i <= depth; i++) {
            names.add(chains.get(path[i]).name());
        }
        String target = chains.get(callee).name();
        return new RulesSyntaxException(rule.source(), Problem.of("rules.jump-loop", target,
                String.join(" -> ", names) + " -> " + target));
    }

    /**
     * The base chains from which the chain at this position can be reached (none for an unreferenced one), in the
     * table's order. One set for each combination of base chains, made once: a dump's 10k DNAT rules sit in chains
     * that nearly all have the same few.
     */
    @SuppressWarnings("unchecked") // an array of sets: generic arrays are made raw
    public Set<String> basesOf(int chainIndex) {
        if (byMask == null) {
            byMask = new Set[1 << bases.size()];
        }
        int mask = reachedBy[chainIndex];
        if (byMask[mask] == null) {
            Set<String> result = new LinkedHashSet<>();
            for (int b = 0; b < bases.size(); b++) {
                if ((mask & (1 << b)) != 0) {
                    result.add(bases.get(b));
                }
            }
            byMask[mask] = Collections.unmodifiableSet(result);
        }
        return byMask[mask];
    }
}
