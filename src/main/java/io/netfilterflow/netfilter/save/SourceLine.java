package io.netfilterflow.netfilter.save;

import java.util.function.Consumer;

/** One line of the user's input, kept with every rule so that any later message can point at it. */
public record SourceLine(int number, String text) {

    public SourceLine {
        if (number < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
        text = text == null ? "" : text;
    }

    /** Hands each line of a text to the reader, numbered from 1; returns how many there were. */
    public static int forEach(String text, Consumer<SourceLine> reader) {
        int number = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            reader.accept(new SourceLine(++number, text.substring(start, end)));
            start = end + 1;
        }
        return number;
    }
}
