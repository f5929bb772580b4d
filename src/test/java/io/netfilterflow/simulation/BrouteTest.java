package io.netfilterflow.simulation;

import static io.netfilterflow.support.TraceAssert.assertThatTrace;
import static io.netfilterflow.support.TraceAssert.codes;
import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ebtables broute as the kernel runs it ({@code ebt_broute}, registered in bridge PREROUTING at
 * {@code NF_BR_PRI_FIRST}): DROP routes the frame, no later bridge hook sees it, and IP takes it on the port
 * only when it is addressed to the port. Not replayed on a kernel: this one has no ebtables-legacy.
 */
class BrouteTest {

    private static final String SSH_TO_GATEWAY = "{\"from\":\"c1\",\"proto\":\"tcp\",\"dst\":\"172.17.0.1:22\","
            + "\"tcpFlags\":\"SYN\",\"reply\":false}";

    private static Trace run(String brouting) {
        return Simulator.run(ScenarioBuilder.docker().backend("legacy").hostListens("tcp/22")
                .ebtables("*broute\n:BROUTING ACCEPT\n" + brouting + "\n\n*nat\n:PREROUTING ACCEPT\n:OUTPUT ACCEPT\n"
                        + ":POSTROUTING ACCEPT\n")
                .packets(SSH_TO_GATEWAY).build());
    }

    private static List<String> stages(Trace trace) {
        return trace.steps().stream().filter(s -> s.flow() == 1).map(Step::stage)
                .map(s -> s.table() == null ? s.hook() : s.family() + " " + s.table() + " " + s.chain()).toList();
    }

    @Test
    void aBroutedFrameToTheBridgesMacIsOtherhostOnThePortAndIpRcvDropsIt() {
        Trace trace = run("-A BROUTING -p IPv4 --ip-dst 172.17.0.1 -j DROP");
        assertThatTrace(trace).endsIn(1, Disposition.DROPPED, "PREROUTING");
        assertThat(codes(assertThatTrace(trace).flow(1).reason())).containsExactly(ReasonCode.RCV_OTHERHOST);
        assertThat(stages(trace)).doesNotContain("bridge nat PREROUTING");
    }

    @Test
    void redirectInBroutingGivesTheFrameThePortsMacAndIpTakesItOnThePort() {
        Trace trace = run("-A BROUTING -p IPv4 --ip-dst 172.17.0.1 -j redirect --redirect-target DROP");
        assertThatTrace(trace).endsIn(1, Disposition.DELIVERED);
        assertThat(stages(trace)).containsSubsequence("bridge broute BROUTING", "bridge check", "ip filter INPUT")
                .doesNotContain("bridge nat PREROUTING", "bridge filter INPUT");
        Step input = trace.steps().stream().filter(s -> s.flow() == 1 && "INPUT".equals(s.stage().chain()))
                .findFirst().orElseThrow();
        assertThat(input.packet().in()).isEqualTo("veth_c1");
        assertThat(input.packet().ethDst()).isNotEqualTo("02:42:00:00:00:01");
    }

    @Test
    void aFrameBrouteAcceptsIsBridgedThroughTheRestOfBridgePrerouting() {
        Trace trace = run("-A BROUTING -p IPv4 --ip-dst 10.99.0.99 -j DROP");
        assertThat(stages(trace)).containsSubsequence("bridge broute BROUTING", "bridge nat PREROUTING", "bridging");
    }
}
