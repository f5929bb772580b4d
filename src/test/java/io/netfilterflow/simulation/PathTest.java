package io.netfilterflow.simulation;

import static io.netfilterflow.support.TraceAssert.assertThatTrace;
import static io.netfilterflow.support.TraceAssert.decisions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netfilterflow.scenario.ScenarioException;
import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.StepKind;
import io.netfilterflow.trace.Trace;
import org.junit.jupiter.api.Test;

/** The packet's path through hooks, conntrack, NAT, routing and the bridge, as the kernel takes it. */
class PathTest {

    static final String C1_PING_WAN = "{\"from\":\"c1\",\"proto\":\"icmp\",\"dst\":\"10.99.0.100\",\"reply\":true}";
    static final String C1_PING_C2 = "{\"from\":\"c1\",\"proto\":\"icmp\",\"dst\":\"172.17.0.3\",\"reply\":true}";
    static final String WAN_SYN_8080 = "{\"from\":\"wan\",\"proto\":\"tcp\",\"src\":\"10.99.0.100:55586\","
            + "\"dst\":\"10.99.0.5:8080\",\"reply\":true}";
    static final String WAN_SYN_22 = "{\"from\":\"wan\",\"proto\":\"tcp\",\"dst\":\"10.99.0.5:22\",\"reply\":true}";

    private static Trace run(ScenarioBuilder builder) {
        return Simulator.run(builder.build());
    }

    private static String filter(String policy, String... rules) {
        return "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD " + policy + " [0:0]\n:OUTPUT ACCEPT [0:0]\n:A - [0:0]\n:B - [0:0]\n"
                + String.join("\n", rules) + (rules.length == 0 ? "" : "\n") + "COMMIT\n";
    }

    @Test
    void natChainsSeeOnlyAConnectionsFirstPacket() {
        Trace trace = run(ScenarioBuilder.docker().packets(C1_PING_WAN));
        assertThat(decisions(trace, 1)).contains("ip nat POSTROUTING accept");
        assertThat(decisions(trace, 2)).noneMatch(line -> line.startsWith("ip nat"));
    }

    @Test
    void aSecondPacketOfTheSameFlowIsEstablishedAndSkipsNat() {
        String syn = WAN_SYN_8080.replace(",\"reply\":true", "");
        String ack = syn.replace("}", ",\"tcpFlags\":\"ACK\"}");
        Trace trace = run(ScenarioBuilder.docker().packets(WAN_SYN_8080, ack));
        assertThat(decisions(trace, 1)).contains("ip nat DOCKER accept");
        assertThat(decisions(trace, 3)).noneMatch(line -> line.startsWith("ip nat"));
        assertThat(trace.steps().stream().filter(s -> s.flow() == 3 && s.kind() == StepKind.NAT))
                .as("the ACK is rewritten by the binding").isNotEmpty();
        assertThatTrace(trace).endsIn(3, Disposition.DELIVERED, "c2");
    }

    @Test
    void replyIsDeNatedWithoutVisitingNatChains() {
        Trace trace = run(ScenarioBuilder.docker().packets(WAN_SYN_8080));
        var reply = trace.steps().stream().filter(s -> s.flow() == 2 && s.kind() == StepKind.NAT).findFirst().orElseThrow();
        assertThat(reply.packet().src()).isEqualTo("10.99.0.5");
        assertThat(reply.packet().sport()).isEqualTo(8080);
        assertThatTrace(trace).endsIn(2, Disposition.DELIVERED, "wan");
    }

    @Test
    void withoutBridgeNfCallIptablesABridgedPacketMeetsOnlyEbtables() {
        Trace trace = run(ScenarioBuilder.docker().sysctl("net.bridge.bridge-nf-call-iptables", 0).packets(C1_PING_C2));
        assertThat(decisions(trace, 1)).containsExactly("bridge nat PREROUTING policy accept",
                "bridge filter FORWARD policy accept", "bridge nat POSTROUTING policy accept");
        assertThatTrace(trace).endsIn(1, Disposition.DELIVERED, "c2").endsIn(2, Disposition.DELIVERED, "c1");
    }

