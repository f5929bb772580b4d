package io.netfilterflow.simulation;

import static io.netfilterflow.support.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netfilterflow.scenario.ScenarioException;
import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each native expression the compiler reads, evaluated on a real path: a rule {@code EXPR drop} in an inet
 * forward (or output) chain drops the packet or lets it through. The recorded fixtures hold these against
 * the kernel; this table holds each expression alone.
 */
class NftExpressionsTest {

    private static final String ICMP = "{\"from\":\"c1\",\"proto\":\"icmp\",\"dst\":\"10.99.0.100\"}";
    private static final String TCP = "{\"from\":\"c1\",\"proto\":\"tcp\",\"src\":\"172.17.0.2:40000\","
            + "\"dst\":\"10.99.0.100:80\",\"tcpFlags\":\"SYN\"}";
    private static final String UDP = "{\"from\":\"c1\",\"proto\":\"udp\",\"dst\":\"10.99.0.100:53\"}";
    private static final String HOST = "{\"from\":\"host\",\"proto\":\"tcp\",\"dst\":\"10.99.0.100:80\"}";

    @ParameterizedTest(name = "{0} {1} ({2}): drops={3}")
    @CsvSource(delimiter = ';', textBlock = """
            forward ; meta l4proto tcp ; TCP ; true
            forward ; meta l4proto { udp, icmp } ; TCP ; false
            forward ; tcp dport 80 ; TCP ; true
            forward ; tcp dport != 80 ; TCP ; false
            forward ; tcp dport 1-79 ; TCP ; false
            forward ; tcp dport 80-90 ; TCP ; true
            forward ; tcp dport >= 81 ; TCP ; false
            forward ; tcp dport 80 udp dport 80 ; TCP ; false
            forward ; th dport 53 ; UDP ; true
            forward ; udp dport { 53, 123 } ; UDP ; true
            forward ; tcp flags syn ; TCP ; true
            forward ; tcp flags syn / syn,ack ; TCP ; true
            forward ; tcp flags & (syn | ack) == syn | ack                    ; TCP  ; false
            forward ; tcp flags ack ; TCP ; false
            forward ; icmp type echo-request ; ICMP ; true
            forward ; icmp type { echo-reply, destination-unreachable } ; ICMP ; false
            forward ; ip saddr 172.17.0.0/16 ip daddr 10.99.0.100 ; ICMP ; true
            forward ; ip saddr != 172.17.0.0/16 ; ICMP ; false
            forward ; ip saddr 172.17.0.1-172.17.0.9 ; ICMP ; true
            forward ; ip saddr . ip daddr { 172.17.0.2 . 10.99.0.100 } ; ICMP ; true
            forward ; ip saddr . tcp dport { 172.17.0.2 . 22 } ; TCP ; false
            forward ; ip saddr . tcp dport { 172.17.0.0/16 . 80-90 } ; TCP ; true
            forward ; iifname "docker0" oifname "eth0" ; ICMP ; true
            forward ; iifname "veth*" ; ICMP ; false
            forward ; iifname "dock*" ; ICMP ; true
            forward ; iifname != "docker0" ; ICMP ; false
            forward ; iif "docker0" ; ICMP ; true
            forward ; ct state new ; ICMP ; true
            forward ; ct state established,related ; ICMP ; false
            forward ; ct state != established,related ; ICMP ; true
            forward ; ct direction original ; ICMP ; true
            forward ; ct original ip daddr 10.99.0.100 ; ICMP ; true
            forward ; ct mark 0x00000001 ; ICMP ; false
            forward ; meta mark 0x00000000 ; ICMP ; true
            forward ; meta mark & 0x00004000 == 0x00004000 ; ICMP ; false
            forward ; meta nfproto ipv4 ; ICMP ; true
            forward ; meta protocol ip ; ICMP ; true
            forward ; meta pkttype host ; ICMP ; true
            forward ; ip6 saddr ::1 ; ICMP ; false
            forward ; ip6 daddr != ::1 ; ICMP ; false
            forward ; icmpv6 type nd-neighbor-solicit ; ICMP ; false
            forward ; ip dscp cs0 ; ICMP ; true
            forward ; ip dscp ef ; ICMP ; false
            forward ; fib daddr type unicast ; ICMP ; true
            forward ; fib daddr type local ; ICMP ; false
            forward ; fib saddr type local ; ICMP ; false
            forward ; fib saddr . iif oif missing ; ICMP ; false
            forward ; fib saddr . iif oif exists ; ICMP ; true
            forward ; numgen inc mod 2 0 ; ICMP ; true
            forward ; numgen random mod 1 vmap { 0 : drop } ; ICMP ; true
            forward ; ip daddr vmap { 10.99.0.100 : drop, 10.0.0.1 : accept } ; ICMP ; true
            forward ; ip daddr vmap { 10.0.0.1 : drop } ; ICMP ; false
            forward ; limit rate 1/second burst 1 packets ; ICMP ; true
            forward ; limit rate over 1/second burst 1 packets ; ICMP ; false
            forward ; counter packets 0 bytes 0 log prefix "x " meta l4proto icmp ; ICMP ; true
            output ; meta skuid 0 ; HOST ; true
            output ; meta skuid 1000 ; HOST ; false
            output ; iifname "eth0" ; HOST ; false
            output ; iifname != "eth0" ; HOST ; true
            """)
    void anExpressionDecidesWhetherTheRuleApplies(String hook, String expr, String packet, boolean drops) {
        String json = switch (packet) {
            case "TCP" -> TCP;
            case "UDP" -> UDP;
            case "HOST" -> HOST;
            default -> ICMP;
        };
        Trace trace = Simulator.run(ScenarioBuilder.docker().noIptables().nftables(table(hook, expr + " drop"))
                .packets(json).build());
        if (drops) {
            assertThatTrace(trace).endsIn(1, Disposition.DROPPED, "inet t " + hook);
        } else {
            assertThat(assertThatTrace(trace).flow(1).disposition()).isEqualTo(Disposition.DELIVERED);
        }
    }

    @Test
    void aMarkSetIsSeenByTheNextRule() {
        String rules = "meta mark set meta mark | 0x00004000\n\t\tct mark set meta mark\n"
                + "\t\tmeta mark & 0x00004000 != 0x00000000 ct mark 0x00004000 drop";
        Trace trace = Simulator.run(ScenarioBuilder.docker().noIptables().nftables(table("forward", rules))
                .packets(ICMP).build());
        assertThatTrace(trace).endsIn(1, Disposition.DROPPED, "inet t forward");
    }

    @Test
    void whatIsNotModelledIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ScenarioBuilder.docker().nftables(table("forward", "meta time < \"2026-01-01\" drop"))
                .build()).isInstanceOfSatisfying(ScenarioException.class, e -> {
                    assertThat(e.field()).isEqualTo("host.nftables");
                    assertThat(e.rulesLine()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("'meta time'");
                });
    }

    @Test
    void anIpv6MappingReachedByAnIpv4PacketIsRefusedWhenReached() {
        var scenario = ScenarioBuilder.docker().noIptables().nftables(table("forward",
                "dnat ip6 to [2001:db8::1]:80")).packets(ICMP).build();
        assertThatThrownBy(() -> Simulator.run(scenario)).isInstanceOf(SimulationException.class)
                .hasMessageContaining("dnat ip6 to");
    }

    private static String table(String hook, String rule) {
        return "table inet t {\n\tchain " + hook + " {\n\t\ttype filter hook " + hook
                + " priority filter; policy accept;\n\t\t" + rule + "\n\t}\n}\n";
    }
}
