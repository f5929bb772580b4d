package io.netfilterflow.netfilter.nft;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.HashSet;
import java.util.Set;

/**
 * Every {@code jump} and {@code goto} of a table names a chain of the same table, as nft refuses otherwise
 * ("Could not process rule: No such file or directory"). Targets inside verdict maps are checked when the
 * maps are read as data, in a later increment.
 */
final class NftJumps {

    private NftJumps() {
    }

    static void checkTargets(NftTable table) {
        Set<String> names = new HashSet<>();
        table.chains().forEach(chain -> names.add(chain.name()));
        for (NftChain chain : table.chains()) {
            for (NftRule rule : chain.rules()) {
                NftVerdict verdict = rule.verdict();
                if (verdict != null && verdict.chain() != null && !names.contains(verdict.chain())) {
                    throw new RulesSyntaxException(rule.line(), Problem.of("rules.nft-no-such-chain",
                            verdict.chain(), table.family() + " " + table.name()));
                }
            }
        }
    }
}
