package io.netfilterflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.support.TraceAssert;
import io.netfilterflow.trace.ConformanceFormat;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator agrees, line for line, with what a real kernel reported for these scenarios. */
class KernelTruthTest {

    @ParameterizedTest
    @ValueSource(strings = {"c2c-ping", "host2c-ping", "c2wan-ping", "wan2c-published"})
    void conformanceEqualsTheKernelTrace(String name) {
        String dir = "/scenarios/kernel-truth/" + name + "/";
        var trace = Simulator.run(ScenarioReader.read(ScenarioBuilder.resource(dir + "scenario.json")));
        List<String> kernel = Arrays.stream(ScenarioBuilder.resource(dir + "kernel.trace").split("\n"))
                .filter(line -> !line.isBlank()).map(ConformanceFormat::comparable).toList();
        assertThat(TraceAssert.conformance(trace)).containsExactlyElementsOf(kernel);
    }
}
