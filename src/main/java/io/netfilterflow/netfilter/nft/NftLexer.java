package io.netfilterflow.netfilter.nft;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;

/**
 * Splits {@code nft} text into tokens one at a time, as nft's {@code scanner.l} does for what
 * {@code nft list ruleset} prints: words, double-quoted strings, braces, semicolons, commas, newlines and
 * {@code #} comments (which carry {@code # handle N}). A backslash before a newline joins the lines. Each call
 * moves forward by at least one character, so reading any text ends after at most its length in tokens.
 */
final class NftLexer {

    private final String text;
    private int pos;
    private int line = 1;
    private NftToken peeked;

    NftLexer(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    NftToken peek() {
        if (peeked == null) {
            peeked = scan();
        }
        return peeked;
    }

    NftToken next() {
        NftToken token = peek();
        peeked = null;
        return token;
    }

    private NftToken scan() {
        skipBlanks();
        if (pos >= text.length()) {
            return new NftToken(NftToken.Kind.END, pos, pos, line);
        }
        int start = pos;
        char c = text.charAt(pos++);
        return switch (c) {
            case '\n' -> new NftToken(NftToken.Kind.NEWLINE, start, pos, line++);
            case '{' -> new NftToken(NftToken.Kind.OPEN, start, pos, line);
            case '}' -> new NftToken(NftToken.Kind.CLOSE, start, pos, line);
            case ';' -> new NftToken(NftToken.Kind.SEMICOLON, start, pos, line);
            case ',' -> new NftToken(NftToken.Kind.COMMA, start, pos, line);
            case '#' -> comment(start);
            case '"' -> string(start);
            default -> word(start);
        };
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else {
                return;
            }
        }
    }

    private NftToken comment(int start) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
        return new NftToken(NftToken.Kind.COMMENT, start, pos, line);
    }

    private NftToken string(int start) {
        while (pos < text.length() && text.charAt(pos) != '"') {
            if (text.charAt(pos) == '\n') {
                throw new RulesSyntaxException(line, Problem.of("rules.unterminated-double-quote"));
            }
            pos++;
        }
        if (pos >= text.length()) {
            throw new RulesSyntaxException(line, Problem.of("rules.unterminated-double-quote"));
        }
        pos++;
        return new NftToken(NftToken.Kind.STRING, start, pos, line);
    }

    private NftToken word(int start) {
        while (pos < text.length() && !endsWord(text.charAt(pos))) {
            pos++;
        }
        return new NftToken(NftToken.Kind.WORD, start, pos, line);
    }

    private static boolean endsWord(char c) {
        return switch (c) {
            case ' ', '\t', '\r', '\n', '{', '}', ';', ',', '#', '"' -> true;
            default -> false;
        };
    }
}
