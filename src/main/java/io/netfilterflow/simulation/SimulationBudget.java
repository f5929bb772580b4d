package io.netfilterflow.simulation;

import io.netfilterflow.problem.Problem;

/**
 * The work one simulation may do, so that no scenario can hold a thread or the heap for long: the
 * steps it records, the bytes they hold (estimated, see {@link TraceSize}) and the rules it
 * evaluates (a walk over chains that match nothing records no step, but still costs work). Over any
 * of them the run stops at once with {@link BudgetExceeded}.
 *
 * @param maxSteps most steps the trace may have
 * @param maxTraceBytes most bytes the steps may hold, as their JSON would take
 * @param maxRuleEvaluations most rules the chains may look at, all packets together
 */
public record SimulationBudget(long maxSteps, long maxTraceBytes, long maxRuleEvaluations) {

    /**
     * Ten times and more what the largest preset, recorded fixture or generated kube-proxy dump needs
     * (measured by SimulationBudgetTest; the figures are in README.md).
     */
    public static final SimulationBudget DEFAULT = new SimulationBudget(50_000, 64L << 20, 5_000_000);

    public SimulationBudget {
        if (maxSteps < 1 || maxTraceBytes < 1 || maxRuleEvaluations < 1) {
            throw new IllegalArgumentException("every budget must be at least 1 (steps " + maxSteps + ", trace bytes "
                    + maxTraceBytes + ", rule evaluations " + maxRuleEvaluations + ")");
        }
    }

    /** Which budget: its name as a property ({@code netfilter-flow.simulation.max-steps}) and in words. */
    public enum Limit {
        STEPS("max-steps"),
        TRACE_BYTES("max-trace-bytes"),
        RULE_EVALUATIONS("max-rule-evaluations");

        private final String key;

        Limit(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** So much of this budget, in words: {@code 50000 steps}. */
        public Problem amount(long max) {
            return switch (this) {
                case STEPS -> Problem.of("sim.budget-steps", max);
                case TRACE_BYTES -> Problem.of("sim.budget-trace-bytes", max);
                case RULE_EVALUATIONS -> Problem.of("sim.budget-rule-evaluations", max);
            };
        }
    }

    public long limit(Limit limit) {
        return switch (limit) {
            case STEPS -> maxSteps;
            case TRACE_BYTES -> maxTraceBytes;
            case RULE_EVALUATIONS -> maxRuleEvaluations;
        };
    }
}
