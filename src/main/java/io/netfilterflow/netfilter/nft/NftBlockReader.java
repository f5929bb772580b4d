package io.netfilterflow.netfilter.nft;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the statements of a block: up to a newline, a semicolon or a {@code #} comment outside braces, with
 * the braces of anonymous sets and {@code elements = { ... }} counted (newlines inside them join lines).
 * Budgets: braces nest at most {@link #MAX_DEPTH} deep, a statement has at most {@link #MAX_STATEMENT_TOKENS}
 * tokens, the whole text at most {@link #MAX_TOKENS} and at most {@link #MAX_RULES} rules, so hostile input
 * is refused early, not held (a rule of one word costs more than its two bytes of text).
 */
final class NftBlockReader {

    static final int MAX_DEPTH = 16;
    static final int MAX_STATEMENT_TOKENS = 500_000;
    static final int MAX_TOKENS = 2_000_000;
    static final int MAX_RULES = 200_000;

    private static final Pattern HANDLE = Pattern.compile("#\\s*handle (\\d{1,18})\\s*");

    private final NftLexer lexer;
    private int tokens;
    private int rules;

    NftBlockReader(NftLexer lexer) {
        this.lexer = lexer;
    }

    String source() {
        return lexer.text();
    }

    NftToken peek() {
        return lexer.peek();
    }

    NftToken next() {
        if (++tokens > MAX_TOKENS) {
            throw new RulesSyntaxException(lexer.peek().line(), Problem.of("rules.nft-too-large", MAX_TOKENS));
        }
        return lexer.next();
    }

    /** Counts a rule read at {@code line} against {@link #MAX_RULES}. */
    void countRule(int line) {
        if (++rules > MAX_RULES) {
            throw new RulesSyntaxException(line, Problem.of("rules.nft-too-many-rules", MAX_RULES));
        }
    }

    /** Skips newlines, semicolons and comments between statements; returns the comments' handle, or null. */
    Long skipBlank() {
        Long handle = null;
        while (true) {
            NftToken token = peek();
            if (token.is(NftToken.Kind.COMMENT)) {
                handle = handle(next());
            } else if (token.is(NftToken.Kind.NEWLINE) || token.is(NftToken.Kind.SEMICOLON)) {
                next();
            } else {
                return handle;
            }
        }
    }

    /** The next statement, leaving a closing brace or the end of the text to the caller; empty at either. */
    NftStatement statement() {
        skipBlank();
        List<NftToken> words = new ArrayList<>();
        int line = peek().line();
        int depth = 0;
        while (true) {
            NftToken token = peek();
            if (depth == 0 && token.endsStatement()) {
                if (!token.is(NftToken.Kind.CLOSE) && !token.is(NftToken.Kind.END)) {
                    next();
                }
                return new NftStatement(words, line, null);
            }
            if (depth == 0 && token.is(NftToken.Kind.COMMENT)) {
                return new NftStatement(words, line, handle(next()));
            }
            next();
            switch (token.kind()) {
                case END -> throw new RulesSyntaxException(token.line(), Problem.of("rules.nft-unclosed-brace"));
                case NEWLINE, COMMENT -> {
                    continue;
                }
                case OPEN -> {
                    if (++depth > MAX_DEPTH) {
                        throw new RulesSyntaxException(token.line(), Problem.of("rules.nft-too-deep", MAX_DEPTH));
                    }
                }
                case CLOSE -> depth--;
                default -> {
                }
            }
            if (words.size() == MAX_STATEMENT_TOKENS) {
                throw new RulesSyntaxException(line, Problem.of("rules.nft-statement-too-long", MAX_STATEMENT_TOKENS));
            }
            words.add(token);
        }
    }

    /** Reads a word or a quoted name (without its quotes), or refuses with what was expected. */
    String name(String expected) {
        NftToken token = peek();
        if (!token.is(NftToken.Kind.WORD) && !token.is(NftToken.Kind.STRING)) {
            throw expected(expected, token);
        }
        next();
        String text = token.text(source());
        return token.is(NftToken.Kind.STRING) ? text.substring(1, text.length() - 1) : text;
    }

    /** Reads an opening brace and the comment after it; returns the comment's handle, or null. */
    Long open() {
        NftToken token = peek();
        if (!token.is(NftToken.Kind.OPEN)) {
            throw expected("'{'", token);
        }
        next();
        return peek().is(NftToken.Kind.COMMENT) ? handle(next()) : null;
    }

    RulesSyntaxException expected(Object what, NftToken found) {
        Object text = found.is(NftToken.Kind.END) ? Problem.of("rules.nft-end-of-input")
                : found.is(NftToken.Kind.NEWLINE) ? Problem.of("rules.nft-end-of-line") : found.text(source());
        return new RulesSyntaxException(found.line(), Problem.of("rules.nft-expected", what, text));
    }

    private Long handle(NftToken comment) {
        Matcher m = HANDLE.matcher(comment.text(source()));
        return m.matches() ? Long.valueOf(m.group(1)) : null;
    }
}
