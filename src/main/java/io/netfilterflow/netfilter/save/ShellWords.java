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
        String text = line.text();
        List<String> words = new ArrayList<>(24);
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = text.length();
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
                int end = plainEnd(text, i);
                if (end == n || text.charAt(end) == ' ' || text.charAt(end) == '\t') {
                    words.add(CommonWords.word(text, i, end)); // the common case: no quotes, no escapes
                    i = end;
                    continue;
                }
                word.append(text, i, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
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

    private static int plainEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isPlain(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int doubleQuoted(SourceLine line, int start, StringBuilder word) {
        String text = line.text();
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c != '\\') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '"' && text.charAt(end) != '\\') {
                    end++;
                }
                word.append(text, i, end);
                i = end;
            } else if (i + 1 < text.length()) {
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
