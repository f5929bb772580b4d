package io.netfilterflow.simulation;

import static io.netfilterflow.support.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.host.Sysctls;
import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code fib_validate_source} in {@code ip_route_input_slow}: with rp_filter the source is checked for
 * packets to the host as well as forwarded ones, strict or loose by max(conf.all, conf.dev).
 */
class ReversePathTest {

    private static Trace send(ScenarioBuilder builder, String from, String src, String dst) {
        return Simulator.run(builder.noIptables().packets("{\"from\":\"" + from + "\",\"proto\":\"icmp\",\"src\":\"" + src
                + "\",\"dst\":\"" + dst + "\"}").build());
    }

    @ParameterizedTest(name = "all={0} eth0={1}: {2} > {3} delivered={4}")
    @CsvSource(textBlock = """
            0, -1, 172.17.0.9,   10.99.0.5,  true
            1, -1, 172.17.0.9,   10.99.0.5,  false
            1, -1, 172.17.0.9,   172.17.0.2, false
            1, -1, 198.51.100.7, 10.99.0.5,  true
            2, -1, 172.17.0.9,   10.99.0.5,  true
            2, -1, 172.17.0.9,   172.17.0.2, true
            0,  1, 172.17.0.9,   10.99.0.5,  false
            2,  1, 172.17.0.9,   10.99.0.5,  true
            1,  2, 172.17.0.9,   10.99.0.5,  true
            """)
    void theSourceIsCheckedOnLocalDeliveryAndForwarding(int all, int eth0, String src, String dst, boolean delivered) {
        ScenarioBuilder builder = ScenarioBuilder.docker().sysctl(Sysctls.RP_FILTER, all);
        if (eth0 >= 0) {
            builder.sysctl("net.ipv4.conf.eth0.rp_filter", eth0);
        }
        Trace trace = send(builder, "wan", src, dst);
        if (delivered) {
            assertThat(assertThatTrace(trace).flow(1).disposition()).isEqualTo(Disposition.DELIVERED);
        } else {
            assertThatTrace(trace).endsIn(1, Disposition.DROPPED, "routing");
        }
    }

    @ParameterizedTest(name = "rp_filter={0}")
    @CsvSource({"1", "2"})
    void noRouteBackAtAllIsAMartianInBothModes(int mode) {
        ScenarioBuilder builder = ScenarioBuilder.docker().sysctl(Sysctls.RP_FILTER, mode).set("host", "routes",
                "[\"10.99.0.0/24 dev eth0\", \"172.17.0.0/16 dev docker0\"]");
        assertThatTrace(send(builder, "wan", "198.51.100.7", "10.99.0.5")).endsIn(1, Disposition.DROPPED, "routing");
    }
}
