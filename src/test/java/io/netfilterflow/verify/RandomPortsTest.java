package io.netfilterflow.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.ScenarioBuilder;
import org.junit.jupiter.api.Test;

/** A masquerade that draws its port refuses a replay only where the simulation sends an answer to it. */
class RandomPortsTest {

    private static final String NFT = "table ip nat {\\n\\tchain postrouting {\\n\\t\\ttype nat hook postrouting"
            + " priority srcnat; policy accept;\\n\\t\\toifname \\\"eth0\\\" masquerade fully-random\\n\\t}\\n}\\n";

    private static Scenario ping(boolean reply) {
        return ScenarioBuilder.docker().noIptables().set("host", "nftables", "\"" + NFT + "\"")
                .packets("{\"from\":\"c1\",\"proto\":\"icmp\",\"dst\":\"10.99.0.100\",\"reply\":" + reply + "}").build();
    }

    @Test
    void anAnswerToAFullyRandomMasqueradeCannotBeReplayed() {
        Scenario scenario = ping(true);
        assertThat(RandomPorts.in(scenario, Simulator.run(scenario))).singleElement().asString()
                .startsWith("nftables line 4 picks the source port at random");
    }

    @Test
    void withoutAnAnswerTheDrawIsNeverSeen() {
        Scenario scenario = ping(false);
        assertThat(RandomPorts.in(scenario, Simulator.run(scenario))).isEmpty();
    }
}
