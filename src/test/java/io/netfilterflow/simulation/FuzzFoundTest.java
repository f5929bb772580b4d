package io.netfilterflow.simulation;

import static io.netfilterflow.support.TraceAssert.conformance;
import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.trace.Trace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Inputs the fuzz test (web/ScenarioFuzzTest) found crashing the simulator, each now run or refused. */
class FuzzFoundTest {

    /** Once a NullPointerException: the legacy bridge ran the broute table's missing BROUTING chain. */
    @Test
    void aBrouteTableWithoutItsBroutingChainBridgesEveryFrame() {
        String preset = Fixtures.read(Path.of("src/main/resources/scenarios/ebtables-broute-legacy.json"));
        String withoutBrouting = preset.replace(
                "*broute\\n:BROUTING ACCEPT\\n-A BROUTING -p IPv4 --ip-dst 172.17.0.1 -j redirect --redirect-target DROP\\n",
                "*broute\\n:mine ACCEPT\\n-A mine -p IPv4 --ip-dst 172.17.0.1 -j redirect --redirect-target DROP\\n");
        assertThat(withoutBrouting).isNotEqualTo(preset);

        String withoutBroute = preset.replace(
                "*broute\\n:BROUTING ACCEPT\\n-A BROUTING -p IPv4 --ip-dst 172.17.0.1 -j redirect --redirect-target DROP\\n", "");
        assertThat(withoutBroute).isNotEqualTo(preset);

        Trace trace = Simulator.run(ScenarioReader.read(withoutBrouting));

        assertThat(conformance(trace)).as("as if there were no broute table")
                .isEqualTo(conformance(Simulator.run(ScenarioReader.read(withoutBroute))));
        assertThat(conformance(trace)).isNotEqualTo(conformance(Simulator.run(ScenarioReader.read(preset))));
    }

    /** Once a NullPointerException: a host without lo in its interfaces sent to its own address. */
    @Test
    void aHostWithoutLoInItsInterfacesStillReachesItselfThroughLo() {
        String fixture = Fixtures.read(Path.of(
                "src/test/resources/scenarios/verified/nft-reject-reported-after-its-answer/scenario.json"));
        String withoutLo = fixture.replaceFirst("\\{\\s*\"name\": \"lo\",[^}]*\\},", "");
        assertThat(withoutLo).isNotEqualTo(fixture).doesNotContain("\"lo\"");

        Trace trace = Simulator.run(ScenarioReader.read(withoutLo));

        assertThat(conformance(trace)).as("every network namespace has lo")
                .isEqualTo(conformance(Simulator.run(ScenarioReader.read(fixture))));
    }
}
