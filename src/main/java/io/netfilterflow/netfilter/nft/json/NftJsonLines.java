package io.netfilterflow.netfilter.nft.json;

import io.netfilterflow.netfilter.nft.NftChain;
import io.netfilterflow.netfilter.nft.NftRule;
import io.netfilterflow.netfilter.nft.NftRuleset;
import io.netfilterflow.netfilter.nft.NftSet;
import io.netfilterflow.netfilter.nft.NftTable;
import java.util.function.IntUnaryOperator;

/** Gives every table, set, chain and rule of a ruleset read from written text the line of its JSON object. */
final class NftJsonLines {

    private NftJsonLines() {
    }

    static NftRuleset renumber(NftRuleset ruleset, IntUnaryOperator line) {
        return new NftRuleset(ruleset.tables().stream().map(table -> new NftTable(table.family(), table.name(),
                line.applyAsInt(table.line()), table.handle(), table.statements(),
                table.chains().stream().map(chain -> chain(chain, line)).toList(),
                table.sets().stream().map(set -> new NftSet(set.name(), line.applyAsInt(set.line()), set.handle(),
                        set.map(), set.typeof(), set.type(), set.flags(), set.statements(), set.elements(),
                        set.elementLines())).toList())).toList());
    }

    private static NftChain chain(NftChain chain, IntUnaryOperator line) {
        return new NftChain(chain.name(), line.applyAsInt(chain.line()), chain.handle(), chain.comment(), chain.base(),
                chain.rules().stream().map(rule -> new NftRule(line.applyAsInt(rule.line()), rule.handle(), rule.text(),
                        rule.tokens(), rule.verdict(), rule.comment())).toList());
    }
}
