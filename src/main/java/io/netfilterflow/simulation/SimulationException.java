package io.netfilterflow.simulation;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.Refusal;

/**
 * The simulation cannot go on: a rule cannot be evaluated. Names the input ({@code iptables},
 * {@code ebtables}) and the line in it. {@link BudgetExceeded} is the one kind that names a budget.
 */
public class SimulationException extends RuntimeException implements Refusal {

    private final String input;
    private final int line;
    private final transient Problem problem;

    public SimulationException(String input, int line, Problem problem) {
        super(problem.toString());
        this.input = input;
        this.line = line;
        this.problem = problem;
    }


    @Override
    public Problem problem() {
        return problem;
    }

    public String input() {
        return input;
    }

    public int line() {
        return line;
    }
}
