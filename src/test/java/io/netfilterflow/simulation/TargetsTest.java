package io.netfilterflow.simulation;

import static io.netfilterflow.support.TraceAssert.assertThatTrace;
import static io.netfilterflow.support.TraceAssert.decisions;
import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.StepKind;
import io.netfilterflow.trace.Trace;
import org.junit.jupiter.api.Test;

/** What each target does to the packet, and whether the packet goes on after it. */
class TargetsTest {

    private static final String PING = "{\"from\":\"c1\",\"proto\":\"icmp\",\"dst\":\"10.99.0.100\",\"reply\":true}";

    private static Trace run(String rules, String... packets) {
        return Simulator.run(ScenarioBuilder.docker().iptables(rules).hostListens("tcp/22", "udp/53")
                .packets(packets.length == 0 ? new String[] {PING} : packets).build());
    }

    @Test
    void markSetInPreroutingIsMatchedInForward() {
        Trace trace = run("*mangle\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j MARK --set-mark 0x1\nCOMMIT\n"
                + "*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -m mark --mark 0x1 -j DROP\nCOMMIT\n");
        assertThat(decisions(trace, 1)).containsSubsequence("ip mangle PREROUTING continue", "ip filter FORWARD drop");
        assertThat(trace.steps().stream().filter(s -> s.kind() == StepKind.RULE).findFirst().orElseThrow()
                .packet().mark()).isEqualTo("0x1");
    }

    @Test
    void connmarkSavesTheMarkOnTheConnectionAndRestoresItOnTheReply() {
        Trace trace = run("*mangle\n:PREROUTING ACCEPT [0:0]\n"
                + "-A PREROUTING -i docker0 -j MARK --set-mark 0x7\n-A PREROUTING -i docker0 -j CONNMARK --save-mark\n"
                + "-A PREROUTING -i eth0 -j CONNMARK --restore-mark\nCOMMIT\n"
                + "*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -i eth0 -m mark --mark 0x7 -j LOG --log-prefix \"back \"\nCOMMIT\n");
        assertThat(decisions(trace, 2)).contains("ip filter FORWARD continue");
        assertThatTrace(trace).endsIn(2, Disposition.DELIVERED, "c1");
    }

    @Test
    void logLetsThePacketGoOn() {
        Trace trace = run("*filter\n:FORWARD DROP [0:0]\n-A FORWARD -j LOG\n-A FORWARD -j ACCEPT\nCOMMIT\n");
        assertThat(decisions(trace, 1).stream().filter(line -> line.startsWith("ip filter")))
                .containsExactly("ip filter FORWARD continue", "ip filter FORWARD accept");
    }

    @Test
    void snatBindsTheSourceAndTheReplyIsDeNated() {
        Trace trace = run("*nat\n:PREROUTING ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n"
                + "-A POSTROUTING -o eth0 -j SNAT --to-source 10.99.0.5\nCOMMIT\n");
        var snat = trace.steps().stream().filter(s -> s.flow() == 1 && s.kind() == StepKind.NAT).findFirst().orElseThrow();
        assertThat(snat.packet().src()).isEqualTo("10.99.0.5");
        var denat = trace.steps().stream().filter(s -> s.flow() == 2 && s.kind() == StepKind.NAT).findFirst().orElseThrow();
        assertThat(denat.packet().dst()).isEqualTo("172.17.0.2");
        assertThatTrace(trace).endsIn(2, Disposition.DELIVERED, "c1");
    }

    @Test
    void redirectSendsTheConnectionToTheHostItself() {
        Trace trace = run("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n"
                        + "-A PREROUTING -i eth0 -p tcp --dport 2222 -j REDIRECT --to-ports 22\nCOMMIT\n",
                "{\"from\":\"wan\",\"proto\":\"tcp\",\"dst\":\"10.99.0.5:2222\",\"reply\":true}");
        assertThatTrace(trace).endsIn(1, Disposition.DELIVERED, "docker-host")
                .endsIn(2, Disposition.DELIVERED, "wan");
        var synAck = trace.steps().stream().filter(s -> s.flow() == 2 && s.kind() == StepKind.NAT).findFirst()
                .orElseThrow();
        assertThat(synAck.packet().sport()).isEqualTo(2222);
    }

    @Test
    void notrackViaTheCtTargetMakesThePacketUntracked() {
        Trace trace = run("*raw\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -p icmp -j CT --notrack\nCOMMIT\n"
                + "*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -m conntrack --ctstate UNTRACKED -j DROP\nCOMMIT\n");
        assertThatTrace(trace).endsIn(1, Disposition.DROPPED, "ip filter FORWARD");
    }

    @Test
    void queueHandsThePacketToUserspace() {
        Trace trace = run("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p udp -j QUEUE\nCOMMIT\n",
                "{\"from\":\"wan\",\"proto\":\"udp\",\"dst\":\"10.99.0.5:53\",\"reply\":true}");
        assertThat(decisions(trace, 1)).containsExactly("ip filter INPUT queue");
        assertThatTrace(trace).hasPackets(1).endsIn(1, Disposition.QUEUED);
    }

    @Test
    void countersAddUpOverTheScenarioLikeIptablesVL() {
        Trace trace = run("*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -p icmp -j ACCEPT\nCOMMIT\n", PING, PING);
        var counter = trace.counters().stream().filter(c -> c.chain().equals("FORWARD") && c.line() == 3)
                .findFirst().orElseThrow();
        assertThat(counter.packets()).isEqualTo(4);
        assertThat(counter.bytes()).isEqualTo(4 * 84);
    }
}
