package io.netfilterflow.simulation;

import static io.netfilterflow.support.TraceAssert.assertThatTrace;
import static io.netfilterflow.support.TraceAssert.codes;
import static io.netfilterflow.support.TraceAssert.conformance;
import static io.netfilterflow.support.TraceAssert.decisions;
import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.StepKind;
import io.netfilterflow.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the receiving stack and REJECT send back, and which way it leaves. */
class AnswersTest {

    private static final String TELNET_REJECTED = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n"
            + ":OUTPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 23 -j REJECT --reject-with tcp-reset\n"
            + "-A FORWARD -p tcp --dport 23 -j REJECT --reject-with tcp-reset\nCOMMIT\n";

    private static Trace run(ScenarioBuilder builder) {
        return Simulator.run(builder.build());
    }

    private static String tcp(String from, String dst, String flags) {
        return "{\"from\":\"" + from + "\",\"proto\":\"tcp\",\"src\":\"" + (from.equals("wan") ? "10.99.0.100:41000"
                : "172.17.0.2:41000") + "\",\"dst\":\"" + dst + "\",\"tcpFlags\":\"" + flags + "\",\"reply\":true}";
    }

    private static List<Step> steps(Trace trace, int flow) {
        return trace.steps().stream().filter(s -> s.flow() == flow).toList();
    }

    @Test
    void aListenerResetsABareAckOfNoConnection() {
        Trace trace = run(ScenarioBuilder.docker().hostListens("tcp/22").packets(tcp("wan", "10.99.0.5:22", "ACK")));
        assertThatTrace(trace).hasPackets(2).endsIn(1, Disposition.DELIVERED).endsIn(2, Disposition.DELIVERED, "wan");
        assertThat(steps(trace, 2).get(0).packet().tcpFlags()).isEqualTo("RST");
    }

    @Test
    void theAckOfAnAcceptedSynGoesToItsRequestSocketWithoutAnswer() {
        String ack = tcp("wan", "10.99.0.5:22", "ACK").replace("true", "false");
        Trace trace = run(ScenarioBuilder.docker().hostListens("tcp/22").packets(tcp("wan", "10.99.0.5:22", "SYN"), ack));
        assertThat(steps(trace, 2).get(0).packet().tcpFlags()).isEqualTo("SYN,ACK");
        assertThatTrace(trace).hasPackets(3).endsIn(3, Disposition.DELIVERED);
        assertThat(codes(trace.flows().get(2).reason())).contains(ReasonCode.ANSWER_TCP_SOCKET);
    }

    @Test
    void aListenerDropsASegmentWithNeitherSynNorAck() {
        Trace trace = run(ScenarioBuilder.docker().hostListens("tcp/22").packets(tcp("wan", "10.99.0.5:22", "FIN")));
        assertThatTrace(trace).hasPackets(1).endsIn(1, Disposition.DELIVERED);
        assertThat(codes(trace.flows().get(0).reason())).contains(ReasonCode.ANSWER_LISTENER_DROPS);
    }

    @Test
    void theSynAckToAConnectingMachineReachesItsSocket() {
        Trace trace = run(ScenarioBuilder.docker().hostListens("tcp/22").packets(tcp("wan", "10.99.0.5:22", "SYN")));
        assertThat(codes(trace.flows().get(1).reason())).contains(ReasonCode.ANSWER_TCP_SOCKET)
                .doesNotContain(ReasonCode.ANSWER_TCP_CLOSED, ReasonCode.ANSWER_LISTENER_RESETS);
    }

    @Test
    void aResetForAFrameFromABridgePortLeavesStraightOutOfThatPort() {
        Trace trace = run(ScenarioBuilder.docker().iptables(TELNET_REJECTED).packets(tcp("c1", "172.17.0.1:23", "SYN"),
                tcp("c1", "10.99.0.100:23", "SYN"), tcp("c1", "172.17.0.3:23", "SYN")));
        for (int answer : new int[] {2, 4, 6}) {
            List<Step> reset = steps(trace, answer);
            assertThat(reset).extracting(Step::kind).as("no hook, routing or bridging step")
                    .containsExactly(StepKind.RECEIVED, StepKind.TRANSMITTED);
            assertThat(reset.get(1).packet().out()).isEqualTo("veth_c1");
            assertThat(reset.get(1).packet().ethDst()).isEqualTo("02:42:ac:11:00:02");
            assertThatTrace(trace).endsIn(answer, Disposition.DELIVERED, "c1");
        }
        assertThat(steps(trace, 2).get(1).packet().ethSrc()).as("the rejected frame's destination: the bridge")
                .isEqualTo("02:42:00:00:00:01");
        assertThat(steps(trace, 6).get(1).packet().ethSrc()).as("the rejected frame's destination: c2")
                .isEqualTo("02:42:ac:11:00:03");
    }

    @Test
    void withoutBridgeNfCallIptablesTheResetIsRoutedThroughOutput() {
        Trace trace = run(ScenarioBuilder.docker().sysctl("net.bridge.bridge-nf-call-iptables", 0)
                .iptables(TELNET_REJECTED).packets(tcp("c1", "172.17.0.1:23", "SYN")));
        assertThat(decisions(trace, 2)).contains("ip filter OUTPUT policy accept");
    }

    @Test
    void anIcmpRejectOfAFrameFromABridgePortStillGoesThroughOutput() {
        String rules = TELNET_REJECTED.replace(" --reject-with tcp-reset", "");
        Trace trace = run(ScenarioBuilder.docker().iptables(rules).packets(tcp("c1", "172.17.0.1:23", "SYN")));
        assertThat(decisions(trace, 2)).contains("ip filter OUTPUT policy accept");
    }

    @Test
    void nftReportsARejectAfterTheSynchronousPartOfItsAnswerAndLegacyBefore() {
        String self = "{\"from\":\"host\",\"proto\":\"tcp\",\"dst\":\"10.99.0.5:23\",\"reply\":true}";
        List<String> nft = conformance(run(ScenarioBuilder.docker().iptables(TELNET_REJECTED).packets(self)));
        assertThat(nft).containsExactly(
                "ip filter OUTPUT policy accept | oif=\"lo\" 10.99.0.5>10.99.0.5 sport=40001 dport=23",
                "ip filter OUTPUT policy accept | oif=\"lo\" 10.99.0.5>10.99.0.5 sport=23 dport=40001",
                "ip filter INPUT drop | iif=\"lo\" 10.99.0.5>10.99.0.5 sport=40001 dport=23",
                "ip filter INPUT policy accept | iif=\"lo\" 10.99.0.5>10.99.0.5 sport=23 dport=40001");
        List<String> legacy = conformance(run(ScenarioBuilder.docker().backend("legacy").iptables(TELNET_REJECTED)
                .packets(self)));
        assertThat(legacy.get(1)).startsWith("ip filter INPUT drop");
    }
}
