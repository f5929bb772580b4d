package io.netfilterflow.netfilter.save;

/** One line of the user's input, kept with every rule so that any later message can point at it. */
public record SourceLine(int number, String text) {

    public SourceLine {
        if (number < 1) {
            throw new IllegalArgumentException("line numbers start at 1");
        }
        text = text == null ? "" : text;
    }
}
