package io.netfilterflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.nft.NftChain;
import io.netfilterflow.netfilter.nft.NftRuleset;
import io.netfilterflow.netfilter.nft.NftRulesetParser;
import io.netfilterflow.netfilter.nft.NftRulesetPrinter;
import io.netfilterflow.netfilter.nft.NftTable;
import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code print} round-trips what the kernel's nft prints: a ruleset written by hand, not as nft prints it
 * (extra spaces, a set declared after the chain that uses it, {@code policy} before {@code type}, a set's
 * {@code elements} before its {@code type}, unsorted elements, numeric priorities nft prints by name, rules nft
 * shortens), is loaded with {@code nft -f} in a namespace of the test's own, listed with
 * {@code nft list ruleset} and {@code nft -a list ruleset}, and each listing read and printed equals it byte
 * for byte; every priority nft printed is the name {@link io.netfilterflow.netfilter.nft.NftFamily#priorityName}
 * gives its number.
 */
@Tag("kernel")
class NftRulesetPrintConformanceTest {

    private static final String WRITTEN = """
            table   inet   host {
              chain ssh   {
                ip saddr @admins    counter accept
                comment "admins only"
              }
              chain input {
                policy drop ;   type filter hook input priority -5
                ct state related,established accept
                ip protocol tcp tcp dport { 443, 22 } accept comment "web and ssh"
                iifname "lo" accept
                meta l4proto udp udp dport 53 accept
                tcp dport vmap @ports
              }
              set admins {
                elements = { 192.168.1.7, 10.0.0.0/8 }
                flags interval
                type ipv4_addr
                comment "admins"
              }
              map ports { type inet_service : verdict; elements = { 22 : jump ssh, 80 : accept, 8080 : drop } ; }
            }
            table ip nat {
              chain post { type nat hook postrouting priority 105; oifname "eth0" masquerade; }
              chain pre { type nat hook prerouting priority -100; tcp dport 8080 dnat to 10.1.1.1:80; }
              chain raw { type filter hook prerouting priority -300; }
              chain mangle { type route hook output priority -145; }
            }
            table bridge br {
              chain forwarding { type filter hook forward priority -200; ether type arp drop; }
              chain outgoing { type filter hook output priority 100; }
            }
            """;

    @Test
    void whatNftListsAfterLoadingAHandWrittenRulesetPrintsBackByteForByte() throws IOException {
        NftListings listings = NftListings.afterLoading(WRITTEN);
        assertThat(listings.plain()).isNotEqualTo(WRITTEN).contains("priority filter - 5;")
                .contains("priority srcnat + 5;").contains("priority mangle + 5;").contains("priority out;");

        for (String listing : new String[] {listings.plain(), listings.handles()}) {
            NftRuleset ruleset = NftRulesetParser.parse(listing);
            assertThat(NftRulesetPrinter.print(ruleset)).isEqualTo(listing);
            for (NftTable table : ruleset.tables()) {
                for (NftChain chain : table.chains()) {
                    if (chain.isBase()) {
                        assertThat(table.family().priorityName(chain.base().hook(), chain.base().priority()))
                                .as(table.family() + " " + table.name() + " " + chain.name())
                                .isEqualTo(chain.base().writtenPriority());
                    }
                }
            }
        }
        assertThat(listings.handles()).contains("# handle");
    }
}
