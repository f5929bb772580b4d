package io.netfilterflow.netfilter.save;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.bridge.save.EbtablesSaveParser;
import io.netfilterflow.netfilter.bridge.save.EbtablesSavePrinter;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.netfilter.ipv4.save.IptablesSavePrinter;
import io.netfilterflow.netfilter.xtables.UnsupportedMatch;
import io.netfilterflow.netfilter.xtables.UnsupportedTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extensions not modelled are kept with their names and words, printed back, and refused by name. */
class UnsupportedExtensionsTest {

    private static final String IPTABLES = """
            *filter
            :INPUT ACCEPT [0:0]
            -A INPUT -m quota --quota 100 -j ACCEPT
            -A INPUT -p tcp -m u32 --u32 "0>>22&0x3C@ 12>>26&0x3C@ 0=0x47455420" -m tcp --dport 80 -j TEE --gateway 10.0.0.1
            -A INPUT -m quota ! --quota 5 -m conntrack --ctstate NEW -j SECMARK --selctx system_u:object_r:ssh_packet_t:s0
            -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
            COMMIT
            """;

    @Test
    void iptablesKeepsThemAndPrintsThemBackAsWritten() {
        IptablesRuleset ruleset = IptablesSaveParser.parse(IPTABLES);

        assertThat(IptablesSavePrinter.print(ruleset)).isEqualTo(IPTABLES);
        var rules = ruleset.tables().get(0).chain("INPUT").rules();
        assertThat(rules.get(0).matches()).containsExactly(new UnsupportedMatch("quota", List.of("--quota", "100")));
        assertThat(rules.get(1).target()).isEqualTo(new UnsupportedTarget("TEE", List.of("--gateway", "10.0.0.1")));
        assertThat(rules.get(2).matches().get(0)).isEqualTo(new UnsupportedMatch("quota", List.of("!", "--quota", "5")));
        assertThat(rules.get(3).unsupported()).isEmpty();
    }

    @Test
    void iptablesReportsEachUseByNameAndLine() {
        List<String> refusals = IptablesSaveParser.parse(IPTABLES).unsupported().stream()
                .map(use -> use.toException().getMessage()).toList();

        assertThat(refusals).containsExactly("line 3: unsupported iptables match 'quota'",
                "line 4: unsupported iptables match 'u32'", "line 4: unsupported iptables target 'TEE'",
                "line 5: unsupported iptables match 'quota'", "line 5: unsupported iptables target 'SECMARK'");
    }

    @Test
    void anUnknownNameWithoutOptionsIsStillAChainThatMustExist() {
        assertThat(catchMessage("*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j KUBE-MARK-DROP\nCOMMIT\n"))
                .isEqualTo("line 3: 'KUBE-MARK-DROP' is neither a supported target nor a chain of table filter");
    }

    @Test
    void ebtablesKeepsThemAndReportsThem() {
        String text = """
                *filter
                :FORWARD ACCEPT
                -A FORWARD -p IPv4 --among-dst ! 02:00:00:00:00:01,02:00:00:00:00:02 -j DROP
                -A FORWARD --stp-root-prio 1 -j ACCEPT
                """;
        EbtablesRuleset ruleset = EbtablesSaveParser.parse(text);

        assertThat(EbtablesSavePrinter.print(ruleset)).isEqualTo(text);
        assertThat(ruleset.unsupported().stream().map(use -> use.toException().getMessage()))
                .containsExactly("line 3: unsupported ebtables extension 'among' (option --among-dst)",
                        "line 4: unsupported ebtables extension 'stp' (option --stp-root-prio)");
    }

    private static String catchMessage(String text) {
        try {
            IptablesSaveParser.parse(text);
            return null;
        } catch (RulesSyntaxException e) {
            return e.getMessage();
        }
    }
}
