package io.netfilterflow.simulation;

import static io.netfilterflow.support.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each match the model reads, evaluated on a real path: a rule with it and {@code -j DROP} drops or not. */
class MatchesTest {

    private static final String ICMP = "{\"from\":\"c1\",\"proto\":\"icmp\",\"dst\":\"10.99.0.100\"}";
    private static final String TCP = "{\"from\":\"c1\",\"proto\":\"tcp\",\"src\":\"172.17.0.2:40000\",\"dst\":\"10.99.0.100:80\"}";
    private static final String UDP = "{\"from\":\"c1\",\"proto\":\"udp\",\"dst\":\"10.99.0.100:53\"}";
    private static final String HOST = "{\"from\":\"host\",\"proto\":\"tcp\",\"dst\":\"10.99.0.100:80\"}";

    @ParameterizedTest(name = "{0} {1} ({2}): drops={3}")
    @CsvSource(delimiter = '|', textBlock = """
            filter FORWARD | -p tcp -m tcp --dport 80                              | TCP  | true
            filter FORWARD | -p tcp -m tcp --dport 81                              | TCP  | false
            filter FORWARD | -p tcp -m tcp --tcp-flags SYN,ACK SYN                 | TCP  | true
            filter FORWARD | -p tcp -m tcp --syn --sport 40000                     | TCP  | true
            filter FORWARD | -p tcp -m tcp --tcp-option 2                          | TCP  | true
            filter FORWARD | -p udp -m udp --dport 53                              | UDP  | true
            filter FORWARD | -p udp -m udp ! --dport 53                            | UDP  | false
            filter FORWARD | -p icmp -m icmp --icmp-type 8                         | ICMP | true
            filter FORWARD | -p icmp -m icmp --icmp-type 0                         | ICMP | false
            filter FORWARD | -p tcp -m multiport --dports 22,80:90                 | TCP  | true
            filter FORWARD | -p tcp -m multiport --sports 22,80:90                 | TCP  | false
            filter FORWARD | -m iprange --src-range 172.17.0.1-172.17.0.9           | ICMP | true
            filter FORWARD | -m iprange --dst-range 172.17.0.1-172.17.0.9           | ICMP | false
            filter FORWARD | -m mac --mac-source 02:42:ac:11:00:02                 | ICMP | true
            filter FORWARD | -m mac --mac-source 02:42:ac:11:00:03                 | ICMP | false
            filter FORWARD | -m physdev --physdev-in veth_c1                        | ICMP | true
            filter FORWARD | -m physdev --physdev-is-bridged                        | ICMP | false
            filter FORWARD | -m pkttype --pkt-type unicast                          | ICMP | true
            filter FORWARD | -m pkttype --pkt-type broadcast                        | ICMP | false
            filter FORWARD | -m length --length 84                                  | ICMP | true
            filter FORWARD | -m length --length 85:100                              | ICMP | false
            filter FORWARD | -m conntrack --ctstate NEW                             | ICMP | true
            filter FORWARD | -m conntrack --ctstate RELATED,ESTABLISHED             | ICMP | false
            filter FORWARD | -m conntrack --ctorigdst 10.99.0.100 --ctdir ORIGINAL  | ICMP | true
            filter FORWARD | -m conntrack --ctstatus CONFIRMED                      | ICMP | false
            filter FORWARD | -m state --state NEW                                   | ICMP | true
            filter FORWARD | -m state --state INVALID                               | ICMP | false
            filter FORWARD | -m comment --comment "anything"                        | ICMP | true
            filter FORWARD | -m limit --limit 1/sec --limit-burst 1                 | ICMP | true
            filter FORWARD | -m statistic --mode nth --every 2 --packet 0           | ICMP | true
            filter FORWARD | -m statistic --mode nth --every 2 --packet 1           | ICMP | false
            filter FORWARD | -m statistic --mode random --probability 1.0          | ICMP | true
            filter FORWARD | -m set --match-set blocked dst                         | ICMP | true
            filter FORWARD | -m set --match-set blocked src                         | ICMP | false
            filter FORWARD | -m recent --name seen --rcheck                          | ICMP | false
            filter FORWARD | -m recent --name seen --set                            | ICMP | true
            filter FORWARD | -m addrtype --dst-type UNICAST                         | ICMP | true
            filter FORWARD | -m addrtype --dst-type LOCAL                           | ICMP | false
            filter FORWARD | -m mark --mark 0x1                                     | ICMP | false
            filter FORWARD | -m mark ! --mark 0x1                                   | ICMP | true
            filter FORWARD | -m connmark --mark 0x0                                 | ICMP | true
            filter FORWARD | -s 172.17.0.0/16 -o eth0                               | ICMP | true
            filter FORWARD | ! -s 172.17.0.0/16                                     | ICMP | false
            filter FORWARD | -i docker0 ! -o docker0 -p icmp                        | ICMP | true
            filter FORWARD | -i eth+                                                | ICMP | false
            filter FORWARD | -f                                                     | ICMP | false
            filter OUTPUT  | -m owner --uid-owner 0                                 | HOST | true
            filter OUTPUT  | -m owner --uid-owner 1000                              | HOST | false
            raw PREROUTING | -m rpfilter                                            | ICMP | true
            raw PREROUTING | -m rpfilter --invert                                   | ICMP | false
            """)
    void matchDecidesWhetherTheRuleApplies(String tableAndChain, String match, String packet, boolean drops) {
        String table = tableAndChain.split(" ")[0];
        String chain = tableAndChain.split(" ")[1];
        String rules = "*" + table + "\n:" + chain + " ACCEPT [0:0]\n-A " + chain + " " + match + " -j DROP\nCOMMIT\n";
        String json = switch (packet) {
            case "TCP" -> TCP;
            case "UDP" -> UDP;
            case "HOST" -> HOST;
            default -> ICMP;
        };
        Trace trace = Simulator.run(ScenarioBuilder.docker().iptables(rules)
                .set("host", "ipsets", "{\"blocked\": [\"10.99.0.100\"]}").packets(json).build());
        if (drops) {
            assertThatTrace(trace).endsIn(1, Disposition.DROPPED, "ip " + table + " " + chain);
        } else {
            assertThat(assertThatTrace(trace).flow(1).disposition()).isEqualTo(Disposition.DELIVERED);
        }
    }
}
