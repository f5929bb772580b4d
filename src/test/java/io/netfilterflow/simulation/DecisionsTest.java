package io.netfilterflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.FlowResult;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Trace;
import org.junit.jupiter.api.Test;

/** A dropped or rejected packet's outcome names the rule that decided it, as the traversal recorded it. */
class DecisionsTest {

    private static final String C1_TO_WAN_80 = "{\"from\":\"c1\",\"proto\":\"tcp\",\"dst\":\"10.99.0.100:80\"}";

    private static FlowResult first(ScenarioBuilder builder) {
        Trace trace = Simulator.run(builder.build());
        return trace.flows().get(0);
    }

    @Test
    void aRejectNamesItsRuleAndLine() {
        FlowResult outcome = first(ScenarioBuilder.docker().iptables("*filter\n:INPUT ACCEPT [0:0]\n"
                + ":FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A FORWARD -j LOG\n-A FORWARD -p tcp -j REJECT\n"
                + "-A FORWARD -j LOG\nCOMMIT\n").packets(C1_TO_WAN_80));
        assertThat(outcome.disposition()).isEqualTo(Disposition.REJECTED);
        assertThat(outcome.where()).isEqualTo("ip filter FORWARD");
        assertThat(outcome.rule().input()).isEqualTo("iptables");
        assertThat(outcome.rule().line()).isEqualTo(6);
    }

    @Test
    void aDropPolicyAfterALogRuleIsThePolicyNotTheLogRule() {
        FlowResult outcome = first(ScenarioBuilder.docker().iptables("*filter\n:INPUT ACCEPT [0:0]\n"
                + ":FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n-A FORWARD -j LOG\nCOMMIT\n").packets(C1_TO_WAN_80));
        assertThat(outcome.disposition()).isEqualTo(Disposition.DROPPED);
        assertThat(outcome.where()).isEqualTo("ip filter FORWARD");
        assertThat(outcome.rule()).isNull();
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.DROPPED_BY_POLICY);
    }

    @Test
    void anEbtablesDropNamesItsRule() {
        FlowResult outcome = first(ScenarioBuilder.docker().ebtables("*filter\n:INPUT ACCEPT\n:FORWARD ACCEPT\n"
                + ":OUTPUT ACCEPT\n-A FORWARD -s 02:42:ac:11:00:02 -j DROP\n")
                .packets("{\"from\":\"c1\",\"proto\":\"icmp\",\"dst\":\"172.17.0.3\"}"));
        assertThat(outcome.disposition()).isEqualTo(Disposition.DROPPED);
        assertThat(outcome.where()).isEqualTo("bridge filter FORWARD");
        assertThat(outcome.rule().input()).isEqualTo("ebtables");
        assertThat(outcome.rule().line()).isEqualTo(5);
    }

    @Test
    void aQueueNamesItsRule() {
        FlowResult outcome = first(ScenarioBuilder.docker().iptables("*filter\n:INPUT ACCEPT [0:0]\n"
                + ":FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A FORWARD -p tcp -j NFQUEUE --queue-num 3\nCOMMIT\n")
                .packets(C1_TO_WAN_80));
        assertThat(outcome.disposition()).isEqualTo(Disposition.QUEUED);
        assertThat(outcome.rule().line()).isEqualTo(5);
    }
}
