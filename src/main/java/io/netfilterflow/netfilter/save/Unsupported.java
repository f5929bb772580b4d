package io.netfilterflow.netfilter.save;

import java.util.List;

/**
 * A real extension this project does not model, kept with its name and its words as written so
 * the ruleset still loads and prints back; whatever would have to evaluate it refuses by name.
 */
public interface Unsupported {

    String name();

    List<String> words();

    /** What kind of extension, for messages: "iptables match", "ebtables extension", ... */
    String kind();

    /** The option that was not understood ({@code --among-dst}), or null. */
    default String option() {
        return null;
    }

    default void saveWords(RuleWriter out) {
        for (String word : words()) {
            out.word(needsQuotes(word) ? RuleWriter.quote(word) : word);
        }
    }

    /** Quotes only where a shell would split or unquote the word, so kept words print as written. */
    private static boolean needsQuotes(String word) {
        if (word.isEmpty()) {
            return true;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
