package io.netfilterflow.scenario;

import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.bridge.EbtTableName;
import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.match.RecentMatch;
import io.netfilterflow.netfilter.xtables.match.SetMatch;
import io.netfilterflow.problem.Problem;
import java.util.List;
import java.util.Map;

/** What the rules need of the rest of the scenario: the ipsets they name, a backend with their tables. */
final class RulesChecks {

    private final ScenarioReader reader;

    RulesChecks(ScenarioReader reader) {
        this.reader = reader;
    }

    void check(IptablesRuleset iptables, EbtablesRuleset ebtables, Backend backend, Map<String, List<Ipv4Prefix>> sets) {
        Map<String, RecentMatch> recentLists = new java.util.HashMap<>();
        for (IptTable table : iptables.tables()) {
            for (IptChain chain : table.chains()) {
                for (IptRule rule : chain.rules()) {
                    for (XtMatch match : rule.matches()) {
                        if (match instanceof SetMatch set && !sets.containsKey(set.setName())) {
                            throw new ScenarioException("host.iptables", 0, rule.source().number(),
                                    Problem.of("scenario.ipset-undefined", set.setName()));
                        }
                        if (match instanceof RecentMatch recent) {
                            sameMask(recentLists, recent, rule.source().number());
                        }
                    }
                }
            }
        }
        for (EbtTable table : ebtables.tables()) {
            if (table.name() == EbtTableName.BROUTE && backend == Backend.NFT) {
                int line = table.chains().isEmpty() || table.chains().get(0).declaredAt() == null ? 0
                        : table.chains().get(0).declaredAt().number();
                throw new ScenarioException("host.ebtables", 0, line, Problem.of("scenario.broute-needs-legacy"));
            }
        }
    }

    /**
     * {@code recent_mt_check}: the rule that creates a list gives it its mask and later rules' masks are
     * ignored; which rule the kernel loads first is not the simulator's to guess, so one list, one mask.
     */
    private static void sameMask(Map<String, RecentMatch> lists, RecentMatch recent, int line) {
        RecentMatch first = lists.putIfAbsent(recent.listName(), recent);
        if (first != null && !first.mask().equals(recent.mask())) {
            throw new ScenarioException("host.iptables", 0, line,
                    Problem.of("scenario.recent-mask-differs", recent.listName(), first.mask(), recent.mask()));
        }
    }
}
