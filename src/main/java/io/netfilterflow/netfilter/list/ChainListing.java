package io.netfilterflow.netfilter.list;

import io.netfilterflow.host.Host;
import io.netfilterflow.netfilter.nft.NftChain;
import io.netfilterflow.netfilter.nft.NftTable;
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

    public static List<ChainRules> of(Host host) {
        List<ChainRules> chains = new ArrayList<>(of(host.iptables(), host.ebtables()));
        for (NftTable table : host.nftables().ruleset().tables()) {
            for (NftChain chain : table.chains()) {
                List<ChainRules.Line> lines = new ArrayList<>();
                if (chain.isBase()) {
                    lines.add(new ChainRules.Line(chain.line(), "policy " + chain.base().policy().name()
                            .toLowerCase(java.util.Locale.ROOT), "policy"));
                }
                chain.rules().forEach(rule -> lines.add(new ChainRules.Line(rule.line(), rule.text().strip(), "rule")));
                chains.add(new ChainRules(table.family().nftName(), table.name(), chain.name(), lines));
            }
        }
        return chains;
    }

    public static List<ChainRules> of(IptablesRuleset iptables, EbtablesRuleset ebtables) {
        List<ChainRules> chains = new ArrayList<>();
        for (IptTable table : iptables.tables()) {
            for (IptChain chain : table.chains()) {
                chains.add(chain("ip", table.name().saveName(), chain.name(), chain.declaredAt(),
                        chain.rules().stream().map(IptRule::source).toList()));
            }
        }
        for (EbtTable table : ebtables.tables()) {
            for (EbtChain chain : table.chains()) {
                chains.add(chain("bridge", table.name().saveName(), chain.name(), chain.declaredAt(),
                        chain.rules().stream().map(EbtRule::source).toList()));
            }
        }
        return chains;
    }

    /** A chain's policy line (when declared) and its rules' lines, in the order they run. */
    private static ChainRules chain(String family, String table, String name, SourceLine declared,
                                    List<SourceLine> rules) {
        List<ChainRules.Line> lines = new ArrayList<>();
        if (declared != null) {
            lines.add(new ChainRules.Line(declared.number(), declared.text().trim(), "policy"));
        }
        for (SourceLine rule : rules) {
            if (rule != null) {
                lines.add(new ChainRules.Line(rule.number(), rule.text().trim(), "rule"));
            }
        }
        return new ChainRules(family, table, name, lines);
    }
}
