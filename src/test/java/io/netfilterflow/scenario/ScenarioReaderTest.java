package io.netfilterflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netfilterflow.support.ScenarioBuilder;
import org.junit.jupiter.api.Test;

/** A scenario that names something missing, or has a typo, is refused with the field, line and name. */
class ScenarioReaderTest {

    private static ScenarioException refusal(ScenarioBuilder builder) {
        try {
            builder.build();
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("the scenario was accepted");
    }

    @Test
    void aPacketFromAMissingEndpointIsRefusedByName() {
        ScenarioException e = refusal(ScenarioBuilder.docker().packets("{\"from\":\"c9\",\"proto\":\"icmp\",\"dst\":\"10.99.0.100\"}"));
        assertThat(e.field()).isEqualTo("packets[0].from");
        assertThat(e.getMessage()).contains("'c9'").contains("c1, c2, wan");
    }

    @Test
    void anEndpointOnAMissingInterfaceIsRefusedByName() {
        ScenarioException e = refusal(ScenarioBuilder.docker().set(null, "endpoints",
                "[{\"name\":\"x\",\"attach\":\"veth_x\",\"mac\":\"02:00:00:00:00:01\",\"ip\":\"10.1.0.2/24\"}]"));
        assertThat(e.field()).isEqualTo("endpoints[0].attach");
        assertThat(e.getMessage()).contains("veth_x");
    }

    @Test
    void aJumpToAMissingChainIsRefusedWithItsRulesLine() {
        ScenarioException e = refusal(ScenarioBuilder.docker().iptables(
                "*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -j NOPE\nCOMMIT\n"));
        assertThat(e.field()).isEqualTo("host.iptables");
        assertThat(e.rulesLine()).isEqualTo(3);
        assertThat(e.getMessage()).contains("NOPE");
    }

    @Test
    void aMissingIpsetIsRefusedByName() {
        ScenarioException e = refusal(ScenarioBuilder.docker().iptables(
                "*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -m set --match-set bad src -j DROP\nCOMMIT\n"));
        assertThat(e.rulesLine()).isEqualTo(3);
        assertThat(e.getMessage()).contains("'bad'");
    }

    @Test
    void aRouteThroughAMissingDeviceIsRefused() {
        ScenarioException e = refusal(ScenarioBuilder.docker().set("host", "routes", "[\"10.5.0.0/16 dev eth9\"]"));
        assertThat(e.field()).isEqualTo("host.routes[0]");
        assertThat(e.getMessage()).contains("eth9");
    }

    @Test
    void aBridgePortOfAMissingBridgeIsRefused() {
        ScenarioException e = refusal(ScenarioBuilder.docker().set("host", "interfaces",
                "[{\"name\":\"veth_a\",\"kind\":\"veth\",\"master\":\"br9\"}]").packets());
        assertThat(e.field()).isEqualTo("host.interfaces[0].master");
        assertThat(e.getMessage()).contains("br9");
    }

    @Test
    void anRpFilterKeyForAMissingInterfaceIsRefusedByName() {
        ScenarioException e = refusal(ScenarioBuilder.docker().sysctl("net.ipv4.conf.eth9.rp_filter", 1));
        assertThat(e.field()).isEqualTo("host.sysctl.net.ipv4.conf.eth9.rp_filter");
        assertThat(e.getMessage()).contains("eth9");
    }

    @Test
    void perDeviceAndDefaultRpFilterKeysAreAccepted() {
        var host = ScenarioBuilder.docker().sysctl("net.ipv4.conf.default.rp_filter", 2)
                .sysctl("net.ipv4.conf.eth0.rp_filter", 1).build().host();
        assertThat(host.sysctls().rpFilter("eth0")).isEqualTo(1);
        assertThat(host.sysctls().rpFilter("docker0")).isEqualTo(2);
    }

    @Test
    void anUnknownFieldIsATypoNotSilence() {
        String json = ScenarioBuilder.docker().json().replace("\"backend\"", "\"bakend\"");
        assertThatThrownBy(() -> ScenarioReader.read(json)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("unknown field 'bakend'");
    }

    @Test
    void errorsCarryTheJsonLine() {
        String json = "{\n  \"schema\": \"netfilter-flow/scenario@1\",\n  \"host\": {\n    \"interfaces\": [],\n"
                + "    \"sysctl\": {\"net.ipv4.ip_forwrd\": 1}\n  },\n  \"packets\": []\n}\n";
        assertThatThrownBy(() -> ScenarioReader.read(json)).isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).jsonLine()).isEqualTo(5))
                .hasMessageContaining("ip_forwrd");
    }

    @Test
    void theBrouteTableNeedsTheLegacyBackend() {
        ScenarioException e = refusal(ScenarioBuilder.docker().ebtables("*broute\n:BROUTING ACCEPT\n"));
        assertThat(e.getMessage()).contains("legacy");
        ScenarioBuilder.docker().backend("legacy").ebtables("*broute\n:BROUTING ACCEPT\n").build();
    }
    /** Numbers past long (once a 500 and exit 70) and past each field's width: refused at the field. */
    @Test
    void everyNumberPastItsWidthIsRefusedAtItsField() {
        String huge = "123456789012345678901234567890";
        java.util.Map<String, ScenarioBuilder> cases = new java.util.LinkedHashMap<>();
        cases.put("seed", ScenarioBuilder.docker().set(null, "seed", huge));
        cases.put("seed ", ScenarioBuilder.docker().set(null, "seed", "-1"));
        cases.put("host.sysctl.net.ipv4.ip_forward",
                ScenarioBuilder.docker().set("host", "sysctl", "{\"net.ipv4.ip_forward\": " + huge + "}"));
        cases.put("host.sysctl.net.ipv4.conf.all.rp_filter",
                ScenarioBuilder.docker().set("host", "sysctl", "{\"net.ipv4.conf.all.rp_filter\": 4294967298}"));
        cases.put("host.routes[0]", ScenarioBuilder.docker().set("host", "routes",
                "[\"10.9.0.0/16 dev eth0 metric " + huge + "\"]"));
        cases.put("host.interfaces[1].addresses[0]", ScenarioBuilder.docker().set("host", "interfaces",
                "[{\"name\": \"lo\"}, {\"name\": \"eth0\", \"addresses\": [\"10.0.0.1/" + huge + "\"]}]"));
        cases.put("host.listen[0]", ScenarioBuilder.docker().hostListens("tcp/" + huge));
        String packet = "{\"from\": \"wan\", \"proto\": \"%s\", \"dst\": \"10.99.0.5%s\", %s}";
        cases.put("packets[0].dst", ScenarioBuilder.docker().packets(packet.formatted("tcp", ":" + huge, "\"reply\": true")));
        cases.put("packets[0].icmpCode", ScenarioBuilder.docker().packets(packet.formatted("icmp", "", "\"icmpCode\": " + huge)));
        cases.put("packets[0].length", ScenarioBuilder.docker().packets(packet.formatted("icmp", "", "\"length\": 4294967316")));
        cases.put("packets[0].icmpType", ScenarioBuilder.docker().packets(packet.formatted("icmp", "", "\"icmpType\": \"" + huge + "\"")));
        cases.forEach((field, scenario) -> {
            ScenarioException e = refusal(scenario);
            assertThat(e.field()).as(field).isEqualTo(field.strip());
        });
        ScenarioException uid = refusal(ScenarioBuilder.docker().packets(
                "{\"from\": \"host\", \"proto\": \"udp\", \"dst\": \"10.99.0.100:53\", \"uid\": " + huge + "}"));
        assertThat(uid.field()).isEqualTo("packets[0].uid");
        assertThat(uid.getMessage()).isEqualTo("must be a whole number 0..4294967295");
    }
}
