package io.netfilterflow.simulation;

/**
 * The simulation cannot go on: a rule cannot be evaluated. Names the input ({@code iptables},
 * {@code ebtables}) and the line in it. {@link BudgetExceeded} is the one kind that names a budget.
 */
public class SimulationException extends RuntimeException {

    private final String input;
    private final int line;

    public SimulationException(String input, int line, String message) {
        super(message);
        this.input = input;
        this.line = line;
    }

    public String input() {
        return input;
    }

    public int line() {
        return line;
    }
}
