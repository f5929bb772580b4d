package io.netfilterflow.netfilter.save;

import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words as a shell (and iptables-restore's {@code add_param_to_argv}) does:
 * blanks separate words, double and single quotes group them, a backslash escapes the next
 * character. Inside double quotes {@code \"}, {@code \\} and {@code \'} stand for the character
 * itself, which is how iptables-save writes them.
 */
public final class ShellWords {

    /** The ASCII characters that neither separate words nor quote or escape: looked up, not compared six times. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            PLAIN[c] = c != ' ' && c != '\t' && c != '\r' && c != '"' && c != '\'' && c != '\\';
        }
    }

    private ShellWords() {
    }

    public static List<String> split(SourceLine line) {
        return split(line, new ArrayList<>(24));
    }

    /**
     * The words of the line in {@code words}, emptied first: a parser reading many lines reuses one list.
     * The line is copied once into an array and scanned there: a short command runs this code compiled by C1
     * alone, which calls {@code String.charAt} rather than inlining it, and a dump is mostly this scan.
     */
    public static List<String> split(SourceLine line, List<String> words) {
        words.clear();
        String text = line.input(); // the line is a view into the whole input
        int offset = line.start();
        int n = line.end() - offset;
        char[] chars = new char[n];
        text.getChars(offset, offset + n, chars, 0);
        StringBuilder word = new StringBuilder(0); // grown only for a word with quotes or escapes inside
        boolean inWord = false;
        int i = 0;
        while (i < n) {
            char c = chars[i];
            if (c == ' ' || c == '\t' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (!inWord && (c >= 128 || PLAIN[c])) {
                int end = plainEnd(chars, i, n);
                if (end == n || chars[end] == ' ' || chars[end] == '\t') {
                    String common = CommonWords.word(chars, i, end); // the common case: no quotes, no escapes
                    words.add(common != null ? common : text.substring(offset + i, offset + end));
                    i = end;
                    continue;
                }
                word.append(chars, i, end - i);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int end = inWord ? -1 : plainQuoted(chars, i + 1, n);
                if (end > 0) {
                    words.add(text.substring(offset + i + 1, offset + end)); // "a comment": whole, without escapes
                    i = end + 1;
                    continue;
                }
                i = doubleQuoted(line, chars, i + 1, n, word);
                inWord = true;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < n && chars[end] != '\'') {
                    end++;
                }
                if (end >= n) {
                    throw new RulesSyntaxException(line, Problem.of("rules.unterminated-single-quote"));
                }
                word.append(chars, i + 1, end - i - 1);
                i = end + 1;
                inWord = true;
            } else if (c == '\\' && i + 1 < n) {
                word.append(chars[i + 1]);
                i += 2;
                inWord = true;
            } else {
                word.append(c);
                i++;
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int plainEnd(char[] chars, int from, int n) {
        int i = from;
        while (i < n && (chars[i] >= 128 || PLAIN[chars[i]])) {
            i++;
        }
        return i;
    }

    /** Where a quoted word that starts at {@code from} closes, when it has no escape and ends there; else -1. */
    private static int plainQuoted(char[] chars, int from, int n) {
        for (int i = from; i < n; i++) {
            char c = chars[i];
            if (c == '\\') {
                return -1;
            }
            if (c == '"') {
                return i + 1 == n || chars[i + 1] == ' ' || chars[i + 1] == '\t' ? i : -1;
            }
        }
        return -1;
    }

    private static int doubleQuoted(SourceLine line, char[] chars, int start, int n, StringBuilder word) {
        int i = start;
        while (i < n) {
            char c = chars[i];
            if (c == '"') {
                return i + 1;
            }
            if (c != '\\') {
                int end = i + 1;
                while (end < n && chars[end] != '"' && chars[end] != '\\') {
                    end++;
                }
                word.append(chars, i, end - i);
                i = end;
            } else if (i + 1 < n) {
                char next = chars[i + 1];
                if (next != '"' && next != '\\' && next != '\'') {
                    word.append('\\');
                }
                word.append(next);
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new RulesSyntaxException(line, Problem.of("rules.unterminated-double-quote"));
    }
}
