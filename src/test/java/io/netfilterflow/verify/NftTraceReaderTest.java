package io.netfilterflow.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NftTraceReaderTest {

    private static final String PING = "ip saddr 10.99.0.100 ip daddr 10.99.0.5 ip dscp cs0 ip ecn not-ect ip ttl 64"
            + " ip id 44809 ip length 84 icmp type echo-request icmp code net-unreachable icmp id 19254";

    @Test
    void keepsDecisionsAndPoliciesWithThePacketTheirBaseChainSaw() {
        NftTraceReader reader = new NftTraceReader();
        List.of(
                "trace id 8cbdb7ca ip nfflow_trace pre packet: iif \"eth0\" ether saddr 5a:1b:a5:31:30:db " + PING,
                "trace id 8cbdb7ca ip nfflow_trace pre rule ip daddr != 224.0.0.0/4 meta nftrace set 1 (verdict continue)",
                "trace id 8cbdb7ca ip nfflow_trace pre policy accept ",
                "trace id 8cbdb7ca ip nat PREROUTING packet: iif \"eth0\" " + PING,
                "trace id 8cbdb7ca ip nat PREROUTING rule fib daddr type local counter packets 0 bytes 0 jump DOCKER"
                        + " (verdict jump DOCKER)",
                "trace id 8cbdb7ca ip nat DOCKER rule counter packets 0 bytes 0 meta mark set 0x1 (verdict continue)",
                "trace id 8cbdb7ca ip nat PREROUTING policy accept meta mark 0x00000001 ",
                "trace id 8cbdb7ca ip filter INPUT packet: iif \"eth0\" " + PING,
                "trace id 8cbdb7ca ip filter INPUT verdict continue ")
                .forEach(reader::accept);
        assertThat(reader.lines()).containsExactly(
                "ip nat PREROUTING jump DOCKER | iif=\"eth0\" 10.99.0.100>10.99.0.5 icmp=echo-request"
                        + " | fib daddr type local jump DOCKER",
                "ip nat PREROUTING policy accept | iif=\"eth0\" 10.99.0.100>10.99.0.5 icmp=echo-request");
    }

    @Test
    void aRejectStaysAfterTheAnswerItSentAsTheKernelReportsIt() {
        NftTraceReader reader = new NftTraceReader();
        List.of(
                "trace id 06ff9275 ip nfflow_trace out packet: oif \"docker0\" ip saddr 172.17.0.1 ip daddr 172.17.0.2"
                        + " icmp type destination-unreachable icmp code port-unreachable",
                "trace id 06ff9275 ip nfflow_trace out rule meta nftrace set 1 (verdict continue)",
                "trace id 06ff9275 ip filter OUTPUT packet: oif \"docker0\" ip saddr 172.17.0.1 ip daddr 172.17.0.2"
                        + " icmp type destination-unreachable",
                "trace id 06ff9275 ip filter OUTPUT policy accept ",
                "trace id 4b6b0143 ip filter FORWARD packet: iif \"docker0\" oif \"eth0\" ip saddr 172.17.0.2"
                        + " ip daddr 10.99.0.100 udp sport 40001 udp dport 53",
                "trace id 4b6b0143 ip filter FORWARD rule udp dport 53 counter packets 0 bytes 0 reject (verdict drop)")
                .forEach(reader::accept);
        assertThat(reader.lines()).containsExactly(
                "ip filter OUTPUT policy accept | oif=\"docker0\" 172.17.0.1>172.17.0.2 icmp=destination-unreachable",
                "ip filter FORWARD drop | iif=\"docker0\" oif=\"eth0\" 172.17.0.2>10.99.0.100 sport=40001 dport=53"
                        + " | udp dport 53 reject");
    }

    @Test
    void aRejectThatSentNothingStaysWhereItIs() {
        NftTraceReader reader = new NftTraceReader();
        List.of(
                "trace id 1 ip nfflow_trace out packet: oif \"eth0\" ip saddr 10.99.0.5 ip daddr 10.99.0.100"
                        + " icmp type destination-unreachable",
                "trace id 1 ip nfflow_trace out rule meta nftrace set 1 (verdict continue)",
                "trace id 1 ip filter OUTPUT packet: oif \"eth0\" ip saddr 10.99.0.5 ip daddr 10.99.0.100"
                        + " icmp type destination-unreachable",
                "trace id 1 ip filter OUTPUT rule reject (verdict drop)")
                .forEach(reader::accept);
        assertThat(reader.lines()).containsExactly("ip filter OUTPUT drop | oif=\"eth0\" 10.99.0.5>10.99.0.100"
                + " icmp=destination-unreachable | reject");
    }
}
