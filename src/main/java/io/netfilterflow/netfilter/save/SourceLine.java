package io.netfilterflow.netfilter.save;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One line of the user's input, kept with every rule so that any later message can point at it.
 * A line read by {@link #forEach} is a view into the whole text rather than a copy of its own, and keeps only
 * where it starts and ends: a dump of 430k lines keeps one string, and 32 bytes a line. The end is kept, not
 * found again, because a parser asks for it several times a line.
 */
public final class SourceLine {

    /** {@link #start} of a line made from its own text, which may hold anything, newlines too. */
    private static final int WHOLE = -1;

    private final int number;
    private final String input;
    private final int start;
    private final int end;

    public SourceLine(int number, String text) {
        this(number, text == null ? "" : text, WHOLE, text == null ? 0 : text.length());
    }

    private SourceLine(int number, String input, int start, int end) {
        if (number < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
        this.number = number;
        this.input = input;
        this.start = start;
        this.end = end;
    }

    /** Hands each line of a text to the reader, numbered from 1; returns how many there were. */
    public static int forEach(String text, Consumer<SourceLine> reader) {
        return forEachBefore(text, text.length(), reader);
    }

    /**
     * Hands the reader each line from the one that starts at {@code from}, which is line {@code number}, for as long
     * as it answers true: what reads part of a text on another thread. Returns the number of the last line handed
     * over ({@code number - 1} when there was none).
     */
    public static int forEachFrom(String text, int from, int number, Predicate<SourceLine> reader) {
        int start = from;
        int length = text.length();
        while (start < length) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? length : newline;
            if (!reader.test(new SourceLine(number++, text, start, end))) {
                break;
            }
            start = end + 1;
        }
        return number - 1;
    }

    /** Hands the reader each line that starts before {@code end}, numbered from 1; returns how many there were. */
    public static int forEachBefore(String text, int end, Consumer<SourceLine> reader) {
        int number = 0;
        int start = 0;
        while (start < end) {
            int newline = text.indexOf('\n', start);
            int lineEnd = newline < 0 ? text.length() : newline;
            reader.accept(new SourceLine(++number, text, start, lineEnd));
            start = lineEnd + 1;
        }
        return number;
    }

    /** Where the line after this one starts in the text it is part of (past its end when there is none). */
    public int nextStart() {
        return end + 1;
    }

    /** Where the line after the one {@code offset} is in starts, or the text's length when there is none. */
    public static int nextLineStart(String text, int offset) {
        int newline = text.indexOf('\n', offset);
        return newline < 0 ? text.length() : newline + 1;
    }

    /** The number of the line that starts at {@code offset}. */
    public static int numberAt(String text, int offset) {
        int number = 1;
        for (int at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
            number++;
        }
        return number;
    }

    public int number() {
        return number;
    }

    public String text() {
        return start == WHOLE ? input : input.substring(start, end());
    }

    /** The text this line is part of, and where in it: what a reader scans without copying the line. */
    String input() {
        return input;
    }

    int start() {
        return start == WHOLE ? 0 : start;
    }

    int end() {
        return end;
    }

    /** The first character that is not white space, or -1 for a blank line: what a parser dispatches on. */
    public int firstVisible() {
        for (int i = start(), end = end(); i < end; i++) {
            if (!Character.isWhitespace(input.charAt(i))) {
                return input.charAt(i);
            }
        }
        return -1;
    }

    /** Whether the line, less white space around it, is this word. */
    public boolean is(String word) {
        int from = start();
        int to = end();
        while (from < to && Character.isWhitespace(input.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(input.charAt(to - 1))) {
            to--;
        }
        return to - from == word.length() && input.startsWith(word, from);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SourceLine line) || line.number != number) {
            return false;
        }
        int length = end() - start();
        return line.end() - line.start() == length && input.regionMatches(start(), line.input, line.start(), length);
    }

    @Override
    public int hashCode() {
        int hash = number;
        for (int i = start(), end = end(); i < end; i++) {
            hash = 31 * hash + input.charAt(i);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "SourceLine[number=" + number + ", text=" + text() + "]";
    }
}
