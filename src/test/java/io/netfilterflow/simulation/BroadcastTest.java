package io.netfilterflow.simulation;

import static io.netfilterflow.support.TraceAssert.assertThatTrace;
import static io.netfilterflow.support.TraceAssert.codes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netfilterflow.scenario.ScenarioException;
import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * A broadcast from an endpoint: sent as an Ethernet broadcast, delivered locally through
 * {@code brd_input}, and never answered by the kernel.
 */
class BroadcastTest {

    private static final String ACCEPT_BROADCASTS = "*filter\n:INPUT DROP [0:0]\n"
            + "-A INPUT -m pkttype --pkt-type broadcast -m addrtype --dst-type BROADCAST -j ACCEPT\nCOMMIT\n";

    private static String udp(String from, String dst, boolean reply) {
        return "{\"from\":\"" + from + "\",\"proto\":\"udp\",\"dst\":\"" + dst + "\",\"reply\":" + reply + "}";
    }

    private static Trace run(ScenarioBuilder builder, String... packets) {
        return Simulator.run(builder.iptables(ACCEPT_BROADCASTS).packets(packets).build());
    }

    @Test
    void aSubnetBroadcastIsAnEthernetBroadcastDeliveredLocallyAndNotAnswered() {
        Trace trace = run(ScenarioBuilder.docker(), udp("wan", "10.99.0.255:137", true));
        assertThat(assertThatTrace(trace).flow(1).disposition()).isEqualTo(Disposition.DELIVERED);
        assertThat(codes(assertThatTrace(trace).flow(1).reason())).contains(ReasonCode.BROADCAST_NO_ANSWER);
        assertThatTrace(trace).hasPackets(1);
        assertThat(trace.steps().stream().filter(s -> s.flow() == 1 && s.packet() != null).findFirst().orElseThrow()
                .packet().toString()).contains("ff:ff:ff:ff:ff:ff");
    }

    @Test
    void theLimitedBroadcastIsDeliveredWithoutAFibLookup() {
        Trace trace = run(ScenarioBuilder.docker(), udp("wan", "255.255.255.255:67", true));
        assertThat(assertThatTrace(trace).flow(1).disposition()).isEqualTo(Disposition.DELIVERED);
        assertThatTrace(trace).hasPackets(1);
    }

    @Test
    void aListeningSocketTakesTheBroadcastIn() {
        Trace trace = run(ScenarioBuilder.docker().hostListens("udp/137"), udp("wan", "10.99.0.255:137", false));
        assertThat(codes(assertThatTrace(trace).flow(1).reason())).contains(ReasonCode.ANSWER_UDP_BROADCAST);
    }

    @Test
    void anEchoRequestOrSynToABroadcastGetsNoAnswer() {
        Trace trace = run(ScenarioBuilder.docker(),
                "{\"from\":\"wan\",\"proto\":\"icmp\",\"dst\":\"10.99.0.255\",\"reply\":true}",
                "{\"from\":\"wan\",\"proto\":\"tcp\",\"dst\":\"10.99.0.255:22\",\"reply\":true}");
        assertThatTrace(trace).hasPackets(2);
    }

    @Test
    void aBroadcastOnABridgeIsFloodedToTheOtherPortsThenPassedUpAndDelivered() {
        Trace trace = run(ScenarioBuilder.docker(), udp("c1", "172.17.255.255:137", true));
        assertThat(assertThatTrace(trace).flow(1).disposition()).isEqualTo(Disposition.DELIVERED);
        assertThatTrace(trace).hasPackets(1);
        var transmitted = trace.steps().stream().filter(s -> s.kind() == io.netfilterflow.trace.StepKind.TRANSMITTED)
                .map(s -> s.packet().out()).toList();
        assertThat(transmitted).containsExactly("veth_c2");
    }

    @Test
    void aFloodedCopyDroppedInForwardDoesNotEndThePacket() {
        String rules = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n"
                + "-A FORWARD -m physdev --physdev-out veth_c2 -j DROP\nCOMMIT\n";
        Trace trace = Simulator.run(ScenarioBuilder.docker().iptables(rules)
                .packets(udp("c1", "172.17.255.255:137", false)).build());
        assertThat(assertThatTrace(trace).flow(1).disposition()).isEqualTo(Disposition.DELIVERED);
    }

    @Test
    void anEndpointsAnswerToABroadcastIsRefusedByName() {
        ScenarioBuilder builder = ScenarioBuilder.docker().set(null, "endpoints", "[{\"name\":\"c1\",\"attach\":"
                + "\"veth_c1\",\"mac\":\"02:42:ac:11:00:02\",\"ip\":\"172.17.0.2/16\",\"gateway\":\"172.17.0.1\"},"
                + "{\"name\":\"c2\",\"attach\":\"veth_c2\",\"mac\":\"02:42:ac:11:00:03\",\"ip\":\"172.17.0.3/16\","
                + "\"listen\":[\"udp/137\"]}]");
        assertThatThrownBy(() -> run(builder, udp("c1", "172.17.255.255:137", true)))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("c2 listens on udp/137");
    }

    @Test
    void aBroadcastTheHostSendsIsRefusedByName() {
        assertThatThrownBy(() -> run(ScenarioBuilder.docker(), udp("host", "10.99.0.255:137", false)))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("SO_BROADCAST");
    }

    @Test
    void aSocketsAnswerToABroadcastIsRefusedByName() {
        assertThatThrownBy(() -> run(ScenarioBuilder.docker().hostListens("udp/137"),
                udp("wan", "10.99.0.255:137", true))).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("udp/137");
    }

    @Test
    void aBroadcastFrameTheHostWouldRouteIsNotForwarded() {
        ScenarioBuilder wide = ScenarioBuilder.docker().set(null, "endpoints", "[{\"name\":\"wan\",\"attach\":\"eth0\","
                + "\"mac\":\"02:00:0a:63:00:64\",\"ip\":\"10.99.0.100/16\",\"gateway\":\"10.99.0.5\"}]");
        Trace trace = run(wide, udp("wan", "10.99.255.255:137", false));
        assertThatTrace(trace).endsIn(1, Disposition.DROPPED, "FORWARD");
    }
}
