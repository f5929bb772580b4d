package io.netfilterflow.web;

import io.netfilterflow.simulation.SimulationBudget;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The work one simulation request may cost ({@code netfilter-flow.simulation.*}); over it the request
 * ends with 422 naming the budget. Unset values keep {@link SimulationBudget#DEFAULT}.
 *
 * @param maxSteps most steps (hops) in one trace
 * @param maxTraceBytes most bytes the trace's steps may hold (estimated from their content)
 * @param maxRuleEvaluations most rules the chains may look at, all packets together
 */
@ConfigurationProperties("netfilter-flow.simulation")
public record SimulationProperties(Long maxSteps, Long maxTraceBytes, Long maxRuleEvaluations) {

    public SimulationProperties {
        SimulationBudget defaults = SimulationBudget.DEFAULT;
        maxSteps = maxSteps == null ? defaults.maxSteps() : maxSteps;
        maxTraceBytes = maxTraceBytes == null ? defaults.maxTraceBytes() : maxTraceBytes;
        maxRuleEvaluations = maxRuleEvaluations == null ? defaults.maxRuleEvaluations() : maxRuleEvaluations;
    }

    public SimulationBudget budget() {
        return new SimulationBudget(maxSteps, maxTraceBytes, maxRuleEvaluations);
    }
}
