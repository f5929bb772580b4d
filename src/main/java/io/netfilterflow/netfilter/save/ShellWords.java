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

    private ShellWords() {
    }

    public static List<String> split(SourceLine line) {
        return split(line, new ArrayList<>(24));
    }

    /** The words of the line in {@code words}, emptied first: a parser reading many lines reuses one list. */
    public static List<String> split(SourceLine line, List<String> words) {
        words.clear();
        String text = line.input(); // scanned in place: the line is a view into the whole input
        StringBuilder word = new StringBuilder(0); // grown only for a word with quotes or escapes inside
        boolean inWord = false;
        int i = line.start();
        int n = line.end();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (!inWord && isPlain(c)) {
                int end = plainEnd(text, i, n);
                if (end == n || text.charAt(end) == ' ' || text.charAt(end) == '\t') {
                    words.add(CommonWords.word(text, i, end)); // the common case: no quotes, no escapes
                    i = end;
                    continue;
                }
                word.append(text, i, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int end = inWord ? -1 : plainQuoted(text, i + 1, n);
                if (end > 0) {
                    words.add(text.substring(i + 1, end)); // "a comment": the whole word, without escapes
                    i = end + 1;
                    continue;
                }
                i = doubleQuoted(line, i + 1, n, word);
                inWord = true;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0 || end >= n) {
                    throw new RulesSyntaxException(line, Problem.of("rules.unterminated-single-quote"));
                }
                word.append(text, i + 1, end);
                i = end + 1;
                inWord = true;
            } else if (c == '\\' && i + 1 < n) {
                word.append(text.charAt(i + 1));
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

    private static boolean isPlain(char c) {
        return c != ' ' && c != '\t' && c != '\r' && c != '"' && c != '\'' && c != '\\';
    }

    private static int plainEnd(String text, int from, int n) {
        int i = from;
        while (i < n && isPlain(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where a quoted word that starts at {@code from} closes, when it has no escape and ends there; else -1. */
    private static int plainQuoted(String text, int from, int n) {
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                return -1;
            }
            if (c == '"') {
                return i + 1 == n || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t' ? i : -1;
            }
        }
        return -1;
    }

    private static int doubleQuoted(SourceLine line, int start, int n, StringBuilder word) {
        String text = line.input();
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c != '\\') {
                int end = i + 1;
                while (end < n && text.charAt(end) != '"' && text.charAt(end) != '\\') {
                    end++;
                }
                word.append(text, i, end);
                i = end;
            } else if (i + 1 < n) {
                char next = text.charAt(i + 1);
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
