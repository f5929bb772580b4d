package io.netfilterflow.netfilter.save;

import io.netfilterflow.problem.Problem;
import java.nio.charset.StandardCharsets;
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
     * The line is scanned as bytes, each of its characters as ISO 8859-1 writes it: a short command runs this code
     * compiled by C1 alone, where a string's bytes are copied as an array is (a Latin-1 string's own) and its chars
     * are widened one by one, and a dump is mostly this scan. A character past Latin-1 becomes {@code ?}, plain as
     * it was; every character that separates, quotes or escapes is ASCII. Words are taken from the line's text.
     */
    public static List<String> split(SourceLine line, List<String> words) {
        return split(line, words, null);
    }

    /**
     * As {@link #split(SourceLine, List)}, the line scanned in {@code inputBytes}: the whole text the line is part of,
     * a byte for each character from the first ({@link #bytesOf}, or the bytes an ASCII file was read into; what
     * follows the text is not read). A parser of many lines has its text as bytes once, not a copy a line.
     */
    public static List<String> split(SourceLine line, List<String> words, byte[] inputBytes) {
        words.clear();
        String text = line.input(); // the line is a view into the whole input
        if (inputBytes != null && inputBytes.length >= text.length()) {
            return scan(line, inputBytes, line.start(), line.end(), 0, words);
        }
        int offset = line.start();
        int n = line.end() - offset;
        byte[] bytes = text.substring(offset, line.end()).getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length != n) {
            bytes = latin1(text, offset, n); // the encoder wrote one ? for a pair of surrogates
        }
        return scan(line, bytes, 0, n, offset, words);
    }

    /**
     * A text's characters as bytes for {@link #split(SourceLine, List, byte[])}, a {@code ?} for each past Latin-1;
     * null when the text has a pair of surrogates, which the encoder writes as one byte, so that its bytes would not
     * line up with its characters.
     */
    public static byte[] bytesOf(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return bytes.length == text.length() ? bytes : null;
    }

    /** The words of the line in {@code bytes[from..to)}, byte {@code i} being the text's character {@code i + shift}. */
    private static List<String> scan(SourceLine line, byte[] bytes, int from, int to, int shift, List<String> words) {
        String text = line.input();
        StringBuilder word = new StringBuilder(0); // grown only for a word with quotes or escapes inside
        boolean inWord = false;
        int i = from;
        int n = to;
        while (i < n) {
            int c = bytes[i] & 0xff;
            if (c == ' ' || c == '\t' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (!inWord && (c >= 128 || PLAIN[c])) {
                int end = plainEnd(bytes, i, n);
                if (end == n || bytes[end] == ' ' || bytes[end] == '\t') {
                    String common = CommonWords.word(bytes, i, end); // the common case: no quotes, no escapes
                    words.add(common != null ? common : text.substring(shift + i, shift + end));
                    i = end;
                    continue;
                }
                word.append(text, shift + i, shift + end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int end = inWord ? -1 : plainQuoted(bytes, i + 1, n);
                if (end > 0) {
                    words.add(text.substring(shift + i + 1, shift + end)); // "a comment": whole, without escapes
                    i = end + 1;
                    continue;
                }
                i = doubleQuoted(line, bytes, i + 1, n, shift, word);
                inWord = true;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < n && bytes[end] != '\'') {
                    end++;
                }
                if (end >= n) {
                    throw new RulesSyntaxException(line, Problem.of("rules.unterminated-single-quote"));
                }
                word.append(text, shift + i + 1, shift + end);
                i = end + 1;
                inWord = true;
            } else if (c == '\\' && i + 1 < n) {
                word.append(text.charAt(shift + i + 1));
                i += 2;
                inWord = true;
            } else {
                word.append(text.charAt(shift + i));
                i++;
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The characters one byte each, as ISO 8859-1 has them, {@code ?} for any it has not. */
    private static byte[] latin1(String text, int offset, int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(offset + i);
            bytes[i] = (byte) (c < 256 ? c : '?');
        }
        return bytes;
    }

    private static int plainEnd(byte[] bytes, int from, int n) {
        int i = from;
        while (i < n && (bytes[i] < 0 || PLAIN[bytes[i]])) {
            i++;
        }
        return i;
    }

    /** Where a quoted word that starts at {@code from} closes, when it has no escape and ends there; else -1. */
    private static int plainQuoted(byte[] bytes, int from, int n) {
        for (int i = from; i < n; i++) {
            byte c = bytes[i];
            if (c == '\\') {
                return -1;
            }
            if (c == '"') {
                return i + 1 == n || bytes[i + 1] == ' ' || bytes[i + 1] == '\t' ? i : -1;
            }
        }
        return -1;
    }

    private static int doubleQuoted(SourceLine line, byte[] bytes, int start, int n, int shift, StringBuilder word) {
        String text = line.input();
        int i = start;
        while (i < n) {
            byte c = bytes[i];
            if (c == '"') {
                return i + 1;
            }
            if (c != '\\') {
                int end = i + 1;
                while (end < n && bytes[end] != '"' && bytes[end] != '\\') {
                    end++;
                }
                word.append(text, shift + i, shift + end);
                i = end;
            } else if (i + 1 < n) {
                byte next = bytes[i + 1];
                if (next != '"' && next != '\\' && next != '\'') {
                    word.append('\\');
                }
                word.append(text.charAt(shift + i + 1));
                i += 2;
            } else {
                word.append('\\');
                i++;
            }
        }
        throw new RulesSyntaxException(line, Problem.of("rules.unterminated-double-quote"));
    }
}
