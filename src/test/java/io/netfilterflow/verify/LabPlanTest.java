package io.netfilterflow.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.support.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabPlanTest {

    private static final Path SCENARIO = Path.of("src/test/resources/scenarios/kernel-truth/wan2c-published/scenario.json");

    private final String json = Fixtures.read(SCENARIO);
    private final Names names = new Names("nff-1-abcd");
    private final List<LabPlan.Command> plan = LabPlan.of(names,
            ScenarioReader.read(json).host(), ScenarioText.of(json));

    @Test
    void everyDeviceIsCreatedInsideANamespaceOfTheRun() {
        for (LabPlan.Command command : plan) {
            List<String> argv = command.argv();
            if (argv.size() > 2 && argv.get(1).equals("link") && argv.get(2).equals("add")) {
                assertThat(argv).as(String.join(" ", argv)).contains("netns");
                assertThat(argv.get(argv.indexOf("netns") + 1)).startsWith("nff-1-abcd-");
            } else {
                assertThat(String.join(" ", argv)).as("runs in one of our namespaces")
                        .containsPattern("nff-1-abcd-(host|e\\d|s-)");
            }
        }
    }

    @Test
    void theHostGetsTheScenariosRulesThroughItsBackendAndTheTracingTable() {
        List<String> lines = plan.stream().map(command -> String.join(" ", command.argv())).toList();
        assertThat(lines).contains("ip netns exec nff-1-abcd-host iptables-nft-restore",
                "ip netns exec nff-1-abcd-host ebtables-nft-restore",
                "ip -n nff-1-abcd-host route replace default via 10.99.0.100 dev eth0",
                "ip netns exec nff-1-abcd-host sysctl -q -w net.ipv4.ip_forward=1");
        assertThat(new String(plan.get(plan.size() - 1).stdin())).contains("table ip nfflow_trace",
                "hook prerouting priority -500", "meta nftrace set 1");
        assertThat(LabPlan.namespaces(names, ScenarioReader.read(json).host()))
                .containsExactly("nff-1-abcd-host", "nff-1-abcd-e0", "nff-1-abcd-e1", "nff-1-abcd-e2");
    }

    @Test
    void everyDevicesOwnRpFilterIsWrittenAfterTheDevicesExist() {
        String strict = Fixtures.read(Path.of("src/test/resources/scenarios/verified/rp-filter-per-device/scenario.json"));
        List<String> lines = LabPlan.of(names, ScenarioReader.read(strict).host(), ScenarioText.of(strict)).stream()
                .map(command -> String.join(" ", command.argv())).toList();
        String sysctl = "ip netns exec nff-1-abcd-host sysctl -q -w ";
        assertThat(lines).contains(sysctl + "net.ipv4.conf.all.rp_filter=0", sysctl + "net/ipv4/conf/default/rp_filter=2",
                sysctl + "net/ipv4/conf/eth0/rp_filter=1", sysctl + "net/ipv4/conf/docker0/rp_filter=2");
        assertThat(lines.indexOf(sysctl + "net/ipv4/conf/eth0/rp_filter=1"))
                .isGreaterThan(lines.indexOf("ip -n nff-1-abcd-host link set eth0 up"));
        assertThat(lines).noneMatch(line -> line.contains("net.ipv4.conf.eth0.rp_filter"));
    }

    @Test
    void aNamespaceNameTellsWhichProcessMadeIt() {
        assertThat(Names.owner("nff-4242-1a2b-host")).isEqualTo(4242);
        assertThat(Names.owner("other-4242-host")).isEqualTo(-1);
        assertThat(Names.fresh().host()).startsWith("nff-" + ProcessHandle.current().pid() + "-");
    }
}
