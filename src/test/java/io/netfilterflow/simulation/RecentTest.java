package io.netfilterflow.simulation;

import static io.netfilterflow.support.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netfilterflow.scenario.ScenarioException;
import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code xt_recent} as {@code recent_mt} reads its options: which packets a list rule matches. */
class RecentTest {

    private static String ping(String from, String dst) {
        return "{\"from\":\"" + from + "\",\"proto\":\"icmp\",\"dst\":\"" + dst + "\"}";
    }

    private static Trace run(String forwardRules, String... packets) {
        String rules = "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n" + forwardRules
                + "COMMIT\n";
        return Simulator.run(ScenarioBuilder.docker().iptables(rules).packets(packets).build());
    }

    private static List<Disposition> outcomes(Trace trace, int packets) {
        List<Disposition> found = new ArrayList<>();
        for (int flow = 1; flow <= packets; flow++) {
            found.add(assertThatTrace(trace).flow(flow).disposition());
        }
        return found;
    }

    private static final Disposition PASS = Disposition.DELIVERED;
    private static final Disposition DROP = Disposition.DROPPED;

    @Test
    void updateAddsAStampOnlyWhenItMatchesSoTheThirdAttemptIsDropped() {
        String p = ping("c1", "10.99.0.100");
        Trace trace = run("-A FORWARD -m recent --set --name A\n"
                + "-A FORWARD -m recent --update --seconds 60 --hitcount 3 --name A -j DROP\n", p, p, p, p);
        assertThat(outcomes(trace, 4)).containsExactly(PASS, PASS, DROP, DROP);
    }

    @Test
    void updateWithoutSetNeverGrowsAnEntryThatDoesNotMatch() {
        String p = ping("c1", "10.99.0.100");
        Trace trace = run("-A FORWARD -m recent --update --hitcount 2 --name A -j DROP\n"
                + "-A FORWARD -m statistic --mode nth --every 3 --packet 0 -m recent --set --name A\n", p, p, p, p, p);
        // packets 1 and 4 set a stamp each; the failing --update of packets 2 and 3 adds none
        assertThat(outcomes(trace, 5)).containsExactly(PASS, PASS, PASS, PASS, DROP);
    }

    @Test
    void rcheckCountsWithoutAddingAStamp() {
        String p = ping("c1", "10.99.0.100");
        Trace trace = run("-A FORWARD -m recent --rcheck --hitcount 2 --name A -j DROP\n"
                + "-A FORWARD -m recent --set --name A\n", p, p, p);
        assertThat(outcomes(trace, 3)).containsExactly(PASS, PASS, DROP);
    }

    @Test
    void maskKeysTheListByTheMaskedAddress() {
        Trace trace = run("-A FORWARD -s 172.17.0.2 -m recent --set --name A --mask 255.255.255.0\n"
                + "-A FORWARD -s 172.17.0.3 -m recent --rcheck --name A --mask 255.255.255.0 -j DROP\n",
                ping("c1", "10.99.0.100"), ping("c2", "10.99.0.100"));
        assertThat(outcomes(trace, 2)).containsExactly(PASS, DROP);
    }

    @Test
    void rdestLooksUpTheDestinationAndRemoveForgetsIt() {
        String p = ping("c1", "10.99.0.100");
        Trace trace = run("-A FORWARD -m statistic --mode nth --every 3 --packet 0 -m recent --set --rdest --name A\n"
                + "-A FORWARD -m statistic --mode nth --every 3 --packet 1 -m recent --remove --rdest --name A\n"
                + "-A FORWARD -m recent --rcheck --rdest --name A -j DROP\n", p, p, p);
        assertThat(outcomes(trace, 3)).containsExactly(DROP, PASS, PASS);
    }

    @Test
    void aForwardedPacketIsLookedUpWithItsTtlBeforeForwarding() {
        String p = ping("c1", "10.99.0.100");
        String set = "*mangle\n:PREROUTING ACCEPT [0:0]\n"
                + "-A PREROUTING -m statistic --mode nth --every 2 --packet 0 -m recent --set --name A\nCOMMIT\n";
        String check = "*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -m statistic --mode nth --every 2 --packet 1"
                + " -m recent --rcheck --rttl --name A -j DROP\nCOMMIT\n";
        // PREROUTING stamps TTL 64; FORWARD sees 63 after ip_forward's decrement, and recent_mt adds the 1 back
        Trace trace = Simulator.run(ScenarioBuilder.docker().iptables(set + check).packets(p, p).build());
        assertThat(outcomes(trace, 2)).containsExactly(PASS, DROP);
    }

    @Test
    void theKernelRefusesWhatRecentMtCheckRefuses() {
        for (String bad : List.of("-m recent --rcheck --hitcount 256 --name A", "-m recent --rcheck --reap --name A",
                "-m recent --set --name a/b", "-m recent --set --name ..")) {
            assertThatThrownBy(() -> run("-A FORWARD " + bad + " -j DROP\n", ping("c1", "10.99.0.100")))
                    .as(bad).isInstanceOf(ScenarioException.class);
        }
    }

    @Test
    void oneListWithTwoMasksIsRefusedByName() {
        assertThatThrownBy(() -> run("-A FORWARD -m recent --set --name A --mask 255.255.255.0\n"
                + "-A FORWARD -m recent --rcheck --name A -j DROP\n", ping("c1", "10.99.0.100")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("recent list 'A'")
                .hasMessageContaining("--mask");
    }
}
