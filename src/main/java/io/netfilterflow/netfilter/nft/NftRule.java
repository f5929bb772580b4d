package io.netfilterflow.netfilter.nft;

import java.util.List;
import java.util.Objects;

/**
 * One rule of a chain as {@code nft list ruleset} prints it: its line, its handle when printed with
 * {@code -a} (null otherwise), its text, its words (an anonymous set's braces and commas are words of their
 * own), its verdict statement outside any braces (null when it has none, as with a verdict map), and its
 * {@code comment} (null when none). The statements are not yet expressions: the simulator reads them in a
 * later increment.
 */
public record NftRule(int line, Long handle, String text, List<String> tokens, NftVerdict verdict, String comment) {

    public NftRule {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
        Objects.requireNonNull(text, "text");
        tokens = List.copyOf(tokens);
    }
}
