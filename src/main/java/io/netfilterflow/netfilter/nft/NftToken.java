package io.netfilterflow.netfilter.nft;

/**
 * A word or mark of {@code nft} text, as offsets into the text (no copy until its words are asked for) with
 * the line it starts on. A {@link Kind#STRING} keeps its quotes; a {@link Kind#COMMENT} runs from {@code #}
 * to the end of its line.
 */
record NftToken(Kind kind, int start, int end, int line) {

    enum Kind { WORD, STRING, OPEN, CLOSE, SEMICOLON, COMMA, NEWLINE, COMMENT, END }

    String text(String source) {
        return source.substring(start, end);
    }

    boolean is(Kind wanted) {
        return kind == wanted;
    }

    /** Whether this token ends a statement of a block: a newline, a semicolon, a closing brace or the end. */
    boolean endsStatement() {
        return kind == Kind.NEWLINE || kind == Kind.SEMICOLON || kind == Kind.CLOSE || kind == Kind.END;
    }
}
