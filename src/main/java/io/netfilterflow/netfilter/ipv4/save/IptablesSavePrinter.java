package io.netfilterflow.netfilter.ipv4.save;

import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtMatch;

/**
 * Prints a ruleset as {@code iptables-save} does (without its date comments): chain lines with
 * counters, rules grouped by chain, {@code [p:b]} prefixes where the input had them.
 */
public final class IptablesSavePrinter {

    private IptablesSavePrinter() {
    }

    public static String print(IptablesRuleset ruleset) {
        StringBuilder out = new StringBuilder(ruleset.ruleCount() * 96 + 64);
        for (IptTable table : ruleset.tables()) {
            out.append('*').append(table.name().saveName()).append('\n');
            for (IptChain chain : table.chains()) {
                Counters counters = chain.counters() == null ? Counters.ZERO : chain.counters();
                out.append(':').append(chain.name()).append(' ')
                        .append(chain.isBuiltin() ? chain.policy().name() : "-").append(' ')
                        .append(counters.bracketed()).append('\n');
            }
            for (IptChain chain : table.chains()) {
                for (IptRule rule : chain.rules()) {
                    out.append(rule(chain.name(), rule)).append('\n');
                }
            }
            out.append("COMMIT\n");
        }
        return out.toString();
    }

    /** One rule as iptables-save prints it, e.g. {@code -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT}. */
    public static String rule(String chain, IptRule rule) {
        StringBuilder line = new StringBuilder(96);
        RuleWriter out = new RuleWriter(line);
        if (rule.counters() != null) {
            out.word(rule.counters().bracketed());
        }
        out.word("-A").word(chain);
        rule.header().save(out);
        for (XtMatch match : rule.matches()) {
            out.word("-m").word(match.name());
            match.save(out);
        }
        if (rule.target() != null) {
            rule.target().save(out);
        }
        return line.toString();
    }
}
