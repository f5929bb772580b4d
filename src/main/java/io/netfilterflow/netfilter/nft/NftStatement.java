package io.netfilterflow.netfilter.nft;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a block as read by {@link NftBlockReader}: its tokens at any brace depth (newlines inside
 * braces are gone, as nft joins those lines), the line it starts on and the handle of its {@code # handle N}
 * comment, or null.
 */
record NftStatement(List<NftToken> tokens, int line, Long handle) {

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    String word(String source, int index) {
        return index < tokens.size() ? tokens.get(index).text(source) : "";
    }

    /** The words from {@code from} on, braces and commas included. */
    List<String> words(String source, int from) {
        List<String> words = new ArrayList<>(Math.max(0, tokens.size() - from));
        for (int i = from; i < tokens.size(); i++) {
            words.add(tokens.get(i).text(source));
        }
        return words;
    }

    /** The text as written from token {@code from} on, or "" when there is none. */
    String text(String source, int from) {
        if (from >= tokens.size()) {
            return "";
        }
        return source.substring(tokens.get(from).start(), tokens.get(tokens.size() - 1).end());
    }
}
