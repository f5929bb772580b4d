package io.netfilterflow.simulation;

import static io.netfilterflow.support.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.StepKind;
import io.netfilterflow.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * {@code nf_nat_register_fn}: one native nat base chain registers the NAT core at all four hooks, so a reply is
 * un-NATed at prerouting though no nat chain hooks there.
 */
class NftNatCoreTest {

    @Test
    void aMasqueradeInPostroutingAloneUnNatsTheReplyAtPrerouting() {
        String nft = "table ip nat {\n\tchain postrouting {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n"
                + "\t\toifname \"eth0\" masquerade\n\t}\n}\n";
        Trace trace = Simulator.run(ScenarioBuilder.docker().noIptables()
                .set("host", "nftables", "\"" + nft.replace("\n", "\\n").replace("\t", "\\t").replace("\"", "\\\"") + "\"")
                .packets("{\"from\":\"c1\",\"proto\":\"icmp\",\"dst\":\"10.99.0.100\",\"reply\":true}").build());
        var unNat = trace.steps().stream().filter(s -> s.flow() == 2 && s.kind() == StepKind.NAT).findFirst()
                .orElseThrow();
        assertThat(unNat.packet().dst()).isEqualTo("172.17.0.2");
        assertThatTrace(trace).endsIn(2, Disposition.DELIVERED, "c1");
    }
}
