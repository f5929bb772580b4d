package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.InvalidValue;
import io.netfilterflow.problem.Problem;

/** The errors of one rule (or set element): its line, and what is wrong or not modelled there. */
final class NftRefusals {

    final int line;

    NftRefusals(int line) {
        this.line = line;
    }

    RulesSyntaxException notModelled(String construct) {
        return new RulesSyntaxException(line, Problem.of("rules.nft-not-modelled", construct.strip()));
    }

    /** A construct named in words of the reader's language ({@code reject in the bridge family}). */
    RulesSyntaxException notModelled(Problem construct) {
        return new RulesSyntaxException(line, Problem.of("rules.nft-not-modelled", construct));
    }

    RulesSyntaxException expected(Object what, String found) {
        return new RulesSyntaxException(line, Problem.of("rules.nft-expected", what,
                found.isEmpty() ? Problem.of("rules.nft-end-of-line") : found));
    }

    Object value(NftType type, String word) {
        try {
            return type.parse(word);
        } catch (InvalidValue e) {
            throw new RulesSyntaxException(line, e.problem());
        }
    }
}
