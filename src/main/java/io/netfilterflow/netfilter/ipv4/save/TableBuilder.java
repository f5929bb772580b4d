package io.netfilterflow.netfilter.ipv4.save;

import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.ipv4.ChainGraph;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.save.NftJumpLimit;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import io.netfilterflow.netfilter.xtables.target.StandardTarget;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects one {@code *table ... COMMIT} section and checks it as the kernel checks a table it loads:
 * x_tables for the legacy backend, nf_tables (with its jump limit, {@link NftJumpLimit}) for nft.
 */
final class TableBuilder {

    /** A chain being filled; user chains are ordered by name, as iptables-save lists them. */
    private static final class ChainDraft implements Comparable<ChainDraft> {
        final String name;
        StandardTarget policy;
        Counters counters;
        final SourceLine declaredAt;
        final ChainRules rules = new ChainRules();

        ChainDraft(String name, StandardTarget policy, Counters counters, SourceLine declaredAt) {
            this.name = name;
            this.policy = policy;
            this.counters = counters;
            this.declaredAt = declaredAt;
        }

        @Override
        public int compareTo(ChainDraft other) {
            return name.compareTo(other.name);
        }
    }

    private static final int MAX_CHAIN_NAME = 28; // XT_EXTENSION_MAXNAMELEN less the NUL, as iptables checks

    private final IptTableName name;
    private final Backend backend;
    private final Map<String, ChainDraft> chains = new LinkedHashMap<>();
    /** The chain the last rule went to: the next one nearly always goes there too, found without a lookup. */
    private ChainDraft last;
    /**
     * Every jump rule added and removed, in input order: what nf_tables replays when the table is too deep.
     * Kept for the nft backend only.
     */
    private final List<NftJumpLimit.Change> jumps = new ArrayList<>();

    TableBuilder(IptTableName name, Backend backend) {
        this.name = name;
        this.backend = backend;
    }

    IptTableName name() {
        return name;
    }

    /**
     * The name as the chain was declared, when it was: a jump to it then shares that string instead of keeping
     * its own copy (a dump of 60k services names each of its 120k chains in a jump).
     */
    String chainName(String chain) {
        ChainDraft draft = chains.get(chain);
        return draft == null ? chain : draft.name;
    }

    void declare(SourceLine line, String chain, String policyWord, Counters counters) {
        if (chains.containsKey(chain)) {
            throw new RulesSyntaxException(line, Problem.of("rules.chain-declared-twice", chain, name.saveName()));
        }
        StandardTarget policy = null;
        if (name.isBuiltin(chain)) {
            policy = builtinPolicy(line, chain, policyWord);
        } else {
            checkUserChainName(line, chain);
            if (!policyWord.equals("-")) {
                throw new RulesSyntaxException(line, Problem.of("rules.user-chain-policy", chain, policyWord));
            }
        }
        chains.put(chain, new ChainDraft(chain, policy, counters, line));
    }

    private static StandardTarget builtinPolicy(SourceLine line, String chain, String policyWord) {
        StandardTarget policy = StandardTarget.byName(policyWord);
        if (policy != StandardTarget.ACCEPT && policy != StandardTarget.DROP) {
            throw new RulesSyntaxException(line, Problem.of("rules.builtin-policy", chain, policyWord));
        }
        return policy;
    }

    private void checkUserChainName(SourceLine line, String chain) {
        if (chain.length() > MAX_CHAIN_NAME) {
            throw new RulesSyntaxException(line, Problem.of("rules.chain-name-too-long", chain));
        }
        if (chain.startsWith("-") || StandardTarget.byName(chain) != null) {
            throw new RulesSyntaxException(line, Problem.of("rules.not-a-chain-name", chain));
        }
    }

    /** Adds a rule at the end, or at a 1-based position for {@code -I}. */
    void add(SourceLine line, String chain, IptRule rule, int position) {
        if (rule.header().outInterface() != null && (chain.equals("PREROUTING") || chain.equals("INPUT"))) {
            throw new RulesSyntaxException(line, Problem.of("rules.no-out-interface-here", chain));
        }
        if (rule.header().inInterface() != null && (chain.equals("POSTROUTING") || chain.equals("OUTPUT"))) {
            throw new RulesSyntaxException(line, Problem.of("rules.no-in-interface-here", chain));
        }
        ChainDraft draft = last != null && last.name.equals(chain) ? last : chains.get(chain);
        if (draft == null && name.isBuiltin(chain)) {
            draft = new ChainDraft(chain, StandardTarget.ACCEPT, null, line); // the kernel always has it
            chains.put(chain, draft);
        }
        if (draft == null) {
            throw new RulesSyntaxException(line, Problem.of("rules.no-such-chain-declare", chain, name.saveName()));
        }
        if (backend == Backend.NFT && rule.target() instanceof ChainJump jump) {
            jumps.add(new NftJumpLimit.Change(line, position < 0 ? "-A" : "-I", chain, jump.chain(), true));
        }
        last = draft;
        if (position < 0) {
            draft.rules.add(draft.rules.size(), rule);
        } else if (position - 1 > draft.rules.size()) {
            throw new RulesSyntaxException(line, Problem.of("rules.index-past-end", position, chain));
        } else {
            draft.rules.add(position - 1, rule);
        }
    }

