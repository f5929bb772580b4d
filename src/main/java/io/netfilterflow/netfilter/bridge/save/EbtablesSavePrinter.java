package io.netfilterflow.netfilter.bridge.save;

import io.netfilterflow.netfilter.bridge.EbtChain;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.bridge.EbtRule;
import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.bridge.EbtWatcher;
import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.save.RuleWriter;

/** Prints a ruleset as {@code ebtables-save} does (without comments and trailing blanks). */
public final class EbtablesSavePrinter {

    private EbtablesSavePrinter() {
    }

    public static String print(EbtablesRuleset ruleset) {
        StringBuilder out = new StringBuilder();
        for (EbtTable table : ruleset.tables()) {
            out.append('*').append(table.name().saveName()).append('\n');
            for (EbtChain chain : table.chains()) {
                out.append(':').append(chain.name()).append(' ').append(chain.policy().name()).append('\n');
            }
            for (EbtChain chain : table.chains()) {
                for (EbtRule rule : chain.rules()) {
                    out.append(rule(chain.name(), rule)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** One rule as ebtables-save prints it. */
    public static String rule(String chain, EbtRule rule) {
        StringBuilder line = new StringBuilder(64);
        RuleWriter out = new RuleWriter(line);
        out.word("-A").word(chain);
        options(rule, out);
        if (rule.counters() != null) {
            out.word("-c").word(Long.toString(rule.counters().packets())).word(Long.toString(rule.counters().bytes()));
        }
        return line.toString();
    }

    /** What follows {@code -A CHAIN}, without counters: also the rule's words in {@code ebtables -L}. */
    public static String options(EbtRule rule) {
        StringBuilder line = new StringBuilder(64);
        options(rule, new RuleWriter(line));
        return line.toString();
    }

    private static void options(EbtRule rule, RuleWriter out) {
        rule.entry().save(out);
        for (EbtMatch match : rule.matches()) {
            match.save(out);
        }
        for (EbtWatcher watcher : rule.watchers()) {
            watcher.save(out);
        }
        out.word("-j").word(rule.target().name());
        rule.target().saveOptions(out);
    }
}
