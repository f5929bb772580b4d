package io.netfilterflow.netfilter.ipv4.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry is a hand-written switch: each name must lead to the extension of that name, and only names do. */
class XtRegistryTest {

    @Test
    void eachModelledMatchAnswersToItsOwnName() {
        for (String name : List.of("tcp", "udp", "icmp", "sctp", "multiport", "conntrack", "state", "addrtype", "mark",
                "connmark", "comment", "mac", "physdev", "limit", "recent", "owner", "set", "statistic", "rpfilter",
                "iprange", "pkttype", "length")) {
            assertThat(XtRegistry.match(name)).as(name).isNotNull();
            assertThat(XtRegistry.match(name).name()).isEqualTo(name);
            assertThat(XtRegistry.target(name)).as("a match is no target").isNull();
        }
    }

    @Test
    void eachModelledTargetAnswersToItsOwnName() {
        for (String name : List.of("REJECT", "LOG", "NFLOG", "MARK", "CONNMARK", "CT", "NOTRACK", "DNAT", "SNAT",
                "MASQUERADE", "REDIRECT", "CHECKSUM", "TCPMSS", "NFQUEUE", "TRACE")) {
            assertThat(XtRegistry.target(name)).as(name).isNotNull();
            assertThat(XtRegistry.target(name).name()).isEqualTo(name);
            assertThat(XtRegistry.isKnownUnsupportedTarget(name)).as("modelled, so not refused").isFalse();
        }
    }

    @Test
    void namesAreExactAsIptablesTakesThem() {
        assertThat(XtRegistry.match("TCP")).isNull();
        assertThat(XtRegistry.target("dnat")).isNull();
        assertThat(XtRegistry.match("ACCEPT")).isNull();
        assertThat(XtRegistry.target("TEE")).isNull();
        assertThat(XtRegistry.isKnownUnsupportedTarget("TEE")).isTrue();
    }
}
