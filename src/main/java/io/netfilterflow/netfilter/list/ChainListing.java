package io.netfilterflow.netfilter.list;

import io.netfilterflow.netfilter.bridge.EbtChain;
import io.netfilterflow.netfilter.bridge.EbtRule;
import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.trace.ChainRules;
import java.util.ArrayList;
import java.util.List;

/** Every chain of a host's rulesets as the simulator runs them, each rule with its source line. */
public final class ChainListing {

    private ChainListing() {
    }

    public static List<ChainRules> of(IptablesRuleset iptables, EbtablesRuleset ebtables) {
        List<ChainRules> chains = new ArrayList<>();
        for (IptTable table : iptables.tables()) {
            for (IptChain chain : table.chains()) {
                List<ChainRules.Line> lines = new ArrayList<>();
                policy(chain.declaredAt(), lines);
                for (IptRule rule : chain.rules()) {
                    rule(rule.source(), lines);
                }
                chains.add(new ChainRules("ip", table.name().saveName(), chain.name(), lines));
            }
        }
        for (EbtTable table : ebtables.tables()) {
            for (EbtChain chain : table.chains()) {
                List<ChainRules.Line> lines = new ArrayList<>();
                policy(chain.declaredAt(), lines);
                for (EbtRule rule : chain.rules()) {
                    rule(rule.source(), lines);
                }
                chains.add(new ChainRules("bridge", table.name().saveName(), chain.name(), lines));
            }
        }
        return chains;
    }

    private static void policy(SourceLine declared, List<ChainRules.Line> lines) {
        if (declared != null) {
            lines.add(new ChainRules.Line(declared.number(), declared.text().trim(), "policy"));
        }
    }

    private static void rule(SourceLine source, List<ChainRules.Line> lines) {
        if (source != null) {
            lines.add(new ChainRules.Line(source.number(), source.text().trim(), "rule"));
        }
    }
}
