package io.netfilterflow.scenario;

import io.netfilterflow.host.Backend;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.bridge.EbtTableName;
import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.match.SetMatch;
import java.util.List;
import java.util.Map;

/** What the rules need of the rest of the scenario: the ipsets they name, a backend with their tables. */
final class RulesChecks {

    private final ScenarioReader reader;

    RulesChecks(ScenarioReader reader) {
        this.reader = reader;
    }

    void check(IptablesRuleset iptables, EbtablesRuleset ebtables, Backend backend, Map<String, List<Ipv4Prefix>> sets) {
        for (IptTable table : iptables.tables()) {
            for (IptChain chain : table.chains()) {
                for (IptRule rule : chain.rules()) {
                    for (XtMatch match : rule.matches()) {
                        if (match instanceof SetMatch set && !sets.containsKey(set.setName())) {
                            throw new ScenarioException("host.iptables", 0, rule.source().number(), "ipset '"
                                    + set.setName() + "' is not defined; add it to host.ipsets");
                        }
                    }
                }
            }
        }
        for (EbtTable table : ebtables.tables()) {
            if (table.name() == EbtTableName.BROUTE && backend == Backend.NFT) {
                int line = table.chains().isEmpty() || table.chains().get(0).declaredAt() == null ? 0
                        : table.chains().get(0).declaredAt().number();
                throw new ScenarioException("host.ebtables", 0, line, "the broute table exists only with the legacy "
                        + "backend (ebtables-nft has none); set host.backend to \"legacy\"");
            }
        }
    }
}