    void newChain(SourceLine line, String chain) {
        declare(line, chain, "-", null);
    }

    void policy(SourceLine line, String chain, String policyWord, Counters counters) {
        if (!name.isBuiltin(chain)) {
            throw new RulesSyntaxException(line, Problem.of("rules.policy-of-user-chain", chain));
        }
        ChainDraft draft = chains.get(chain);
        if (draft == null) {
            declare(line, chain, policyWord, counters);
            return;
        }
        draft.policy = builtinPolicy(line, chain, policyWord);
        if (counters != null) {
            draft.counters = counters;
        }
    }

    /** {@code -F [CHAIN]}: removes the rules of one chain, or of all. */
    void flush(SourceLine line, String chain) {
        if (chain == null) {
            chains.values().forEach(draft -> clear(line, draft));
        } else {
            clear(line, existing(line, chain));
        }
    }

    private void clear(SourceLine line, ChainDraft draft) {
        draft.rules.list().forEach(rule -> removed(line, draft.name, rule));
        draft.rules.clear();
    }

    private void removed(SourceLine line, String chain, IptRule rule) {
        if (backend == Backend.NFT && rule.target() instanceof ChainJump jump) {
            jumps.add(new NftJumpLimit.Change(line, "-D", chain, jump.chain(), false));
        }
    }

    /** {@code -X [CHAIN]}: deletes an empty user chain, or every user chain. */
    void deleteChain(SourceLine line, String chain) {
        last = null;
        if (chain == null) {
            chains.values().stream().filter(draft -> draft.policy == null).forEach(draft -> clear(line, draft));
            chains.values().removeIf(draft -> draft.policy == null);
            return;
        }
        ChainDraft draft = existing(line, chain);
        if (draft.policy != null) {
            throw new RulesSyntaxException(line, Problem.of("rules.delete-builtin-chain", chain));
        }
        if (!draft.rules.isEmpty()) {
            throw new RulesSyntaxException(line, Problem.of("rules.chain-not-empty", chain));
        }
        chains.remove(chain);
    }

    /** {@code -D CHAIN N} or {@code -D CHAIN RULE}: the rule must exist, as iptables insists. */
    void delete(SourceLine line, String chain, int position, IptRule rule) {
        ChainRules rules = existing(line, chain).rules;
        if (rule == null) {
            if (position > rules.size()) {
                throw new RulesSyntaxException(line, Problem.of("rules.no-rule-number", chain, position));
            }
            removed(line, chain, rules.remove(position - 1));
            return;
        }
        int found = rules.indexOf(rule);
        if (found >= 0) {
            removed(line, chain, rules.remove(found));
            return;
        }
        throw new RulesSyntaxException(line, Problem.of("rules.no-rule-to-delete", chain));
    }

    private ChainDraft existing(SourceLine line, String chain) {
        ChainDraft draft = chains.get(chain);
        if (draft == null) {
            throw new RulesSyntaxException(line, Problem.of("rules.no-such-chain", chain, name.saveName()));
        }
        return draft;
    }

    IptTable build() {
        List<IptChain> ordered = new ArrayList<>();
        for (String builtin : name.builtinChains()) {
            ChainDraft draft = chains.get(builtin);
            if (draft != null) {
                ordered.add(chain(draft));
            }
        }
        List<ChainDraft> user = new ArrayList<>();
        for (ChainDraft draft : chains.values()) {
            if (draft.policy == null) {
                user.add(draft);
            }
        }
        user.sort(null);
        for (ChainDraft draft : user) {
            ordered.add(chain(draft));
        }
        IptTable table = new IptTable(name, ordered);
        ChainGraph graph = ChainGraph.jumpsOf(table);
        if (backend == Backend.NFT) {
            NftJumpLimit.check(jumps, name::isBuiltin); // before the loop check: nf_tables refuses a loop as too deep
        }
        TableChecks.checkHooks(table, graph.walked());
        return table;
    }

    private static IptChain chain(ChainDraft draft) {
        return new IptChain(draft.name, draft.policy, draft.counters, draft.rules.list(), draft.declaredAt);
    }
}
