package io.netfilterflow.simulation;

import io.netfilterflow.simulation.SimulationBudget.Limit;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.Step;

/**
 * Counts one simulation's work against its {@link SimulationBudget} as it is done, and stops the run
 * the moment a budget is spent, before the step or rule that would go over it.
 */
final class WorkMeter {

    private final SimulationBudget budget;
    private long steps;
    private long bytes;
    private long evaluations;
    private int packet;

    WorkMeter(SimulationBudget budget) {
        this.budget = budget;
    }

    /** The scenario's packet now being sent (1-based); its answers count as its own. */
    void packet(int number) {
        packet = number;
    }

    /** A step about to be recorded. */
    void step(Step step) {
        if (++steps > budget.maxSteps()) {
            throw over(Limit.STEPS, step);
        }
        bytes += TraceSize.of(step);
        if (bytes > budget.maxTraceBytes()) {
            throw over(Limit.TRACE_BYTES, step);
        }
    }

    /** True when the rule about to be evaluated is one more than the budget allows: call {@link #overEvaluations}. */
    boolean evaluate() {
        return ++evaluations > budget.maxRuleEvaluations();
    }

    BudgetExceeded overEvaluations(Stage stage, String input, int line) {
        return new BudgetExceeded(Limit.RULE_EVALUATIONS, budget.maxRuleEvaluations(), packet, stage, input, line);
    }

    private BudgetExceeded over(Limit limit, Step step) {
        return new BudgetExceeded(limit, budget.limit(limit), packet, step.stage(),
                step.rule() == null ? null : step.rule().input(), step.rule() == null ? 0 : step.rule().line());
    }

    long steps() {
        return steps;
    }

    long bytes() {
        return bytes;
    }

    long evaluations() {
        return evaluations;
    }
}
