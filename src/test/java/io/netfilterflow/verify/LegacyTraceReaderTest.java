package io.netfilterflow.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import org.junit.jupiter.api.Test;

class LegacyTraceReaderTest {

    private static final String RULES = """
            *filter
            :INPUT DROP [0:0]
            :FORWARD ACCEPT [0:0]
            :OUTPUT ACCEPT [0:0]
            :DOCKER-USER - [0:0]
            -A INPUT -j LOG
            -A INPUT -p icmp -j DOCKER-USER
            -A FORWARD -j DOCKER-USER
            -A FORWARD -j DROP
            -A DOCKER-USER -j RETURN
            COMMIT
            """;
    private static final String PACKET = "IN=eth0 OUT= MAC=4e:6d SRC=10.99.0.100 DST=10.99.0.5 LEN=84 TOS=0x00"
            + " PROTO=ICMP TYPE=8 CODE=0 ID=19345 SEQ=1 ";

    private LegacyTraceReader reader() {
        return new LegacyTraceReader(IptablesSaveParser.parse(RULES));
    }

    @Test
    void rulesTakeTheirVerdictFromTheRulesetAndGoOnRulesAreLeftOut() {
        LegacyTraceReader reader = reader();
        reader.accept("TRACE: filter:INPUT:rule:1 " + PACKET);
        reader.accept("TRACE: filter:INPUT:rule:2 " + PACKET);
        reader.accept("TRACE: filter:DOCKER-USER:return:1 " + PACKET);
        reader.accept("TRACE: filter:INPUT:policy:3 " + PACKET);
        assertThat(reader.lines()).containsExactly(
                "ip filter INPUT jump DOCKER-USER | iif=\"eth0\" 10.99.0.100>10.99.0.5 icmp=echo-request"
                        + " | -A INPUT -p icmp -j DOCKER-USER",
                "ip filter DOCKER-USER return | iif=\"eth0\" 10.99.0.100>10.99.0.5 icmp=echo-request"
                        + " | -A DOCKER-USER -j RETURN",
                "ip filter INPUT policy drop | iif=\"eth0\" 10.99.0.100>10.99.0.5 icmp=echo-request");
    }

    @Test
    void anUnconditionalLastRuleIsNamedPolicyByTheKernelButIsTheRule() {
        LegacyTraceReader reader = reader();
        reader.accept("TRACE: filter:FORWARD:policy:2 " + PACKET);
        reader.accept("TRACE: filter:DOCKER-USER:return:2 " + PACKET);
        assertThat(reader.lines()).containsExactly("ip filter FORWARD drop | iif=\"eth0\" 10.99.0.100>10.99.0.5"
                + " icmp=echo-request | -A FORWARD -j DROP");
    }

    @Test
    void anIcmpErrorIsDescribedByItsOuterHeaderAndTcpByItsPorts() {
        assertThat(LegacyTraceReader.packet("IN= OUT=eth0 SRC=10.99.0.5 DST=10.99.0.100 PROTO=ICMP TYPE=3 CODE=3"
                + " [SRC=10.99.0.100 DST=10.99.0.5 PROTO=UDP SPT=1 DPT=2 ]"))
                .isEqualTo("oif=\"eth0\" 10.99.0.5>10.99.0.100 icmp=destination-unreachable");
        assertThat(LegacyTraceReader.packet("IN=docker0 OUT=eth0 PHYSIN=veth_c1 SRC=172.17.0.2 DST=1.1.1.1"
                + " PROTO=TCP SPT=40001 DPT=443 WINDOW=64240 SYN"))
                .isEqualTo("iif=\"docker0\" oif=\"eth0\" 172.17.0.2>1.1.1.1 sport=40001 dport=443");
    }
}
