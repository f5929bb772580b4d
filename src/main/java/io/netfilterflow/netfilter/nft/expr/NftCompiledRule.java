package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.netfilter.nft.NftRule;
import java.util.List;

/** A rule as the kernel runs it: its expressions in order, beside the rule as nft printed it. */
public record NftCompiledRule(NftRule source, List<NftExpr> exprs) {

    public NftCompiledRule {
        exprs = List.copyOf(exprs);
    }
}
