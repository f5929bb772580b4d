package io.netfilterflow.netfilter.ipv4.save;

import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.ipv4.ChainGraph;
import io.netfilterflow.netfilter.ipv4.HookRestrictions;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import io.netfilterflow.netfilter.xtables.target.StandardTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects one {@code *table ... COMMIT} section and checks it as the kernel checks a table it loads. */
final class TableBuilder {

    /** A chain being filled. */
    private static final class ChainDraft {
        final String name;
        final StandardTarget policy;
        final Counters counters;
        final SourceLine declaredAt;
        final List<IptRule> rules = new ArrayList<>();

        ChainDraft(String name, StandardTarget policy, Counters counters, SourceLine declaredAt) {
            this.name = name;
            this.policy = policy;
            this.counters = counters;
            this.declaredAt = declaredAt;
        }
    }

    private static final int MAX_CHAIN_NAME = 28; // XT_EXTENSION_MAXNAMELEN less the NUL, as iptables checks

    private final IptTableName name;
    private final Map<String, ChainDraft> chains = new LinkedHashMap<>();

    TableBuilder(IptTableName name) {
        this.name = name;
    }

    IptTableName name() {
        return name;
    }

    void declare(SourceLine line, String chain, String policyWord, Counters counters) {
        if (chains.containsKey(chain)) {
            throw new RulesSyntaxException(line, "chain " + chain + " declared twice in table " + name.saveName());
        }
        StandardTarget policy = null;
        if (name.isBuiltin(chain)) {
            policy = StandardTarget.byName(policyWord);
            if (policy != StandardTarget.ACCEPT && policy != StandardTarget.DROP) {
                throw new RulesSyntaxException(line, "policy of built-in chain " + chain
                        + " must be ACCEPT or DROP, not '" + policyWord + "'");
            }
        } else {
            checkUserChainName(line, chain);
            if (!policyWord.equals("-")) {
                throw new RulesSyntaxException(line, "user chain " + chain + " cannot have a policy ('"
                        + policyWord + "'); write '-'");
            }
        }
        chains.put(chain, new ChainDraft(chain, policy, counters, line));
    }

    private void checkUserChainName(SourceLine line, String chain) {
        if (chain.length() > MAX_CHAIN_NAME) {
            throw new RulesSyntaxException(line, "chain name '" + chain + "' is longer than 28 characters");
        }
        if (chain.startsWith("-") || StandardTarget.byName(chain) != null) {
            throw new RulesSyntaxException(line, "'" + chain + "' cannot be a chain name");
        }
    }

    /** Adds a rule at the end, or at a 1-based position for {@code -I}. */
    void add(SourceLine line, String chain, IptRule rule, int position) {
        if (rule.header().outInterface() != null && (chain.equals("PREROUTING") || chain.equals("INPUT"))) {
            throw new RulesSyntaxException(line, "can't use -o with " + chain + " (no output device is known yet)");
        }
        if (rule.header().inInterface() != null && (chain.equals("POSTROUTING") || chain.equals("OUTPUT"))) {
            throw new RulesSyntaxException(line, "can't use -i with " + chain + " (a local packet has no input device)");
        }
        ChainDraft draft = chains.get(chain);
        if (draft == null && name.isBuiltin(chain)) {
            draft = new ChainDraft(chain, StandardTarget.ACCEPT, null, line); // the kernel always has it
            chains.put(chain, draft);
        }
        if (draft == null) {
            throw new RulesSyntaxException(line, "chain " + chain + " does not exist in table " + name.saveName()
                    + " (declare it with ':" + chain + " - [0:0]')");
        }
        if (position < 0) {
            draft.rules.add(rule);
        } else if (position - 1 > draft.rules.size()) {
            throw new RulesSyntaxException(line, "index " + position + " is past the end of chain " + chain);
        } else {
            draft.rules.add(position - 1, rule);
        }
    }

    void newChain(SourceLine line, String chain) {
        declare(line, chain, "-", null);
    }

    IptTable build() {
        List<IptChain> ordered = new ArrayList<>();
        for (String builtin : name.builtinChains()) {
            ChainDraft draft = chains.get(builtin);
            if (draft != null) {
                ordered.add(chain(draft));
            }
        }
        chains.values().stream().filter(draft -> draft.policy == null)
                .sorted(Comparator.comparing(draft -> draft.name))
                .forEach(draft -> ordered.add(chain(draft)));
        checkJumps(ordered);
        IptTable table = new IptTable(name, ordered);
        checkHooks(table, ChainGraph.of(table));
        return table;
    }

    private static IptChain chain(ChainDraft draft) {
        return new IptChain(draft.name, draft.policy, draft.counters, draft.rules, draft.declaredAt);
    }

    private void checkJumps(List<IptChain> ordered) {
        for (IptChain chain : ordered) {
            for (IptRule rule : chain.rules()) {
                if (rule.target() instanceof ChainJump jump) {
                    ChainDraft callee = chains.get(jump.chain());
                    if (callee == null) {
                        throw new RulesSyntaxException(rule.source(), "'" + jump.chain()
                                + "' is neither a supported target nor a chain of table " + name.saveName());
                    }
                    if (callee.policy != null) {
                        throw new RulesSyntaxException(rule.source(), "cannot jump to built-in chain " + jump.chain());
                    }
                }
            }
        }
    }

    private void checkHooks(IptTable table, ChainGraph graph) {
        for (int i = 0; i < table.chains().size(); i++) {
            IptChain chain = table.chains().get(i);
            Set<String> bases = null;
            for (IptRule rule : chain.rules()) {
                if (!restricted(rule)) {
                    continue;
                }
                bases = bases != null ? bases : graph.basesOf(i);
                if (rule.target() != null) {
                    check(rule, "target", rule.target().name(), HookRestrictions.forTarget(rule.target().name()), bases);
                }
                for (XtMatch match : rule.matches()) {
                    check(rule, "match", match.name(), HookRestrictions.forMatch(match.name()), bases);
                }
            }
        }
    }

    private static boolean restricted(IptRule rule) {
        if (rule.target() != null && HookRestrictions.forTarget(rule.target().name()) != null) {
            return true;
        }
        for (XtMatch match : rule.matches()) {
            if (HookRestrictions.forMatch(match.name()) != null) {
                return true;
            }
        }
        return false;
    }

    private void check(IptRule rule, String kind, String extension, HookRestrictions.Restriction restriction,
                       Set<String> bases) {
        if (restriction == null) {
            return;
        }
        if (!restriction.tables().isEmpty() && !restriction.tables().contains(name)) {
            throw new RulesSyntaxException(rule.source(), extension + " " + kind + ": only valid in the "
                    + restriction.tables().stream().map(IptTableName::saveName).sorted()
                    .collect(java.util.stream.Collectors.joining(" or ")) + " table, not " + name.saveName());
        }
        for (String base : bases) {
            if (!restriction.hooks().isEmpty() && !restriction.hooks().contains(base)) {
                throw new RulesSyntaxException(rule.source(), extension + " " + kind + ": used from " + base
                        + ", but only usable from " + String.join("/", sortedHooks(restriction.hooks())));
            }
        }
    }

    private List<String> sortedHooks(Set<String> hooks) {
        List<String> order = List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING");
        return order.stream().filter(hooks::contains).toList();
    }
}
