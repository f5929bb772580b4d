package io.netfilterflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.nft.NftBaseChain;
import io.netfilterflow.netfilter.nft.NftChain;
import io.netfilterflow.netfilter.nft.NftChainType;
import io.netfilterflow.netfilter.nft.NftPolicy;
import io.netfilterflow.netfilter.nft.NftRule;
import io.netfilterflow.netfilter.nft.NftRuleset;
import io.netfilterflow.netfilter.nft.NftRulesetParser;
import io.netfilterflow.netfilter.nft.NftTable;
import io.netfilterflow.netfilter.nft.NftVerdict;
import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kernel's own printing of a native ruleset reads: loaded with {@code nft -f} in a namespace of the test's
 * own (gone with its process), listed back with {@code nft list ruleset} and {@code nft -a list ruleset}, both
 * read into the same tables, chains, priorities and verdicts, and {@code -a}'s handles onto every rule.
 */
@Tag("kernel")
class NftListRulesetConformanceTest {

    private static final String RULESET = """
                table inet host {
                \tset admins {
                \t\ttype ipv4_addr
                \t\tflags interval
                \t\telements = { 10.0.0.0/8, 192.168.1.7 }
                \t}
                \tmap ports {
                \t\ttype inet_service : verdict
                \t\telements = { 22 : jump ssh, 80 : accept }
                \t}
                \tchain input {
                \t\ttype filter hook input priority filter + 5; policy drop;
                \t\tct state established,related accept
                \t\tiifname "lo" accept comment "loopback"
                \t\ttcp dport vmap @ports
                \t\tmeta l4proto { tcp, udp } th dport 53 accept
                \t}
                \tchain ssh {
                \t\tip saddr @admins accept
                \t\treturn
                \t}
                }
                table ip nat {
                \tchain pre {
                \t\ttype nat hook prerouting priority dstnat; policy accept;
                \t\ttcp dport 8080 dnat to 10.1.1.1:80
                \t}
                \tchain out {
                \t\ttype nat hook output priority -100; policy accept;
                \t}
                \tchain post {
                \t\ttype nat hook postrouting priority srcnat; policy accept;
                \t\toifname "eth0" masquerade
                \t}
                }
                table bridge br {
                \tchain forwarding {
                \t\ttype filter hook forward priority filter; policy accept;
                \t\tether type arp drop
                \t}
                }
                """;

    @Test
    void whatNftListRulesetPrintsAfterALoadIsReadWithItsPrioritiesAndHandles() throws IOException {
        NftListings listings = NftListings.afterLoading(RULESET);
        NftRuleset listed = NftRulesetParser.parse(listings.plain());
        NftRuleset withHandles = NftRulesetParser.parse(listings.handles());

        assertThat(withHandles.tables()).extracting(NftTable::name).containsExactly("host", "nat", "br");
        assertThat(baseChains(withHandles)).containsExactly(
                new NftBaseChain(NftChainType.FILTER, "input", 5, NftPolicy.DROP, "filter + 5"),
                new NftBaseChain(NftChainType.NAT, "prerouting", -100, NftPolicy.ACCEPT, "dstnat"),
                new NftBaseChain(NftChainType.NAT, "output", -100, NftPolicy.ACCEPT, "-100"),
                new NftBaseChain(NftChainType.NAT, "postrouting", 100, NftPolicy.ACCEPT, "srcnat"),
                new NftBaseChain(NftChainType.FILTER, "forward", -200, NftPolicy.ACCEPT, "filter"));
        assertThat(baseChains(listed)).isEqualTo(baseChains(withHandles));
        assertThat(rules(withHandles)).allMatch(rule -> rule.handle() != null).hasSize(9);
        assertThat(rules(listed)).allMatch(rule -> rule.handle() == null)
                .extracting(NftRule::text).isEqualTo(rules(withHandles).stream().map(NftRule::text).toList());
        assertThat(rules(withHandles)).extracting(NftRule::verdict).contains(
                new NftVerdict(NftVerdict.Kind.RETURN, null), new NftVerdict(NftVerdict.Kind.DROP, null));
        assertThat(withHandles.tables().get(0).sets()).hasSize(2);
        assertThat(withHandles.tables().get(0).sets().get(1).elements()).containsExactly("22 : jump ssh", "80 : accept");
    }

    private static java.util.List<NftBaseChain> baseChains(NftRuleset ruleset) {
        return ruleset.tables().stream().flatMap(table -> table.chains().stream())
                .filter(NftChain::isBase).map(NftChain::base).toList();
    }

    private static java.util.List<NftRule> rules(NftRuleset ruleset) {
        return ruleset.tables().stream().flatMap(table -> table.chains().stream())
                .flatMap(chain -> chain.rules().stream()).toList();
    }
}
