package io.netfilterflow.netfilter.bridge.save;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netfilterflow.netfilter.bridge.EbtChainJump;
import io.netfilterflow.netfilter.bridge.EbtRule;
import io.netfilterflow.netfilter.bridge.EbtTableName;
import io.netfilterflow.netfilter.bridge.EbtVerdict;
import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.bridge.ebt.EbtDnatTarget;
import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class EbtablesSaveParserTest {

    @ParameterizedTest(name = "{1}")
    @CsvFileSource(resources = "/rules/ebtables-extensions.psv", delimiter = '|', quoteCharacter = '\u0000')
    void printsEachRuleAsEbtablesSaveDoes(String table, String written, String expected) {
        String printed = EbtablesSavePrinter.print(EbtablesSaveParser.parse(table(table, written)));

        // a psv value cannot end in a blank; ebtables-nft's "-j redirect " is checked in ListingConformanceTest
        assertThat(printed.lines().filter(line -> line.startsWith("-A")).map(String::stripTrailing))
                .containsExactly(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvFileSource(resources = "/rules/ebtables-errors.psv", delimiter = '|', quoteCharacter = '\u0000')
    void refusesMalformedRulesNamingLineAndReason(String table, String written, String reason) {
        String text = table(table, written);
        int line = (int) text.lines().takeWhile(l -> !l.equals(written)).count() + 1;

        assertThatThrownBy(() -> EbtablesSaveParser.parse(text))
                .isInstanceOf(RulesSyntaxException.class)
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageContaining(reason);
    }

    @Test
    void tablesRunToTheNextTableWithoutCommit() {
        EbtablesRuleset ruleset = EbtablesSaveParser.parse("""
                *filter
                :INPUT ACCEPT
                :FORWARD DROP
                :OUTPUT ACCEPT
                :bar RETURN
                -A FORWARD -j bar
                *nat
                :PREROUTING ACCEPT
                -A PREROUTING -p IPv4 --ip-dst 10.0.0.1 -j dnat --to-dst 02:00:00:00:00:09 --dnat-target ACCEPT
                """);

        assertThat(ruleset.tables()).hasSize(2);
        assertThat(ruleset.table(EbtTableName.FILTER).chain("FORWARD").policy()).isEqualTo(EbtVerdict.DROP);
        assertThat(ruleset.table(EbtTableName.FILTER).chain("bar").policy()).isEqualTo(EbtVerdict.RETURN);
        assertThat(ruleset.table(EbtTableName.FILTER).chain("FORWARD").rules().get(0).target())
                .isEqualTo(new EbtChainJump("bar"));
        EbtRule dnat = ruleset.table(EbtTableName.NAT).chain("PREROUTING").rules().get(0);
        assertThat(dnat.target()).isInstanceOf(EbtDnatTarget.class);
        assertThat(dnat.source().number()).isEqualTo(9);
    }

    @Test
    void keepsTrailingCounters() {
        EbtRule rule = EbtablesSaveParser.parse("*filter\n:FORWARD ACCEPT\n-A FORWARD -i a -j ACCEPT -c 7 420\n")
                .table(EbtTableName.FILTER).chain("FORWARD").rules().get(0);

        assertThat(rule.counters()).isEqualTo(new Counters(7, 420));
        assertThat(EbtablesSavePrinter.rule("FORWARD", rule)).isEqualTo("-A FORWARD -i a -j ACCEPT -c 7 420");
    }

    /** Found by ScenarioFuzzTest: a chain named with a blank was printed as a chain and a policy. */
    @Test
    void aChainNameWithABlankIsRefused() {
        assertThatThrownBy(() -> EbtablesSaveParser.parse("*filter\n:INPUT ACCEPT\n:FORWARD\\ -2147483649 ACCEPT\n"))
                .hasMessage("line 3: 'FORWARD -2147483649' cannot be a chain name");
        assertThatThrownBy(() -> EbtablesSaveParser.parse("*filter\n:\"a b\" RETURN\n"))
                .hasMessage("line 2: 'a b' cannot be a chain name");
    }

    /** ebtables-nft's {@code ebtables-save -c} (1.8.9) writes them before the rule, as iptables-save does. */
    @Test
    void readsLeadingCountersAsEbtablesNftSavesThem() {
        EbtRule rule = EbtablesSaveParser.parse("*filter\n:FORWARD ACCEPT\n[3:294] -A FORWARD -s 02:42:ac:11:00:02 -j DROP\n")
                .table(EbtTableName.FILTER).chain("FORWARD").rules().get(0);

        assertThat(rule.counters()).isEqualTo(new Counters(3, 294));
        assertThatThrownBy(() -> EbtablesSaveParser.parse("*filter\n:FORWARD ACCEPT\n[3:x] -A FORWARD -j DROP\n"))
                .hasMessage("line 3: 'x' is not a counter value");
        assertThatThrownBy(() -> EbtablesSaveParser.parse("*filter\n:FORWARD ACCEPT\n[3:4] FORWARD -j DROP\n"))
                .hasMessageStartingWith("line 3: a rule is '-A CHAIN ...'");
        assertThatThrownBy(() -> EbtablesSaveParser.parse("*filter\n:FORWARD ACCEPT\n[3:4] -A FORWARD -j DROP -c 3 4\n"))
                .hasMessageContaining("line 3").hasMessageContaining("-c given twice");
    }

    @Test
    void refusesLoopsBetweenUserChains() {
        assertThatThrownBy(() -> EbtablesSaveParser.parse("""
                *filter
                :FORWARD ACCEPT
                :a ACCEPT
                :b ACCEPT
                -A FORWARD -j a
                -A a -j b
                -A b -j a
                """)).hasMessage("line 7: jump to a makes a loop (FORWARD -> a -> b -> a); the kernel refuses it");
    }

    @Test
    void refusesPoliciesTheKernelDoesNotHave() {
        assertThatThrownBy(() -> EbtablesSaveParser.parse("*filter\n:INPUT RETURN\n"))
                .hasMessageStartingWith("line 2: 'RETURN' is not a valid policy for built-in chain INPUT");
        assertThatThrownBy(() -> EbtablesSaveParser.parse("*filter\n:x CONTINUE\n"))
                .hasMessageStartingWith("line 2: 'CONTINUE' is not a valid policy for chain x");
        assertThatThrownBy(() -> EbtablesSaveParser.parse("*mangle\n"))
                .hasMessage("line 1: unknown ebtables table 'mangle' (filter, nat, broute)");
        assertThatThrownBy(() -> EbtablesSaveParser.parse("-A FORWARD -j ACCEPT\n"))
                .hasMessageStartingWith("line 1: no table selected");
    }

    private static String table(String table, String rule) {
        EbtTableName name = EbtTableName.bySaveName(table);
        StringBuilder text = new StringBuilder("*").append(table).append('\n');
        name.builtinChains().forEach(chain -> text.append(':').append(chain).append(" ACCEPT\n"));
        return text.append(":foo ACCEPT\n:foo2 RETURN\n").append(rule).append('\n').toString();
    }
}
