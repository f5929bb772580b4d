package io.netfilterflow.netfilter.nft.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over a rule's words as the reader split them (braces and commas are words of their own); parentheses
 * glued to a word ({@code (syn}) are split off here, since only bitwise masks use them.
 */
final class NftWords {

    private final List<String> words;
    private int pos;

    NftWords(List<String> raw) {
        this.words = hasParentheses(raw) ? split(raw) : raw;
    }

    private static boolean hasParentheses(List<String> raw) {
        for (String word : raw) {
            if (!word.isEmpty() && (word.charAt(0) == '(' || word.charAt(word.length() - 1) == ')')) {
                return true;
            }
        }
        return false;
    }

    private static List<String> split(List<String> raw) {
        List<String> split = new ArrayList<>(raw.size() + 4);
        for (String word : raw) {
            if (word.startsWith("\"")) {
                split.add(word);
                continue;
            }
            int start = 0;
            int end = word.length();
            while (start < end && word.charAt(start) == '(') {
                split.add("(");
                start++;
            }
            int closing = 0;
            while (end > start && word.charAt(end - 1) == ')') {
                closing++;
                end--;
            }
            if (end > start) {
                split.add(word.substring(start, end));
            }
            for (int i = 0; i < closing; i++) {
                split.add(")");
            }
        }
        return split;
    }

    /** Words of an element as written: split at blanks outside double quotes. */
    static List<String> ofText(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    boolean atEnd() {
        return pos >= words.size();
    }

    String peek() {
        return pos < words.size() ? words.get(pos) : "";
    }

    String peek(int ahead) {
        return pos + ahead < words.size() ? words.get(pos + ahead) : "";
    }

    String next() {
        return pos < words.size() ? words.get(pos++) : "";
    }

    boolean take(String word) {
        if (peek().equals(word)) {
            pos++;
            return true;
        }
        return false;
    }

    int position() {
        return pos;
    }

    void reset(int position) {
        pos = position;
    }
}
