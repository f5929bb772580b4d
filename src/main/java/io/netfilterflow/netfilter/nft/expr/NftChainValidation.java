package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.netfilter.nft.NftChain;
import io.netfilterflow.netfilter.nft.NftTable;
import io.netfilterflow.netfilter.nft.NftVerdict;
import io.netfilterflow.netfilter.save.JumpLevels;
import io.netfilterflow.netfilter.save.NftJumpLimit;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code nft_chain_validate} for a native table: every jump and goto, the verdicts of verdict maps included,
 * names a chain of the table, and walking from each base chain no chain is entered
 * {@value NftJumpLimit#NFT_JUMP_STACK_SIZE} levels deep and no loop is reached, as {@code nft -f} refuses
 * otherwise ("Too many links", "No such file or directory"). The rule named is one that makes the walk.
 */
final class NftChainValidation {

    private record Jump(String from, String to, int line) {
    }

    private NftChainValidation() {
    }

    static void check(NftTable table, Map<String, List<NftCompiledRule>> compiled) {
        Set<String> names = new HashSet<>();
        table.chains().forEach(chain -> names.add(chain.name()));
        List<Jump> jumps = new ArrayList<>();
        for (NftChain chain : table.chains()) {
            for (NftCompiledRule rule : compiled.get(chain.name())) {
                for (NftVerdict verdict : verdicts(rule)) {
                    if (verdict.chain() == null) {
                        continue;
                    }
                    if (!names.contains(verdict.chain())) {
                        throw new RulesSyntaxException(rule.source().line(), Problem.of("rules.nft-no-such-chain",
                                verdict.chain(), table.family().nftName() + " " + table.name()));
                    }
                    jumps.add(new Jump(chain.name(), verdict.chain(), rule.source().line()));
                }
            }
        }
        if (walk(table, jumps, jumps.size()) == null) {
            return;
        }
        // nft -f names the first rule, in the order written, whose addition makes a walk fail
        jumps.sort(java.util.Comparator.comparingInt(Jump::line));
        JumpLevels levels = levels(table);
        for (Jump jump : jumps) {
            levels.link(jump.from(), jump.to(), 1);
            List<String> walk = levels.deepest();
            if (walk != null) {
                throw refusal(walk, jump.line());
            }
        }
    }

    private static List<String> walk(NftTable table, List<Jump> jumps, int count) {
        JumpLevels levels = levels(table);
        jumps.subList(0, count).forEach(jump -> levels.link(jump.from(), jump.to(), 1));
        return levels.deepest();
    }

    private static JumpLevels levels(NftTable table) {
        JumpLevels levels = new JumpLevels();
        table.chains().forEach(chain -> levels.chain(chain.name(), chain.isBase()));
        return levels;
    }

    private static List<NftVerdict> verdicts(NftCompiledRule rule) {
        List<NftVerdict> verdicts = new ArrayList<>();
        for (NftExpr expr : rule.exprs()) {
            if (expr instanceof NftExpr.Immediate immediate) {
                verdicts.add(immediate.verdict());
            } else if (expr instanceof NftExpr.VerdictMap map) {
                map.elements().data().forEach(data -> verdicts.add((NftVerdict) data));
            }
        }
        return verdicts;
    }

    private static RulesSyntaxException refusal(List<String> walk, int line) {
        String entered = walk.get(walk.size() - 1);
        int again = walk.subList(0, walk.size() - 1).lastIndexOf(entered);
        return new RulesSyntaxException(line, again >= 0
                ? Problem.of("rules.nft-jump-loop", String.join(" -> ", walk.subList(again, walk.size())))
                : Problem.of("rules.nft-jump-too-deep", String.join(" -> ", walk), entered, walk.size() - 1,
                        NftJumpLimit.NFT_JUMP_STACK_SIZE));
    }
}
