package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.netfilter.nft.NftChain;
import io.netfilterflow.netfilter.nft.NftRule;
import io.netfilterflow.netfilter.nft.NftRuleset;
import io.netfilterflow.netfilter.nft.NftTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A native ruleset as the simulator runs it: every chain's rules compiled into expressions, by table and
 * chain. Compiling refuses, with its line, the first thing that is not modelled.
 */
public final class NftProgram {

    public static final NftProgram EMPTY = new NftProgram(NftRuleset.EMPTY, Map.of());

    private final NftRuleset ruleset;
    private final Map<NftTable, Map<String, List<NftCompiledRule>>> chains;

    private NftProgram(NftRuleset ruleset, Map<NftTable, Map<String, List<NftCompiledRule>>> chains) {
        this.ruleset = ruleset;
        this.chains = chains;
    }

    public static NftProgram of(NftRuleset ruleset) {
        Map<NftTable, Map<String, List<NftCompiledRule>>> chains = new HashMap<>();
        for (NftTable table : ruleset.tables()) {
            if (!runsIpv4(table)) {
                continue; // ip6, arp and netdev tables never see the IPv4 packets simulated
            }
            NftRuleCompiler compiler = new NftRuleCompiler(table.family(), new NftSets(table));
            Map<String, List<NftCompiledRule>> byName = new HashMap<>();
            for (NftChain chain : table.chains()) {
                List<NftCompiledRule> rules = new ArrayList<>(chain.rules().size());
                for (NftRule rule : chain.rules()) {
                    rules.add(compiler.compile(rule));
                }
                byName.put(chain.name(), List.copyOf(rules));
            }
            NftChainValidation.check(table, byName);
            chains.put(table, Map.copyOf(byName));
        }
        return new NftProgram(ruleset, Map.copyOf(chains));
    }

    /** Whether the table's chains see IPv4 packets: the ip, inet and bridge families. */
    public static boolean runsIpv4(NftTable table) {
        return switch (table.family()) {
            case IP, INET, BRIDGE -> true;
            default -> false;
        };
    }

    public NftRuleset ruleset() {
        return ruleset;
    }

    /** The compiled rules of a chain of a table of this ruleset. */
    public List<NftCompiledRule> rules(NftTable table, String chain) {
        return chains.get(table).get(chain);
    }

    public boolean isEmpty() {
        return ruleset.tables().isEmpty();
    }

    /** Whether any rule draws a random number among several (a kernel replay cannot follow it). */
    public boolean drawsAtRandom() {
        for (Map<String, List<NftCompiledRule>> table : chains.values()) {
            for (List<NftCompiledRule> rules : table.values()) {
                for (NftCompiledRule rule : rules) {
                    for (NftExpr expr : rule.exprs()) {
                        if (random(expr)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static boolean random(NftExpr expr) {
        return key(expr) instanceof NftNumgen numgen && numgen.drawsAtRandom();
    }

    /** Whether a rule needs conntrack: a ct key or statement, or a NAT statement. */
    public boolean usesConntrack() {
        for (NftTable table : ruleset.tables()) {
            for (NftChain chain : runsIpv4(table) ? table.chains() : List.<NftChain>of()) {
                if (chain.isBase() && chain.base().type() == io.netfilterflow.netfilter.nft.NftChainType.NAT) {
                    return true;
                }
            }
        }
        for (Map<String, List<NftCompiledRule>> table : chains.values()) {
            for (List<NftCompiledRule> rules : table.values()) {
                for (NftCompiledRule rule : rules) {
                    if (rule.exprs().stream().anyMatch(NftProgram::conntrack)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean conntrack(NftExpr expr) {
        if (expr instanceof NftExpr.SetMark mark) {
            return mark.ct() || ct(mark.value());
        }
        if (expr instanceof NftExpr.Action action) {
            return action.statement().equals("notrack");
        }
        NftSelector key = key(expr);
        return key != null && ct(key);
    }

    /** The expression a match, lookup or verdict map loads; null for statements and verdicts. */
    private static NftSelector key(NftExpr expr) {
        if (expr instanceof NftExpr.Cmp cmp) {
            return cmp.left();
        }
        if (expr instanceof NftExpr.Lookup lookup) {
            return lookup.key();
        }
        if (expr instanceof NftExpr.NatMap map) {
            return map.key();
        }
        return expr instanceof NftExpr.VerdictMap map ? map.key() : null;
    }

    private static boolean ct(NftSelector selector) {
        if (selector instanceof NftField field) {
            return field.name().startsWith("CT_");
        }
        if (selector instanceof NftConcat concat) {
            return concat.selectors().stream().anyMatch(NftProgram::ct);
        }
        return selector instanceof NftBitwise bitwise && ct(bitwise.of());
    }
}
