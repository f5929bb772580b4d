package io.netfilterflow.netfilter.nft.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netfilterflow.netfilter.nft.NftRulesetParser;
import io.netfilterflow.netfilter.nft.NftTable;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NftIpv6DependencyTest {

    private static List<NftCompiledRule> forward(String family, String rules) {
        NftProgram program = NftProgram.of(NftRulesetParser.parse("table " + family + " t {\n\tchain forward {\n"
                + "\t\ttype filter hook forward priority filter; policy accept;\n" + rules + "\t}\n}\n"));
        NftTable table = program.ruleset().tables().get(0);
        return program.rules(table, "forward");
    }

    @Test
    void anIpv6MatchInAnInetTableIsItsNfprotoDependencyThenTheRestOfTheRule() {
        List<NftCompiledRule> rules = forward("inet", "\t\tip6 daddr { ::/96, ::ffff:0.0.0.0/96, 2002::/24 }"
                + " reject with icmpv6 addr-unreachable\n\t\tip6 daddr fe80::/64 udp dport 546 accept\n");

        NftExpr nfprotoIpv6 = new NftExpr.Cmp(NftField.META_NFPROTO, NftOp.EQ, 10L, null);
        assertThat(rules.get(0).exprs()).hasSize(3);
        assertThat(rules.get(0).exprs().get(0)).isEqualTo(nfprotoIpv6);
        assertThat(rules.get(0).exprs().get(1)).isInstanceOf(NftExpr.Lookup.class);
        assertThat(rules.get(0).exprs().get(2)).isEqualTo(nfprotoIpv6);
        assertThat(rules.get(1).exprs()).hasSize(4);
        assertThat(rules.get(1).exprs().get(0)).isEqualTo(nfprotoIpv6);
        assertThat(rules.get(1).exprs().get(2)).isInstanceOf(NftExpr.Cmp.class);
    }

    @Test
    void anIcmpv6MatchInABridgeTableDependsOnTheEtherType() {
        List<NftCompiledRule> rules = forward("bridge", "\t\ticmpv6 type { nd-router-advert, nd-neighbor-solicit }"
                + " accept\n");

        assertThat(rules.get(0).exprs().get(0))
                .isEqualTo(new NftExpr.Cmp(NftField.ETHER_TYPE, NftOp.EQ, 0x86ddL, null));
        assertThat(rules.get(0).exprs()).hasSize(3);
    }

    @Test
    void anIpv6MatchInAnIpTableIsRefusedWithItsLine() {
        RulesSyntaxException refused = catchThrowableOfType(RulesSyntaxException.class,
                () -> forward("ip", "\t\tip6 daddr ::1 accept\n"));

        assertThat(refused.line()).isEqualTo(4);
        assertThat(refused.reason()).contains("ip6 daddr");
    }
}
