package io.netfilterflow.netfilter.xtables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.netfilter.ipv4.save.IptablesSavePrinter;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.support.RulesText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Every match and target, its options, their negation and their defaults: each rule as written
 * is read and printed back exactly as iptables 1.8.9 prints it; each malformed rule is refused
 * with its line and a reason.
 */
class IptablesExtensionsTest {

    @ParameterizedTest(name = "{1}")
    @CsvFileSource(resources = "/rules/iptables-extensions.psv", delimiter = '|', quoteCharacter = '\u0000')
    void printsEachRuleAsIptablesSaveDoes(String table, String written, String expected) {
        String printed = IptablesSavePrinter.print(IptablesSaveParser.parse(RulesText.table(table, written)));

        assertThat(printed.lines().filter(line -> line.startsWith("-A"))).containsExactly(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvFileSource(resources = "/rules/iptables-extensions.psv", delimiter = '|', quoteCharacter = '\u0000')
    void readsItsOwnOutputBackToTheSameModel(String table, String written, String expected) {
        IptRule once = onlyRule(table, written);
        IptRule twice = onlyRule(table, expected);

        assertThat(twice.withoutSource()).isEqualTo(once.withoutSource());
    }

    @ParameterizedTest(name = "{1}")
    @CsvFileSource(resources = "/rules/iptables-errors.psv", delimiter = '|', quoteCharacter = '\u0000')
    void refusesMalformedRulesNamingLineAndReason(String table, String written, String reason) {
        String harmless = "-A " + IptTableName.bySaveName(table).builtinChains().get(0) + " -j ACCEPT";
        assertThatThrownBy(() -> IptablesSaveParser.parse(RulesText.table(table, harmless, written)))
                .isInstanceOf(RulesSyntaxException.class)
                .hasMessageStartingWith("line " + (RulesText.firstRuleLine(table) + 1) + ": ")
                .hasMessageContaining(reason);
    }

    private static IptRule onlyRule(String table, String rule) {
        var ruleset = IptablesSaveParser.parse(RulesText.table(table, rule));
        String chain = rule.split(" ")[1];
        return ruleset.table(IptTableName.bySaveName(table)).chain(chain).rules().get(0);
    }
}
