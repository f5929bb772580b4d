package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.packet.TcpFlag;
import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.netfilter.xtables.match.ConntrackMatch;
import io.netfilterflow.netfilter.xtables.match.CtState;
import io.netfilterflow.netfilter.xtables.match.IcmpMatch;
import io.netfilterflow.netfilter.xtables.match.MultiportMatch;
import io.netfilterflow.netfilter.xtables.match.StatisticMatch;
import io.netfilterflow.netfilter.xtables.match.TcpFlags;
import io.netfilterflow.netfilter.xtables.match.TcpMatch;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import io.netfilterflow.netfilter.xtables.target.ConnmarkTarget;
import io.netfilterflow.netfilter.xtables.target.DnatTarget;
import io.netfilterflow.netfilter.xtables.target.MarkTarget;
import io.netfilterflow.netfilter.xtables.target.RejectTarget;
import io.netfilterflow.support.RulesText;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The typed values the parsers produce: what the simulator will evaluate. */
class XtModelTest {

    @Test
    void synIsTheFourFlagMaskWithOnlySynSet() {
        TcpMatch tcp = (TcpMatch) rule("filter", "-A INPUT -p tcp --syn -j ACCEPT").matches().get(0);

        assertThat(tcp.flags().value()).isEqualTo(TcpFlags.SYN_ONLY);
        assertThat(tcp.flags().value().matches(TcpFlag.SYN)).isTrue();
        assertThat(tcp.flags().value().matches(TcpFlag.SYN | TcpFlag.ACK)).isFalse();
        assertThat(tcp.flags().value().matches(TcpFlag.SYN | TcpFlag.PSH)).isTrue();
    }

    @Test
    void negatedDportKeepsItsInversion() {
        TcpMatch tcp = (TcpMatch) rule("filter", "-A INPUT -p tcp ! --dport 22 -j ACCEPT").matches().get(0);

        assertThat(tcp.dport().value()).isEqualTo(PortRange.single(22));
        assertThat(tcp.dport().inverted()).isTrue();
        assertThat(tcp.dport().test(tcp.dport().value().contains(80))).isTrue();
    }

    @Test
    void markSpellingsReduceToTheKernelsXmark() {
        MarkTarget or = (MarkTarget) rule("mangle", "-A PREROUTING -j MARK --or-mark 0x4000").target();
        MarkTarget and = (MarkTarget) rule("mangle", "-A PREROUTING -j MARK --and-mark 0xff").target();
        MarkTarget xor = (MarkTarget) rule("mangle", "-A PREROUTING -j MARK --xor-mark 0x1").target();
        MarkTarget set = (MarkTarget) rule("mangle", "-A PREROUTING -j MARK --set-mark 0x10/0xf0").target();

        assertThat(or.apply(0x1)).isEqualTo(0x4001);
        assertThat(and.apply(0x1234)).isEqualTo(0x34);
        assertThat(xor.apply(0x3)).isEqualTo(0x2);
        assertThat(set.apply(0xfff)).isEqualTo(0xf1f);
    }

    @Test
    void connmarkRestoreKeepsBothMasks() {
        ConnmarkTarget target = (ConnmarkTarget) rule("mangle",
                "-A PREROUTING -j CONNMARK --restore-mark --nfmask 0xff0000 --ctmask 0xff00").target();

        assertThat(target.mode()).isEqualTo(ConnmarkTarget.Mode.RESTORE);
        assertThat(target.nfmask()).isEqualTo(0xff0000L);
        assertThat(target.ctmask()).isEqualTo(0xff00L);
    }

    @Test
    void conntrackStatesAndOriginalDestination() {
        ConntrackMatch ct = (ConntrackMatch) rule("filter",
                "-A FORWARD -m conntrack --ctstate DNAT,ESTABLISHED --ctorigdst 10.99.0.5 -j ACCEPT").matches().get(0);

        assertThat(ct.state().value()).isEqualTo(Set.of(CtState.DNAT, CtState.ESTABLISHED));
        assertThat(ct.origDst().value().contains(Ipv4Address.parse("10.99.0.5"))).isTrue();
        assertThat(ct.origDst().value().contains(Ipv4Address.parse("10.99.0.6"))).isFalse();
    }

    @Test
    void statisticKeepsTheKernelsFraction() {
        StatisticMatch statistic = (StatisticMatch) rule("filter",
                "-A INPUT -m statistic --mode random --probability 0.25 -j ACCEPT").matches().get(0);

        assertThat(statistic.probability()).isEqualTo(0x20000000L);
        assertThat(statistic.probabilityValue()).isEqualTo(0.25);
    }

    @Test
    void multiportMatchesAnyListedPortOrRange() {
        MultiportMatch multiport = (MultiportMatch) rule("filter",
                "-A INPUT -p tcp -m multiport --dports 22,8000:8080 -j ACCEPT").matches().get(0);

        assertThat(multiport.matches(40000, 22)).isTrue();
        assertThat(multiport.matches(40000, 8042)).isTrue();
        assertThat(multiport.matches(22, 443)).isFalse();
    }

    @Test
    void icmpNameBecomesTypeAndCodeRange() {
        IcmpMatch icmp = (IcmpMatch) rule("filter", "-A INPUT -p icmp --icmp-type port-unreachable -j ACCEPT")
                .matches().get(0);

        assertThat(icmp.type().value().matches(3, 3)).isTrue();
        assertThat(icmp.type().value().matches(3, 1)).isFalse();
    }

    @Test
    void dnatKeepsAddressAndPort() {
        DnatTarget dnat = (DnatTarget) rule("nat",
                "-A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.3:80").target();

        assertThat(dnat.range().minAddress()).isEqualTo(Ipv4Address.parse("172.17.0.3"));
        assertThat(dnat.range().ports()).isEqualTo(PortRange.single(80));
    }

    @Test
    void rejectDefaultsToPortUnreachable() {
        RejectTarget reject = (RejectTarget) rule("filter", "-A INPUT -j REJECT").target();

        assertThat(reject.with()).isEqualTo(RejectTarget.With.ICMP_PORT_UNREACHABLE);
        assertThat(reject.with().icmpType()).isEqualTo(3);
        assertThat(reject.with().icmpCode()).isEqualTo(3);
    }

    @Test
    void gotoAndJumpAreDistinguished() {
        assertThat(rule("filter", "-A INPUT -g user").target()).isEqualTo(new ChainJump("user", true));
        assertThat(rule("filter", "-A INPUT -j user").target()).isEqualTo(new ChainJump("user", false));
    }

    @Test
    void aRuleWithoutTargetOnlyCounts() {
        assertThat(rule("filter", "-A INPUT -s 10.0.0.1").target()).isNull();
    }

    private static IptRule rule(String table, String text) {
        String chain = text.split(" ")[1];
        return IptablesSaveParser.parse(RulesText.table(table, text)).table(IptTableName.bySaveName(table))
                .chain(chain).rules().get(0);
    }
}
