package io.netfilterflow.problem;

/**
 * A value that does not parse ({@code '70000' is not a port number}): an {@link IllegalArgumentException}, as
 * parsers throw, that carries its problem so the caller can quote it in the reader's language.
 */
public final class InvalidValue extends IllegalArgumentException implements Refusal {

    private final transient Problem problem;

    public InvalidValue(String key, Object... args) {
        this(Problem.of(key, args));
    }

    public InvalidValue(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
