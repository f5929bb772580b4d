package io.netfilterflow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.problem.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ip rule show} lines read, and {@code fib_rules_lookup} over several tables. */
class PolicyRoutingTest {

    private static final List<Route> ROUTES = List.of(RouteParser.parse("default via 10.1.0.1 dev eth0"),
            RouteParser.parse("default via 10.2.0.1 dev eth1 table 100"),
            RouteParser.parse("198.51.100.0/24 via 10.2.0.1 dev eth1 table 200"),
            RouteParser.parse("throw 198.51.100.128/25 table 200"));

    @Test
    void aRuleLineReadsAsIpRuleShowPrintsIt() {
        IpRule rule = IpRuleParser.parse("100:\tnot from 10.0.0.0/8 to 192.0.2.0/24 iif eth1 fwmark 0x100/0xff00 lookup 100");
        assertThat(rule.priority()).isEqualTo(100);
        assertThat(rule.not()).isTrue();
        assertThat(rule.from()).hasToString("10.0.0.0/8");
        assertThat(rule.iif()).isEqualTo("eth1");
        assertThat(rule.fwmark()).isEqualTo(0x100L);
        assertThat(rule.mask()).isEqualTo(0xff00L);
        assertThat(rule.action()).isEqualTo(IpRule.Action.LOOKUP);
        assertThat(rule.target()).isEqualTo(100);
        assertThat(IpRuleParser.parse("32766:\tfrom all lookup main").target()).isEqualTo(Route.MAIN);
        assertThat(IpRuleParser.parse("pref 5 from all prohibit").action()).isEqualTo(IpRule.Action.PROHIBIT);
    }

    @Test
    void whatIsNotModelledIsRefusedByName() {
        assertThatThrownBy(() -> IpRuleParser.parse("100:\tfrom all lookup main suppress_prefixlength 0"))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("suppress_prefixlength");
        assertThatThrownBy(() -> IpRuleParser.parse("from all lookup 100")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> IpRuleParser.parse("100:\tfrom all iif eth0")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> RouteParser.parse("default via 10.2.0.1 dev eth1 table vpn"))
                .isInstanceOf(InvalidValue.class).hasMessageContaining("vpn");
    }

    @Test
    void theRulesChooseTheTableAndATableWithoutARouteLeavesItToTheNextRule() {
        Fib fib = fib("100:\tfrom all fwmark 0x1 lookup 100", "150:\tfrom all to 198.51.100.0/24 lookup 200");
        assertThat(device(fib, "198.51.100.7", 0)).isEqualTo("eth1");
        assertThat(device(fib, "203.0.113.9", 0)).as("table 200 has no route: main").isEqualTo("eth0");
        assertThat(device(fib, "198.51.100.200", 0)).as("a throw route leaves it to the next rule").isEqualTo("eth0");
        assertThat(device(fib, "203.0.113.9", 1)).as("the mark's table").isEqualTo("eth1");
    }

    @Test
    void gotoSkipsToItsPriorityAndARefusingRuleEndsTheLookup() {
        Fib fib = fib("50:\tfrom all goto 200", "100:\tfrom all fwmark 0x1 lookup 100", "200:\tfrom all to 192.0.2.0/24 prohibit");
        assertThat(device(fib, "203.0.113.9", 1)).as("the fwmark rule is jumped over").isEqualTo("eth0");
        Fib.Result refused = fib.route(new FibFlow(Ipv4Address.parse("192.0.2.7"), null, "lo", 0));
        assertThat(refused.route()).isNull();
        assertThat(refused.refusedBy().action()).isEqualTo(IpRule.Action.PROHIBIT);
        assertThat(fib.route(new FibFlow(Ipv4Address.parse("10.1.0.5"), null, "lo", 0)).route().type())
                .as("the local table comes first").isEqualTo(RouteType.LOCAL);
    }

    private static Fib fib(String... rules) {
        List<IpRule> all = new ArrayList<>(Fib.STANDARD_RULES);
        for (String rule : rules) {
            all.add(IpRuleParser.parse(rule));
        }
        return Fib.of(List.of(new TestLink("eth0", "10.1.0.5/24"), new TestLink("eth1", "10.2.0.5/24")), ROUTES, all);
    }

    private static String device(Fib fib, String destination, long mark) {
        return fib.route(new FibFlow(Ipv4Address.parse(destination), null, "lo", mark)).route().device();
    }
}

/** A routed interface with one address. */
record TestLink(String name, String address) implements Link {

    @Override
    public boolean isLoopback() {
        return false;
    }

    @Override
    public List<io.netfilterflow.net.InterfaceAddress> addresses() {
        return List.of(io.netfilterflow.net.InterfaceAddress.parse(address));
    }
}