    @Test
    void withIpForwardOffTheRoutingDecisionDrops() {
        Trace trace = run(ScenarioBuilder.docker().sysctl("net.ipv4.ip_forward", 0).packets(C1_PING_WAN));
        assertThatTrace(trace).hasPackets(1).endsIn(1, Disposition.DROPPED, "routing");
        assertThat(decisions(trace, 1)).noneMatch(line -> line.contains("FORWARD"));
    }

    @Test
    void conntrackIsOffUntilARuleNeedsItSoNoStateIsShown() {
        Trace trace = run(ScenarioBuilder.docker().iptables(filter("ACCEPT")).packets(C1_PING_WAN));
        assertThat(trace.steps()).noneMatch(s -> s.kind() == StepKind.CONNTRACK);
        assertThatTrace(trace).endsIn(1, Disposition.DELIVERED).endsIn(2, Disposition.DELIVERED, "c1");
    }

    @Test
    void untrackedPacketsSkipConntrackAndNat() {
        String rules = "*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A PREROUTING -p tcp --dport 8080 -j NOTRACK\nCOMMIT\n"
                + "*nat\n:PREROUTING ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n"
                + "-A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.3:80\nCOMMIT\n";
        Trace trace = run(ScenarioBuilder.docker().iptables(rules).hostListens().packets(WAN_SYN_8080));
        assertThat(decisions(trace, 1)).contains("ip raw PREROUTING policy accept")
                .noneMatch(line -> line.startsWith("ip nat"));
        assertThat(trace.steps().stream().filter(s -> s.flow() == 1 && s.packet().ctState() != null))
                .allMatch(s -> s.packet().ctState().equals("UNTRACKED"));
        // not DNATed: the host itself gets the SYN on a closed port
        assertThatTrace(trace).endsIn(1, Disposition.DELIVERED);
    }

    @Test
    void gotoReturnsToTheChainThatJumpedNotTheOneThatWent() {
        String jump = filter("DROP", "-A FORWARD -j A", "-A FORWARD -j ACCEPT", "-A A -j B", "-A A -j DROP");
        String gotoB = filter("DROP", "-A FORWARD -j A", "-A FORWARD -j ACCEPT", "-A A -g B", "-A A -j DROP");
        assertThatTrace(run(ScenarioBuilder.docker().iptables(jump).packets(C1_PING_WAN)))
                .endsIn(1, Disposition.DROPPED, "ip filter A");
        Trace went = run(ScenarioBuilder.docker().iptables(gotoB).packets(C1_PING_WAN));
        assertThat(decisions(went, 1)).containsSubsequence("ip filter FORWARD jump A", "ip filter A goto B",
                "ip filter FORWARD accept");
    }

    @Test
    void returnInABaseChainAppliesThePolicy() {
        Trace trace = run(ScenarioBuilder.docker().iptables(filter("DROP", "-A FORWARD -j RETURN",
                "-A FORWARD -j ACCEPT")).packets(C1_PING_WAN));
        assertThat(decisions(trace, 1)).containsSubsequence("ip filter FORWARD return", "ip filter FORWARD policy drop");
        assertThatTrace(trace).hasPackets(1).endsIn(1, Disposition.DROPPED, "ip filter FORWARD");
    }

