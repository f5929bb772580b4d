package io.netfilterflow.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netfilterflow.problem.InvalidValue;
import io.netfilterflow.problem.ProblemText;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.trace.Disposition;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A snapshot the capture script took of a namespace host (a bridge with a learnt port, an uplink, a second table
 * with an fwmark rule, iptables-nft and a native table) imports into a scenario that runs.
 */
class SnapshotImportTest {

    private static final String SNAPSHOT = Fixtures.read(Path.of("src/test/resources/snapshots/bridge-host-2026.json"));

    @Test
    void theHostsNetworkRulesAndMachinesAreCarriedOver() {
        SnapshotImport.Result result = SnapshotImport.of(SNAPSHOT);
        JsonNode host = result.scenario().path("host");
        assertThat(host.path("interfaces").toString()).contains("\"br0\"", "\"bridge\"", "\"master\":\"br0\"",
                "10.99.0.5/24", "172.20.0.1/16");
        assertThat(host.path("routes").toString()).contains("default via 10.99.0.100 dev eth0",
                "198.51.100.0/24 via 10.99.0.100 dev eth0 table 100");
        assertThat(host.path("ipRules").toString()).contains("100:\\tfrom all fwmark 0x1 lookup 100");
        assertThat(host.path("backend").asString()).isEqualTo("nft");
        assertThat(host.path("iptables").asString()).contains("-A POSTROUTING -s 172.20.0.0/16 ! -o br0 -j MASQUERADE");
        assertThat(host.path("nftables").asString()).as("the native table, without iptables-nft's")
                .contains("\"name\":\"host\"").doesNotContain("\"name\":\"filter\"");
        assertThat(host.path("sysctl").path("net.ipv4.ip_forward").asInt()).isEqualTo(1);
        assertThat(result.scenario().path("endpoints").toString()).contains("\"gateway\"", "10.99.0.100/24",
                "\"behind-vA\"", "02:42:ac:14:00:02");
        assertThat(result.report()).extracting(ProblemText.ENGLISH::render)
                .anyMatch(line -> line.startsWith("suggested machine gateway"))
                .anyMatch(line -> line.contains("IPv6 address"));
    }

    @Test
    void theImportedScenarioRunsItsFirstPacket() {
        Scenario scenario = ScenarioReader.read(SnapshotImport.of(SNAPSHOT).scenarioText());
        var trace = Simulator.run(scenario);
        assertThat(trace.flows().get(0).disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(scenario.host().fib().rules()).hasSize(4);
    }

    @Test
    void whatIsNotASnapshotIsRefusedWithItsReason() {
        assertThatThrownBy(() -> SnapshotImport.of("{\"schema\": \"netfilter-flow/scenario@1\"}"))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("netfilter-flow/snapshot@1");
        assertThatThrownBy(() -> SnapshotImport.of("not json")).isInstanceOf(InvalidValue.class);
    }
}
