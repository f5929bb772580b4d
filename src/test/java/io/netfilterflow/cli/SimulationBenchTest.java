package io.netfilterflow.cli;

import static io.netfilterflow.support.TraceAssert.assertThatTrace;
import static io.netfilterflow.support.TraceAssert.decisions;
import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.SimulationBudget;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.trace.Disposition;
import org.junit.jupiter.api.Test;

/** The benchmark's kube-proxy packet really walks to the last service and reaches its pod. */
class SimulationBenchTest {

    @Test
    void theLastServiceIsReachedThroughItsServiceAndEndpointChains() {
        var trace = Simulator.run(ScenarioReader.read(SimulationBench.kubeScenario(50, 49)));
        assertThat(decisions(trace, 1)).anyMatch(line -> line.startsWith("ip nat KUBE-SVC-") && line.contains("jump KUBE-SEP-"))
                .anyMatch(line -> line.startsWith("ip nat KUBE-SEP-") && line.endsWith("accept"));
        assertThatTrace(trace).endsIn(1, Disposition.DELIVERED, "pod");
    }

    /** kube-proxy's 70,000 lines (14,000 services): a packet to the last one runs in a quarter of the default budget. */
    @Test
    void theLastOfFourteenThousandServicesIsReachedWithFourTimesRoomInTheBudget() {
        Scenario scenario = ScenarioReader.read(SimulationBench.kubeScenario(14_000, 13_999));
        assertThat(scenario.host().iptables().ruleCount()).isGreaterThan(70_000);
        SimulationBudget budget = SimulationBudget.DEFAULT;
        SimulationBudget quarter = new SimulationBudget(budget.maxSteps() / 4, budget.maxTraceBytes() / 4,
                budget.maxRuleEvaluations() / 4);
        var trace = Simulator.run(scenario, quarter, step -> { });
        assertThatTrace(trace).endsIn(1, Disposition.DELIVERED, "pod");
    }

    /** The nftables mode: one lookup in the service map, whatever the service's rank, then its two chains. */
    @Test
    void theLastNftablesServiceIsFoundByItsMapAndReachesItsPod() {
        var trace = Simulator.run(ScenarioReader.read(SimulationBench.kubeScenario(50, 49, true)));
        assertThat(decisions(trace, 1))
                .anyMatch(line -> line.startsWith("ip kube-proxy services goto service-"))
                .anyMatch(line -> line.startsWith("ip kube-proxy service-") && line.contains(" goto endpoint-"))
                .anyMatch(line -> line.startsWith("ip kube-proxy endpoint-") && line.contains(" accept"));
        assertThatTrace(trace).endsIn(1, Disposition.DELIVERED, "pod");
    }

    /** Ten thousand services: the packet to the last one evaluates no more rules than the one to the first. */
    @Test
    void aVerdictMapIsALookupNotAScan() {
        Scenario first = ScenarioReader.read(SimulationBench.kubeScenario(10_000, 0, true));
        Scenario last = ScenarioReader.read(SimulationBench.kubeScenario(10_000, 9_999, true));
        assertThat(Simulator.run(last).steps()).hasSameSizeAs(Simulator.run(first).steps());
        SimulationBudget tiny = new SimulationBudget(SimulationBudget.DEFAULT.maxSteps(),
                SimulationBudget.DEFAULT.maxTraceBytes(), 40);
        assertThatTrace(Simulator.run(last, tiny, step -> { })).endsIn(1, Disposition.DELIVERED, "pod");
    }
}
