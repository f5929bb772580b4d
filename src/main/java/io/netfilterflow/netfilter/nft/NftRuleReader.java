package io.netfilterflow.netfilter.nft;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.List;

/**
 * Makes an {@link NftRule} of a chain's statement: its verdict outside braces ({@code accept}, {@code drop},
 * {@code continue}, {@code return}, {@code jump X}, {@code goto X}, {@code queue ...}) and its
 * {@code comment "..."}. A rule with {@code xt match} or {@code xt target} (iptables-nft's compatibility
 * statements) is refused: its table belongs in iptables-save text.
 */
final class NftRuleReader {

    private NftRuleReader() {
    }

    static NftRule rule(NftStatement statement, String source) {
        List<NftToken> tokens = statement.tokens();
        NftVerdict verdict = null;
        String comment = null;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            NftToken token = tokens.get(i);
            if (token.is(NftToken.Kind.OPEN)) {
                depth++;
            } else if (token.is(NftToken.Kind.CLOSE)) {
                depth--;
            } else if (depth == 0 && token.is(NftToken.Kind.WORD) && mayMatter(token, source)) {
                // only the few words that can be these are cut out of the text: a rule has many tokens
                String word = token.text(source);
                String following = statement.word(source, i + 1);
                if (word.equals("xt") && (following.equals("match") || following.equals("target"))) {
                    throw new RulesSyntaxException(token.line(), Problem.of("rules.nft-xt-statement",
                            following, statement.word(source, i + 2)));
                }
                if (word.equals("comment") && i + 1 < tokens.size() && tokens.get(i + 1).is(NftToken.Kind.STRING)) {
                    comment = unquote(following);
                }
                NftVerdict found = verdict(word, i + 1 < tokens.size() ? tokens.get(i + 1) : null, source,
                        statement.line());
                verdict = found != null ? found : verdict;
            }
        }
        return new NftRule(statement.line(), statement.handle(), statement.text(source, 0),
                statement.words(source, 0), verdict, comment);
    }

    /** Whether a word may be a verdict, {@code xt} or {@code comment}: two to eight letters, starting as one does. */
    private static boolean mayMatter(NftToken token, String source) {
        int length = token.end() - token.start();
        if (length < 2 || length > 8) {
            return false;
        }
        return switch (source.charAt(token.start())) {
            case 'a', 'd', 'c', 'r', 'q', 'j', 'g', 'x' -> true;
            default -> false;
        };
    }

    private static NftVerdict verdict(String word, NftToken next, String source, int line) {
        return switch (word) {
            case "accept" -> new NftVerdict(NftVerdict.Kind.ACCEPT, null);
            case "drop" -> new NftVerdict(NftVerdict.Kind.DROP, null);
            case "continue" -> new NftVerdict(NftVerdict.Kind.CONTINUE, null);
            case "return" -> new NftVerdict(NftVerdict.Kind.RETURN, null);
            case "queue" -> new NftVerdict(NftVerdict.Kind.QUEUE, null);
            case "jump", "goto" -> {
                if (next == null || !(next.is(NftToken.Kind.WORD) || next.is(NftToken.Kind.STRING))) {
                    throw new RulesSyntaxException(line,
                            Problem.of("rules.nft-expected", Problem.of("rules.nft-chain-after", word),
                                    next == null ? Problem.of("rules.nft-end-of-line") : next.text(source)));
                }
                yield new NftVerdict(word.equals("jump") ? NftVerdict.Kind.JUMP : NftVerdict.Kind.GOTO,
                        unquote(next.text(source)));
            }
            default -> null;
        };
    }

    static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
