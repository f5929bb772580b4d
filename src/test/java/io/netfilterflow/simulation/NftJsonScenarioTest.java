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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code host.nftables} given as {@code nft -j list ruleset} output (captured from nft 1.0.6 for the
 * native-inet-filter-host fixture's ruleset) simulates the trace the kernel recorded for the text.
 */
class NftJsonScenarioTest {

    private static final Path FIXTURE = Path.of("src/test/resources/scenarios/verified/native-inet-filter-host");

    @Test
    void aJsonRulesetSimulatesTheKernelTraceOfTheSameText() {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode scenario = (ObjectNode) mapper.readTree(Fixtures.read(FIXTURE.resolve("scenario.json")));
        String json = Fixtures.read(Path.of("src/test/resources/rulesets/nft-json/native-inet-filter-host.json"));
        ((ObjectNode) scenario.get("host")).put("nftables", json);

        var trace = Simulator.run(ScenarioReader.read(mapper.writeValueAsString(scenario)));

        List<String> kernel = Arrays.stream(Fixtures.read(FIXTURE.resolve("kernel.trace")).split("\n"))
                .filter(line -> !line.isBlank()).map(ConformanceFormat::comparable).toList();
        assertThat(kernel).isNotEmpty();
        assertThat(TraceAssert.conformance(trace)).containsExactlyElementsOf(kernel);
    }
}