    @Test
    void aJumpLoopIsRefusedAtLoadWithItsLine() {
        assertThatThrownBy(() -> ScenarioBuilder.docker().iptables(filter("ACCEPT", "-A FORWARD -j A", "-A A -j B", "-A B -j A")).build())
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).field()).isEqualTo("host.iptables"))
                .satisfies(e -> assertThat(((ScenarioException) e).rulesLine()).isPositive())
                .hasMessageContaining("loop");
    }

    @Test
    void rejectWithTcpResetSendsTheResetBackThroughOutput() {
        Trace trace = run(ScenarioBuilder.docker().iptables(filter("ACCEPT",
                "-A FORWARD -p tcp --dport 80 -j REJECT --reject-with tcp-reset"))
                .packets("{\"from\":\"wan\",\"proto\":\"tcp\",\"src\":\"10.99.0.100:5555\",\"dst\":\"172.17.0.3:80\"}"));
        assertThatTrace(trace).hasPackets(2).endsIn(1, Disposition.REJECTED, "ip filter FORWARD")
                .endsIn(2, Disposition.DELIVERED, "wan");
        var reset = trace.steps().stream().filter(s -> s.flow() == 2).toList();
        assertThat(reset.get(0).packet().tcpFlags()).isEqualTo("RST,ACK");
        assertThat(reset.get(0).packet().src()).isEqualTo("172.17.0.3");
        assertThat(decisions(trace, 2)).contains("ip filter OUTPUT policy accept");
    }

    @Test
    void rejectWithIcmpQuotesThePacketAndIsRelated() {
        Trace trace = run(ScenarioBuilder.docker().iptables(filter("ACCEPT",
                "-A FORWARD -m state --state NEW -p udp -j REJECT"))
                .packets("{\"from\":\"c1\",\"proto\":\"udp\",\"dst\":\"10.99.0.100:53\"}"));
        var answer = trace.steps().stream().filter(s -> s.flow() == 2).findFirst().orElseThrow();
        assertThat(answer.packet().icmpType()).isEqualTo("destination-unreachable");
        assertThat(answer.packet().icmpCode()).isEqualTo(3);
        assertThat(answer.packet().embedded()).contains("udp 172.17.0.2");
        assertThat(trace.steps().stream().filter(s -> s.flow() == 2 && s.packet().ctState() != null))
                .allMatch(s -> s.packet().ctState().startsWith("RELATED"));
        assertThatTrace(trace).endsIn(2, Disposition.DELIVERED, "c1");
    }

    @Test
    void backendsOrderEbtablesOutputAndTheSecurityTableDifferently() {
        String ping = "{\"from\":\"host\",\"proto\":\"icmp\",\"dst\":\"172.17.0.2\"}";
        assertThat(decisions(run(ScenarioBuilder.docker().packets(ping)), 1))
                .containsSubsequence("bridge filter OUTPUT policy accept", "bridge nat OUTPUT policy accept");
        assertThat(decisions(run(ScenarioBuilder.docker().backend("legacy").packets(ping)), 1))
                .containsSubsequence("bridge nat OUTPUT policy accept", "bridge filter OUTPUT policy accept");
        String rules = "*nat\n:INPUT ACCEPT [0:0]\nCOMMIT\n*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n"
                + "*security\n:INPUT ACCEPT [0:0]\nCOMMIT\n";
        assertThat(decisions(run(ScenarioBuilder.docker().iptables(rules).hostListens("tcp/22").packets(WAN_SYN_22)), 1))
                .containsExactly("ip filter INPUT policy accept", "ip nat INPUT policy accept",
                        "ip security INPUT policy accept");
        assertThat(decisions(run(ScenarioBuilder.docker().backend("legacy").iptables(rules).hostListens("tcp/22")
                .packets(WAN_SYN_22)), 1)).as("legacy registers every chain of a loaded table")
                .containsExactly("ip nat PREROUTING policy accept", "ip filter INPUT policy accept",
                "ip security INPUT policy accept", "ip nat INPUT policy accept");
    }

    @Test
    void dockersUserlandProxyRulesLeaveAContainerReachingItsHostToTheHost() {
        Trace trace = run(ScenarioBuilder.docker().packets(
                "{\"from\":\"c1\",\"proto\":\"tcp\",\"dst\":\"10.99.0.5:8080\",\"reply\":true}"));
        assertThat(decisions(trace, 1)).contains("ip nat DOCKER return");
        assertThatTrace(trace).endsIn(1, Disposition.DELIVERED, "docker-host");
    }

    @Test
    void hairpinNatKeepsTheFrameOnTheBridgeToTheNewDestination() {
        String nat = "*nat\n:PREROUTING ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n"
                + "-A PREROUTING -m addrtype --dst-type LOCAL -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.3:80\n"
                + "COMMIT\n";
        Trace trace = run(ScenarioBuilder.docker().iptables(nat).packets(
                "{\"from\":\"c1\",\"proto\":\"tcp\",\"dst\":\"10.99.0.5:8080\",\"reply\":true}"));
        assertThatTrace(trace).endsIn(1, Disposition.DELIVERED, "c2").endsIn(2, Disposition.DELIVERED, "c1");
        assertThat(decisions(trace, 1)).contains("bridge filter FORWARD policy accept");
        var replyNat = trace.steps().stream().filter(s -> s.flow() == 2 && s.kind() == StepKind.NAT).findFirst()
                .orElseThrow();
        assertThat(replyNat.packet().src()).isEqualTo("10.99.0.5");
    }

    @Test
    void theHostReachesAPublishedPortThroughNatOutput() {
        Trace trace = run(ScenarioBuilder.docker().packets(
                "{\"from\":\"host\",\"proto\":\"tcp\",\"dst\":\"10.99.0.5:8080\",\"reply\":true}"));
        assertThat(decisions(trace, 1)).contains("ip nat OUTPUT jump DOCKER", "ip nat DOCKER accept");
        assertThatTrace(trace).endsIn(1, Disposition.DELIVERED, "c2").endsIn(2, Disposition.DELIVERED);
    }

    @Test
    void aClosedPortOnTheHostAnswersWithAReset() {
        Trace trace = run(ScenarioBuilder.docker().packets(WAN_SYN_22));
        assertThatTrace(trace).endsIn(1, Disposition.DELIVERED).endsIn(2, Disposition.DELIVERED, "wan");
        assertThat(trace.steps().stream().filter(s -> s.flow() == 2).findFirst().orElseThrow().packet().tcpFlags())
                .isEqualTo("RST,ACK");
    }

    @Test
    void ebtablesDropStopsABridgedFrame() {
        String ebtables = "*filter\n:INPUT ACCEPT\n:FORWARD ACCEPT\n:OUTPUT ACCEPT\n"
                + "-A FORWARD -s 02:42:ac:11:00:02 -j DROP\n";
        Trace trace = run(ScenarioBuilder.docker().ebtables(ebtables).packets(C1_PING_C2));
        assertThatTrace(trace).hasPackets(1).endsIn(1, Disposition.DROPPED, "bridge filter FORWARD");
        assertThat(decisions(trace, 1)).doesNotContain("ip filter FORWARD accept");
    }

    @Test
    void ebtablesDnatRewritesTheDestinationMacBeforeTheBridgingDecision() {
        String ebtables = "*nat\n:PREROUTING ACCEPT\n:OUTPUT ACCEPT\n:POSTROUTING ACCEPT\n"
                + "-A PREROUTING -d 02:42:ac:11:00:03 -j dnat --to-dst 02:42:ac:11:00:09 --dnat-target ACCEPT\n";
        Trace trace = run(ScenarioBuilder.docker().ebtables(ebtables).packets(C1_PING_C2));
        assertThatTrace(trace).endsIn(1, Disposition.DROPPED, "bridging");
    }

    @Test
    void queuedPacketsEndInUserspace() {
        Trace trace = run(ScenarioBuilder.docker().iptables(filter("ACCEPT", "-A FORWARD -j NFQUEUE --queue-num 3"))
                .packets(C1_PING_WAN));
        assertThatTrace(trace).hasPackets(1).endsIn(1, Disposition.QUEUED);
    }
}
