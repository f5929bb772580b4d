package io.netfilterflow.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Why input is refused, as data: a message key of the {@code problems} bundles and its arguments ({@code {0}},
 * {@code {1}} …), each a value as the user wrote it or as the tools print it, or a problem of its own (the
 * reason a value inside an option is wrong). Rendered in the reader's language by {@link ProblemText}.
 */
public record Problem(String key, List<Object> args) {

    public Problem {
        args = List.copyOf(args);
        for (Object arg : args) {
            if (!(arg instanceof String) && !(arg instanceof Problem)) {
                throw new IllegalArgumentException("a problem's argument is a string or a problem, not " + arg);
            }
        }
    }

    /** A problem with its arguments in order; a problem stays a phrase, anything else is printed. */
    public static Problem of(String key, Object... args) {
        List<Object> values = new ArrayList<>(args.length);
        for (Object arg : args) {
            values.add(arg instanceof Problem problem ? problem : String.valueOf(arg));
        }
        return new Problem(key, values);
    }

    /**
     * The problem an exception carries; an exception of the JDK (a number out of range) keeps its own words,
     * as {@code text}.
     */
    public static Problem of(Throwable e) {
        return e instanceof Refusal refusal ? refusal.problem() : of("text", String.valueOf(e.getMessage()));
    }

    /** The English sentence, for logs, the command line and exception messages. */
    @Override
    public String toString() {
        return ProblemText.ENGLISH.render(this);
    }
}
