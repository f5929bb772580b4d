package io.netfilterflow.netfilter.bridge.save;

import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.netfilter.bridge.EbtChain;
import io.netfilterflow.netfilter.bridge.EbtChainJump;
import io.netfilterflow.netfilter.bridge.EbtRule;
import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.bridge.EbtTableName;
import io.netfilterflow.netfilter.bridge.EbtVerdict;
import io.netfilterflow.netfilter.save.NftJumpLimit;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.problem.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects one ebtables table and checks it as {@code ebtables.c} does when it is loaded, and for the
 * nft backend as nf_tables does ({@link NftJumpLimit}).
 */
final class EbtTableBuilder {

    /** A chain being filled. */
    private record Draft(String name, EbtVerdict policy, boolean builtin, SourceLine declaredAt, List<EbtRule> rules) {
    }

    /** Which targets a table and base chain allow ({@code ebt_target.table}/{@code .hooks}). */
    private static final Map<String, Map<EbtTableName, Set<String>>> TARGET_PLACES = Map.of(
            "dnat", Map.of(EbtTableName.NAT, Set.of("PREROUTING", "OUTPUT"), EbtTableName.BROUTE, Set.of("BROUTING")),
            "redirect", Map.of(EbtTableName.NAT, Set.of("PREROUTING"), EbtTableName.BROUTE, Set.of("BROUTING")),
            "snat", Map.of(EbtTableName.NAT, Set.of("POSTROUTING")));

    private final EbtTableName name;
    private final Backend backend;
    private final Map<String, Draft> chains = new LinkedHashMap<>();
    /** Every jump rule added, in input order: what nf_tables replays when the table is too deep. */
    private final List<NftJumpLimit.Change> jumps = new ArrayList<>();

    EbtTableBuilder(EbtTableName name, Backend backend) {
        this.name = name;
        this.backend = backend;
    }

    EbtTableName name() {
        return name;
    }

    void declare(SourceLine line, String chain, String policyWord) {
        if (chains.containsKey(chain)) {
            throw new RulesSyntaxException(line, Problem.of("bridge.chain-declared-twice", chain, name.saveName()));
        }
        boolean builtin = name.isBuiltin(chain);
        EbtVerdict policy = EbtVerdict.byName(policyWord);
        if (policy == null || policy == EbtVerdict.CONTINUE || (builtin && policy == EbtVerdict.RETURN)) {
            throw new RulesSyntaxException(line, builtin
                    ? Problem.of("bridge.invalid-builtin-policy", policyWord, chain)
                    : Problem.of("bridge.invalid-policy", policyWord, chain));
        }
        // ebtables-restore splits its lines at blanks: a name holding one cannot be restored
        if (!builtin && (chain.length() > 31 || EbtVerdict.byName(chain) != null || chain.startsWith("-")
                || chain.isEmpty() || chain.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')
                || chain.contains("\\"))) {
            throw new RulesSyntaxException(line, Problem.of("bridge.invalid-chain-name", chain));
        }
        chains.put(chain, new Draft(chain, policy, builtin, line, new ArrayList<>()));
    }

    void add(SourceLine line, String chain, EbtRule rule) {
        Draft draft = chains.get(chain);
        if (draft == null && name.isBuiltin(chain)) {
            declare(line, chain, "ACCEPT");
            draft = chains.get(chain);
        }
        if (draft == null) {
            throw new RulesSyntaxException(line, Problem.of("bridge.no-such-chain", chain, name.saveName()));
        }
        checkPlace(rule, draft);
        draft.rules().add(rule);
        if (rule.target() instanceof EbtChainJump jump) {
            jumps.add(new NftJumpLimit.Change(line, "-A", chain, jump.chain(), true));
        }
    }

    private void checkPlace(EbtRule rule, Draft chain) {
        Map<EbtTableName, Set<String>> places = TARGET_PLACES.get(rule.target().name());
        if (places == null) {
            return;
        }
        Set<String> hooks = places.get(name);
        if (hooks == null) {
            throw new RulesSyntaxException(rule.source(), Problem.of("bridge.target-not-in-table",
                    rule.target().name(), name.saveName()));
        }
        if (chain.builtin() && !hooks.contains(chain.name())) {
            throw new RulesSyntaxException(rule.source(), Problem.of("bridge.target-not-in-chain",
                    rule.target().name(), chain.name(), String.join(", ", hooks)));
        }
    }

    EbtTable build() {
        List<EbtChain> ordered = new ArrayList<>();
        for (String builtin : name.builtinChains()) {
            Draft draft = chains.get(builtin);
            if (draft != null) {
                ordered.add(chain(draft));
            }
        }
        chains.values().stream().filter(draft -> !draft.builtin()).sorted(Comparator.comparing(Draft::name))
                .forEach(draft -> ordered.add(chain(draft)));
        checkTargets(ordered);
        if (backend == Backend.NFT) {
            NftJumpLimit.check(jumps, name::isBuiltin); // before the loop check: nf_tables refuses a loop as too deep
        }
        checkLoops(ordered);
        return new EbtTable(name, ordered);
    }

    private static EbtChain chain(Draft draft) {
        return new EbtChain(draft.name(), draft.policy(), draft.builtin(), draft.rules(), draft.declaredAt());
    }

    /** Every jump names a user chain. */
    private void checkTargets(List<EbtChain> ordered) {
        for (EbtChain chain : ordered) {
            for (EbtRule rule : chain.rules()) {
                if (rule.target() instanceof EbtChainJump jump) {
                    Draft callee = chains.get(jump.chain());
                    if (callee == null) {
                        throw new RulesSyntaxException(rule.source(), Problem.of("bridge.no-such-target-or-chain",
                                jump.chain(), name.saveName()));
                    }
                    if (callee.builtin()) {
                        throw new RulesSyntaxException(rule.source(),
                                Problem.of("bridge.jump-to-builtin", jump.chain()));
                    }
                }
            }
        }
    }

    /**
     * No chain reaches itself ({@code check_chainloops}). Depth first from each chain in turn, each
     * chain walked once (a chain already walked reaches no loop): linear, where walking every path was
     * exponential in a ladder of chains each jumping twice to the next.
     */
    private static void checkLoops(List<EbtChain> ordered) {
        Map<String, EbtChain> byName = new HashMap<>();
        ordered.forEach(chain -> byName.put(chain.name(), chain));
        Set<String> walked = new HashSet<>();
        for (EbtChain start : ordered) {
            if (walked.contains(start.name())) {
                continue;
            }
            Set<String> path = new LinkedHashSet<>();
            Deque<int[]> next = new ArrayDeque<>(); // per chain on the path: its next rule
            Deque<EbtChain> stack = new ArrayDeque<>();
            stack.push(start);
            next.push(new int[] {0});
            path.add(start.name());
            while (!stack.isEmpty()) {
                EbtChain chain = stack.peek();
                int[] at = next.peek();
                if (at[0] == chain.rules().size()) {
                    stack.pop();
                    next.pop();
                    path.remove(chain.name());
                    walked.add(chain.name());
                    continue;
                }
                EbtRule rule = chain.rules().get(at[0]++);
                if (rule.target() instanceof EbtChainJump jump && !walked.contains(jump.chain())) {
                    if (path.contains(jump.chain())) {
                        throw new RulesSyntaxException(rule.source(), Problem.of("bridge.chain-loop", jump.chain(),
                                String.join(" -> ", path)));
                    }
                    stack.push(byName.get(jump.chain()));
                    next.push(new int[] {0});
                    path.add(jump.chain());
                }
            }
        }
    }
}
