package io.netfilterflow.netfilter.save;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deepest level at which nf_tables' validation enters each chain of a table, kept up to date as
 * jumps are added (levels only grow, each at most {@link NftJumpLimit#NFT_JUMP_STACK_SIZE} times,
 * so a table costs linear time) and computed again after a jump is removed.
 */
public final class JumpLevels {

    private static final int LIMIT = NftJumpLimit.NFT_JUMP_STACK_SIZE;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Boolean> bases = new ArrayList<>();
    /** Per chain: the chains it jumps to, with how many rules do so. */
    private final List<Map<Integer, Integer>> jumps = new ArrayList<>();
    private int[] level = new int[16];
    private int[] from = new int[16];
    private boolean stale;
    private int tooDeep = -1;

    /** Declares a chain (again: no effect); base chains are walked from level 0. */
    public void chain(String name, boolean base) {
        if (ids.containsKey(name)) {
            return;
        }
        int id = names.size();
        ids.put(name, id);
        names.add(name);
        bases.add(base);
        jumps.add(new HashMap<>(2));
        if (id == level.length) {
            level = java.util.Arrays.copyOf(level, id * 2);
            from = java.util.Arrays.copyOf(from, id * 2);
        }
        level[id] = base ? 0 : -1;
        from[id] = -1;
    }

    /** One more ({@code +1}) or one fewer ({@code -1}) rule of {@code chain} jumping to {@code target}. */
    public void link(String chain, String target, int rules) {
        int u = ids.get(chain);
        int v = ids.get(target);
        int count = jumps.get(u).merge(v, rules, Integer::sum);
        if (count <= 0) {
            jumps.get(u).remove(v);
            stale = true; // a walk may have become shorter: levels are computed again when next asked
        } else if (!stale && tooDeep < 0 && level[u] >= 0) {
            raise(u, v);
        }
    }

    /** The walk that enters a chain {@value NftJumpLimit#NFT_JUMP_STACK_SIZE} jumps deep, or null when none does. */
    public List<String> deepest() {
        if (stale) {
            recompute();
        }
        return tooDeep < 0 ? null : walkTo(tooDeep);
    }

    private void recompute() {
        stale = false;
        tooDeep = -1;
        for (int id = 0; id < names.size(); id++) {
            level[id] = bases.get(id) ? 0 : -1;
            from[id] = -1;
        }
        for (int id = 0; id < names.size() && tooDeep < 0; id++) {
            if (bases.get(id)) {
                for (int target : jumps.get(id).keySet()) {
                    raise(id, target);
                }
            }
        }
    }

    /** Lets the walk enter {@code v} from {@code u}, and everything after it, one level deeper where that is deeper. */
    private void raise(int u, int v) {
        Deque<int[]> work = new ArrayDeque<>();
        work.push(new int[] {u, v});
        while (!work.isEmpty() && tooDeep < 0) {
            int[] edge = work.pop();
            int next = level[edge[0]] + 1;
            if (next <= level[edge[1]] || bases.get(edge[1])) {
                continue;
            }
            level[edge[1]] = next;
            from[edge[1]] = edge[0];
            if (next >= LIMIT) {
                tooDeep = edge[1];
                return;
            }
            for (int target : jumps.get(edge[1]).keySet()) {
                work.push(new int[] {edge[1], target});
            }
        }
    }

    /** The chains from a base chain to {@code chain}, following where each level came from. */
    private List<String> walkTo(int chain) {
        List<String> path = new ArrayList<>();
        for (int at = chain, steps = 0; at >= 0 && steps <= LIMIT; at = from[at], steps++) {
            path.add(names.get(at));
            if (bases.get(at)) {
                break;
            }
        }
        Collections.reverse(path);
        return path;
    }
}
