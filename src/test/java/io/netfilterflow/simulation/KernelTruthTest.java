package io.netfilterflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.support.TraceAssert;
import io.netfilterflow.trace.ConformanceFormat;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator agrees, line for line, with what a real kernel reported for these scenarios: the
 * four of ../shared/kernel-truth and those recorded by {@code verify --record} on this project's
 * own harness. Runs anywhere; {@code KernelVerificationTest} replays them on the kernel again.
 */
class KernelTruthTest {

    static List<Path> recorded() {
        return Fixtures.recorded();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void conformanceEqualsTheKernelTrace(Path dir) {
        var trace = Simulator.run(ScenarioReader.read(Fixtures.read(dir.resolve("scenario.json"))));
        List<String> kernel = Arrays.stream(Fixtures.read(dir.resolve("kernel.trace")).split("\n"))
                .filter(line -> !line.isBlank()).map(ConformanceFormat::comparable).toList();
        assertThat(kernel).isNotEmpty();
        assertThat(TraceAssert.conformance(trace)).containsExactlyElementsOf(kernel);
    }

    @Test
    void thereAreAtLeastTwentyFiveRecordedScenariosBesidesTheFourOfKernelTruth() {
        assertThat(recorded()).filteredOn(dir -> dir.toString().contains("verified")).hasSizeGreaterThanOrEqualTo(25);
        assertThat(recorded()).filteredOn(dir -> dir.toString().contains("kernel-truth")).hasSize(4);
    }
}
