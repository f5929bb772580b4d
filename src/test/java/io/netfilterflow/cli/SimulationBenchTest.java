package io.netfilterflow.cli;

import static io.netfilterflow.support.TraceAssert.assertThatTrace;
import static io.netfilterflow.support.TraceAssert.decisions;
import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.scenario.ScenarioReader;
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
}
